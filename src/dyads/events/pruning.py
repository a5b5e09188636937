"""Pruning one sentence's codings: the events that only retell another event of the same sentence are dropped.

Pure functions over the extractor's candidates and their events; `prune_codings` is the one entry point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from spacy.tokens import Token

from dyads.events import structure as st
from dyads.events.ontology import load_ontology, specificity
from dyads.model import Event

if TYPE_CHECKING:
    from dyads.events.extract import _Candidate

#: Appeals, demands and disapproval, which a protest's purpose clause expresses without being an event of its own
#: ("went on strike TO DEMAND", "marched TO PROTEST the killing").
DEMAND_ROOTS = {"02", "10", "11"}


#: Requests, offers and refusals, whose event noun's purpose ("demanded a meeting TO DISCUSS ...") is what the
#: requested event would be about, not an event of its own.
REQUEST_ROOTS = {"02", "03", "10", "12"}

#: Prepositions that name whom a meeting is with: "met WITH", "talks BETWEEN", "consulted AMONG".
PARTNER_PREPS = {"with", "between", "among", "amongst"}
#: Objects of a meeting verb that are the meeting itself, not a partner: "held an emergency MEETING", "a SESSION".
SELF_MEETING_OBJECTS = {"session", "sitting", "plenary", "meeting", "emergency meeting", "consultation"}


#: Verbs of calling for something (verbs.tsv gives "called for sanctions against Y" 111) and the prepositions that
#: name whom such a call asks to act ("called ON the UN for sanctions", "appealed TO the EU for an embargo").
CALL_VERBS = {"urge", "seek", "call", "appeal", "press", "push", "demand", "advocate"}
ADDRESSEE_PREPS = {"on", "upon", "to"}
#: The code of a call with an addressee: the generic appeal, as "called on the UN" alone gives (verbs.tsv).
APPEAL = "020"

#: Documents whose relative or infinitive clause says what they say or aim at ("a resolution THAT AIMS TO impose a
#: blockade", "a bill BANNING imports"): that content is no act of anyone's, only the document's adoption is.
CONTENT_DOCUMENTS = {"resolution", "draft", "bill", "law", "legislation", "motion", "proposal", "plan", "amendment",
                  "decree", "text", "initiative", "blueprint", "measure"}
#: Links from a clause up to the clause that holds it ("aims TO TIGHTEN ... and IMPOSE").
CLAUSE_LINKS = ("xcomp", "conj", "advcl", "ccomp")

#: Military cooperation (training, exercises), which needs a partner outside the doer's own state.
MILITARY_COOPERATION = "062"


def prune_codings(coded: list[tuple[_Candidate, list[Event]]],
                  is_event_noun: Callable[[Token], bool] = lambda t: False,
                  bodies: frozenset[str] = frozenset()) -> list[Event]:
    """One sentence's codings less those that retell another: an actor's target-less coding beside a dyadic one (its
    manner or result: "opened fire on the crowd, KILLING one person"), a protest's purpose ("marched TO DEMAND"), the
    content of an agreement or plan already coded ("signed an agreement TO INCREASE trade"), and a second coding of
    the same dyad and CAMEO root (the one in the higher clause stays), and a collective body's meeting with no
    partner ("Israel's Cabinet MET Sunday and decided ...": a sitting, not a consultation), and military
    cooperation with the doer's own state ("North Korea has TRAINED 500 hackers": its own forces, no partner).
    ``bodies``: the lexicon's class BODY (classes.tsv), the collective bodies whose sitting is no consultation."""
    protests = {c.verb.i: {e.source.code for e in evs} for c, evs in coded if any(e.cameo[:2] == "14" for e in evs)}
    requests = {c.verb.i: {e.source.code for e in evs} for c, evs in coded
                if any(e.cameo[:2] in REQUEST_ROOTS for e in evs)}
    dyadic_sources = {e.source.code for _, evs in coded for e in evs if e.target is not None}
    nouns: dict[int, set[str | None]] = {}  # nouns that other codings are about -> their sources
    for c, evs in coded:
        for n in [*st.objects(c.verb), *([c.trigger.noun] if c.trigger.noun is not None else [])]:
            if c.verb.dep_ == "relcl" and n.i == c.verb.head.i:
                continue  # the noun a relative clause describes is not what that clause's event is about
            nouns.setdefault(n.i, set()).update(e.source.code for e in evs)
    deliveries = _deliveries_of_aid(coded)
    kept: list[tuple[int, Event]] = []
    for c, evs in coded:
        for ev in evs:
            if id(ev) in deliveries:
                continue  # "donated and personally DELIVERED goods to the school": the aid's delivery, one act
            if ev.target is None and ev.source.code in dyadic_sources and not ev.weapons:
                continue  # (a target-less event naming weapons stays: the arms ledger reads its supplier off them)
            if ev.target is None and ev.cameo[:2] == "04" and _body_meeting_alone(c, bodies):
                continue
            if ev.cameo == MILITARY_COOPERATION and not ev.weapons and ev.target is not None \
                    and ev.source.country and ev.target.country == ev.source.country:
                continue  # "North Korea has TRAINED 500 hackers", "the army trained recruits": its own forces
            if ev.cameo[:2] in DEMAND_ROOTS and _purpose_of_protest(c.verb, ev.source.code, protests):
                continue
            if _purpose_of_requested_event(c.verb, ev.source.code, requests, is_event_noun):
                continue  # "demanded a meeting of the Council TO DISCUSS Croatia's advance": the demand only
            if _content_of_document(c.verb, ev):
                continue  # "a resolution that AIMS TO IMPOSE a blockade against Serbia": what it says, not an act
            if _content_of_agreement(c.verb, ev.source.code, nouns):
                continue  # "signed an agreement TO INCREASE trade": what was agreed, not a second event
            if ev.cameo == "111" and _asks_addressee(c.verb, ev):
                # "called ON THE UN for sanctions against Israel": an appeal to the UN
                ev = load_ontology().recode(ev, APPEAL, "a call that asks an addressee is an appeal to it")
            kept.append((_depth(c.verb), ev))
    best: dict[tuple[str | None, str | None, str], tuple[tuple[int, int], Event]] = {}
    for depth, ev in kept:
        key = (ev.source.code, ev.target.code if ev.target else None, ev.cameo[:2])
        rank = (-specificity(ev.cameo), depth)  # the most specific code, then the higher clause
        if key not in best or rank < best[key][0]:
            best[key] = (rank, ev)
    chosen = {id(ev) for _, ev in best.values()}
    return [ev for _, ev in kept if id(ev) in chosen]


#: Roots of aid (07) and of the plain economic cooperation (06) a delivery of goods is coded as on its own.
AID_ROOT, COOPERATION_ROOT = "07", "06"


def _deliveries_of_aid(coded: list[tuple[_Candidate, list[Event]]]) -> set[int]:
    """Events that only deliver what a coordinated verb gives as aid: in "donated and personally delivered goods to
    the school" the delivery (06x) is how the donation (07x) reached the school, one act. Weapons stay apart (the arms
    ledger reads a sale and a delivery as two steps)."""
    by_verb = {c.verb.i: evs for c, evs in coded}
    out: set[int] = set()
    for c, evs in coded:
        partners = [c.verb.head.i] if c.verb.dep_ == "conj" else []
        partners += [t.i for t in c.verb.children if t.dep_ == "conj"]
        aid = {(e.source.code, e.target.code) for i in partners for e in by_verb.get(i, [])
               if e.target is not None and e.cameo[:2] == AID_ROOT}
        out |= {id(e) for e in evs if e.cameo[:2] == COOPERATION_ROOT and not e.weapons and e.target is not None
                and (e.source.code, e.target.code) in aid}
    return out


def _asks_addressee(verb: Token, ev: Event) -> bool:
    """Is ``ev`` (a 111 from a call for punishing someone) aimed at whom the call asks to act ("called ON the UN for
    sanctions against Israel", "appealed TO the EU for an embargo")? Then it is an appeal to that addressee, not a
    denunciation of it; a call naming no addressee ("called for sanctions against Nigeria") stays 111."""
    if ev.target is None or verb.lemma_.lower() not in CALL_VERBS:
        return False
    return any(p in ADDRESSEE_PREPS and ev.target.text in " ".join(t.text for t in o.subtree)
               for p, o in st.prep_objects(verb))


def _body_meeting_alone(c: _Candidate, bodies: frozenset[str]) -> bool:
    """Is ``c`` one collective body meeting with no partner named ("the Cabinet met Sunday", "parliament convened
    on Tuesday", "the council held an emergency session")? Such a sitting is the body's own business, not a
    consultation (04x) with anyone; "the cabinet met WITH union leaders", "the two leaders met", "ministers met in
    Brussels" (people meeting each other) are not."""
    if c.trigger.noun is not None or len(c.sources) != 1:
        return False
    subj = c.sources[0]
    if subj.tag_ not in ("NN", "NNP") or subj.lemma_.lower() not in bodies:
        return False
    if any(p in PARTNER_PREPS for p, _ in st.prep_objects(c.verb)):
        return False
    return all(_object_term(o) in SELF_MEETING_OBJECTS for o in st.objects(c.verb))


def _object_term(tok: Token) -> str:
    mods = [m.lower_ for m in tok.lefts if m.dep_ in ("compound", "amod")]
    term = f"{mods[-1]} {tok.lemma_.lower()}" if mods else tok.lemma_.lower()
    return term if term in SELF_MEETING_OBJECTS else tok.lemma_.lower()


def _content_of_agreement(verb: Token, source: str | None, nouns: dict[int, set[str | None]]) -> bool:
    """Is ``verb`` what an already coded agreement, plan or deal says ("an agreement TO INCREASE trade", whether the
    parser hangs the infinitive on the noun or on the verb that signed it)?"""
    if verb.dep_ in ("acl", "relcl") and source in nouns.get(verb.head.i, ()):
        return True
    if verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return any(o.lemma_.lower() in st.COMMITMENT_NOUNS and source in nouns.get(o.i, ())
                   for o in st.objects(verb.head))
    return False


def _content_of_document(verb: Token, ev: Event) -> bool:
    """Is ``verb`` in a relative or participle clause of a document noun ("a Security Council resolution THAT AIMS
    TO tighten sanctions and IMPOSE a blockade", "a draft IMPOSING an embargo") with the document as the event's
    doer? The clause is the document's content; whoever adopts, supports or rejects it is coded on that verb."""
    tok = verb
    while tok.dep_ in CLAUSE_LINKS and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("relcl", "acl"):
        return False
    noun = tok.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONTENT_DOCUMENTS:
        return False
    words = ev.source.text.split()
    return bool(words) and words[-1] == noun.text


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def _purpose_of_protest(verb: Token, source: str | None, protests: dict[int, set[str | None]]) -> bool:
    """Is ``verb`` the purpose or manner clause of a protest by the same source ("demonstrated CALLING FOR
    independence", "blocked roads TO PRESS their demands")? CAMEO codes such a sentence as the protest alone."""
    tok = verb
    while tok.dep_ in ("advcl", "xcomp", "acl", "relcl", "conj") and tok.head.i != tok.i:
        tok = tok.head
        if tok.i in protests and source in protests[tok.i]:
            return True
    return False


def _purpose_of_requested_event(verb: Token, source: str | None, requests: dict[int, set[str | None]],
                                is_event_noun: Callable[[Token], bool]) -> bool:
    """Is ``verb`` the purpose of an event noun that the same source demands, proposes or refuses ("demanded a
    MEETING of the Security Council TO DISCUSS ...", "called for TALKS to settle ...", "rejected an invitation TO
    ATTEND")? It says what the requested event would be about; CAMEO codes the request alone."""
    if verb.dep_ not in ("advcl", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "acl":  # the infinitive hangs on the noun: its governor is the verb above the noun
        nouns, governor = [verb.head], verb.head.head
        if governor.dep_ == "prep":  # "called FOR a session to ..."
            governor = governor.head
    else:
        governor = verb.head
        nouns = [*st.objects(governor), *(o for p, o in st.prep_objects(governor) if p in ("for", "to"))]
    return source in requests.get(governor.i, ()) and any(is_event_noun(n) for n in nouns)
