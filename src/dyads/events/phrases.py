"""Phrase helpers for the event extractor: pure functions over spaCy tokens.

What is a predicate, which clause a word belongs to, what a measuring head contains ("700 kg OF medicine"), where an
event takes place, and the lookup forms of a noun for the lexicon.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.events import structure as st
from dyads.model import Actor, Location

VERBAL_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp"}


def is_predicate(tok: Token) -> bool:
    """A verb, or a word the tagger mislabelled that heads a clause with an object ("that Stockholm EXTRADITE X")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
        return True
    return tok.pos_ in ("ADJ", "NOUN") and tok.dep_ in VERBAL_DEPS and any(c.dep_ == "dobj" for c in tok.children)


#: Heads that measure or divide their "of" phrase: the event is about what they contain.
CONTAINER_NOUNS = {"kg", "kilogram", "ton", "tonne", "tons", "worth", "batch", "shipment", "consignment", "part",
                   "portion", "share", "number", "lot", "package", "load", "supply", "quantity", "amount", "set",
                   "pair", "squadron", "fleet", "dozen", "hundred", "thousand", "million", "day", "week",
                   "delivery", "first", "unit", "tranche", "round", "score", "team", "group", "mission",
                   "half", "third", "quarter", "fraction"}  # "one THIRD of the guerrillas"


def of_contents(noun: Token) -> list[Token]:
    """What a measuring head contains: "700 kg of MEDICINE", "a batch of J-10C JETS", "10 days of war GAMES"."""
    if noun.lemma_.lower() not in CONTAINER_NOUNS and noun.pos_ != "NUM":
        return []
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


LOCATION_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout")


def location(verb: Token, noun: Token | None, names) -> Location | None:  # type: ignore[no-untyped-def]
    """Where the sentence places the event: a place, capital or country in a locative phrase of the verb or of its
    event noun ("talks IN Amman", "a strike NEAR Samarra")."""
    holders = [verb] + ([noun] if noun is not None else [])
    for h in holders:
        for prep, obj in st.prep_objects(h):
            if prep not in LOCATION_PREPS:
                continue
            for t in [obj, *(g for p, g in st.prep_objects(obj) if p == "of")]:  # "the town OF Rafah"
                if t.i in names:
                    span, entries = names[t.i]
                    e = next((x for x in entries if x.kind in ("place", "capital", "country")), None)
                    if e is not None:
                        return Location(name=span.text, country=e.country)
    return None


def clause_verb(tok: Token) -> int:
    """The index of the nearest verb above a token (its clause); the root's index if there is none."""
    t = tok
    while t.head.i != t.i:  # spaCy makes a new Token object on each access: compare indices, not identity
        t = t.head
        if is_predicate(t):
            return t.i
    return t.i


def refers_back(tok: Token) -> bool:
    """A subject that points back to an earlier actor: a pronoun, or "their countries", "its forces"."""
    return tok.lower_ in st.PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in ("their", "its", "his", "her") for c in tok.children)


def has_designation(tok: Token, names: dict | None = None) -> bool:
    """A modifier like "J-10C", "F-16" or "S-400": the noun names equipment. A people or a country named in front
    ("the Hutu rebel group", "Serb fighters"; ``names``: the sentence's known names) says who, not which model."""
    def who(c: Token) -> bool:
        return names is not None and c.i in names and any(
            e.kind in ("people", "demonym", "country") for e in names[c.i][1])
    return any(any(ch.isdigit() for ch in c.text) and "-" in c.text or c.text.isupper() and len(c.text) > 1
               or c.pos_ == "PROPN" and c.dep_ == "compound" and not who(c) for c in tok.lefts)


def most_specific(actors: list[Actor]) -> list[Actor]:
    """Drop a bare country when the same country also appears with a role ("Sudan" beside "Sudan's minister")."""
    with_role = {a.country for a in actors if a.role and a.country}
    out: list[Actor] = []
    for a in actors:
        if not a.role and a.country in with_role:
            continue
        if all(a.code != b.code for b in out):
            out.append(a)
    return out


def noun_terms(noun: Token) -> list[str]:
    """Lookup forms of a noun, longest first: "air strike" (modifier + lemma), "strike", and the plain word."""
    lemma = noun.lemma_.lower()
    terms = []
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod")]
    for mod in reversed(mods):
        terms.append(f"{mod.lower_} {lemma}")
        terms.append(f"{mod.lemma_.lower()} {lemma}")
    terms.append(lemma)
    if noun.lower_ != lemma:
        terms.append(noun.lower_)
    return terms


#: Child clauses that tell an event of their own when they have their own subject ("..., after IT SCRAPPED an order").
SUBORDINATE_DEPS = {"advcl", "ccomp", "relcl", "conj", "parataxis"}


def other_clauses(verb: Token, reporting: frozenset[str] = frozenset()) -> set[int]:
    """Indices of the sentence's tokens that belong to other events' clauses: clauses with their own subject that do
    not hold ``verb``.

    "Indonesia will buy 42 Rafale jets, two months after it scrapped an order for Su-35s": for "buy", the words of
    "after it scrapped an order for Su-35s" are another event's, so neither its weapons nor its "scrapped" are buy's;
    a clause that frames the verb ("..., a website reported, citing unnamed sources") holds it and stays, and so does
    the content clause of the verb itself ("Washington informed Bern THAT THE SYSTEMS WOULD BE LATE"), and so does a
    clause of a ``reporting`` verb wherever the parser hangs it ("X agreed to buy jets, a website REPORTED").
    """
    out: set[int] = set()
    for tok in verb.sent:
        if (tok.dep_ in SUBORDINATE_DEPS and tok.i not in out and is_predicate(tok) and st.own_subjects(tok)
                and not (tok.left_edge.i <= verb.i <= tok.right_edge.i)
                and not (tok.dep_ == "ccomp" and tok.head.i == verb.i)  # what was said is the saying's content
                and tok.lemma_.lower() not in reporting):
            out.update(t.i for t in tok.subtree)
    return out


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def is_time_phrase(prep: Token) -> bool:
    """A prepositional phrase whose objects are all dates or times: "on Friday", "in May 2023"."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in TIME_ENTITIES for o in objs)


CLAUSE_TERM = "<that-clause>"
"""The object term that a ``@CLAUSE`` lexicon entry matches: the verb governs a clause with its own subject."""


def content_clause(verb: Token) -> Token | None:
    """The clause a verb of saying governs, when that clause has its own subject: "alleged THAT CROATIA FAILED ...",
    or the fronted clause of news style "CROATIA IS FAILING ..., a rights group protested"."""
    if st.is_fronted_report(verb):  # "..., a rights group PROTESTED", however the parser hung it on the clause
        return next((a for a in verb.ancestors if a.i < verb.i and is_predicate(a) and st.own_subjects(a)
                     and not st.is_fronted_speaker(st.own_subjects(a)[0])), None)
    for c in verb.children:
        if c.dep_ == "ccomp" and is_predicate(c) and (st.own_subjects(c) or any(
                g.dep_ in st.PASSIVE_SUBJECT_DEPS for g in c.children)):
            return c
    head = verb.head
    if verb.dep_ in ("parataxis", "ccomp", "conj") and head.i < verb.i and is_predicate(head) \
            and st.own_subjects(head) and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return head if verb.dep_ != "conj" else None
    return None


CONVEYANCE_PREPS = frozenset({"aboard", "via", "onboard"})


def conveyances(verb: Token) -> set[int]:
    """Token indices of "aboard military transport planes", "via Turkish ships": what carried the goods is not the
    goods, so its weapons are not the event's."""
    return {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in CONVEYANCE_PREPS for t in c.subtree}


#: Prepositions whose gerund tells what an act is for or how it is done: "joined the crowds IN DEMANDING",
#: "protested BY BLOCKING roads".
PURPOSE_PREPS = frozenset({"in", "by", "for"})


def purpose_clauses(verb: Token, noun: Token | None = None) -> list[Token]:
    """Subjectless clauses saying what an act (or its event noun) is for: "struck TO DEMAND", "rioted, DEMANDING",
    "joined them IN DEMANDING", "a strike TO PROTEST"."""
    out: list[Token] = []
    for head in (verb, noun):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ in ("advcl", "xcomp", "acl") and is_predicate(c) and not st.own_subjects(c):
                out.append(c)
            elif c.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                out.append(c)  # "a strike TO PRESS the government", parsed as a relative clause
            elif c.dep_ == "prep" and c.lower_ in PURPOSE_PREPS:
                out.extend(g for g in c.children if g.dep_ == "pcomp" and is_predicate(g))
    # "rioted in Lagos DEMANDING ...": the parser hangs the participle on the last noun of the place phrase
    out.extend(g for _, o in st.prep_objects(verb) for g in o.children
               if g.dep_ == "acl" and g.tag_ == "VBG" and not st.own_subjects(g))
    return out


#: Nouns of pressing someone to act, besides the lexicon's appeal and demand nouns: what a refusal can defy.
PRESSING_NOUNS = frozenset({"pressure", "call", "demand", "appeal", "request", "plea", "urging", "entreaty",
                            "ultimatum", "warning", "protest", "objection", "criticism", "insistence"})
#: "DESPITE pressure", "NOTWITHSTANDING calls"; "in DEFIANCE of", "in the FACE of", "in SPITE of"; "DEFYING calls".
DEFIANCE_PREPS = frozenset({"despite", "notwithstanding"})
DEFIANCE_NOUNS = frozenset({"defiance", "face", "spite"})
DEFYING_VERBS = frozenset({"defy", "ignore", "resist", "disregard", "flout", "brush"})


def defied_pressers(head: Token, asking: frozenset[str] | set[str] = frozenset()) -> list[Token]:
    """Who pressed for what a refusal turns down, named in a phrase of defiance on ``head``: "declined to resign
    DESPITE pressure BY the anti-corruption commission", "in defiance of calls FROM the EU", "defying U.S. DEMANDS",
    "despite INDIA'S appeals". ``asking``: more nouns of pressing (the lexicon's appeal and demand nouns). A phrase
    that names no presser ("despite the rain", "despite growing pressure") gives nothing."""
    nouns: list[Token] = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in DEFIANCE_PREPS:
            nouns += [t for g in c.children if g.dep_ == "pobj" for t in st.conjuncts(g)]
        elif c.dep_ == "prep" and c.lower_ == "in":
            nouns += [t for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in DEFIANCE_NOUNS
                      for o, t in st.prep_objects(g) if o == "of"]
        elif c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in DEFYING_VERBS:
            nouns += [t for o in c.children if o.dep_ == "dobj" for t in st.conjuncts(o)]
    out: list[Token] = []
    for n in nouns:
        if n.pos_ != "NOUN" or n.lemma_.lower() not in PRESSING_NOUNS | set(asking):
            continue
        by = [t for p, t in st.prep_objects(n) if p in ("by", "from")]
        out += by or [m for m in n.children if m.dep_ in ("poss", "compound", "amod", "nmod")]
    return out


#: Kinds of names that say where something is (not demonyms: "Indonesian rule" places nothing).
PLACE_NAME_KINDS = frozenset({"place", "capital", "country"})


def own_place_countries(heads: list[Token], names) -> set[str]:  # type: ignore[no-untyped-def]
    """Countries of the places named in the locative phrases on ``heads``, nested phrases included: "rioted AT A JAIL
    IN East Timor's capital Dili" -> {TLS}. Time phrases and other prepositions ("against", "from") are left out."""
    out: set[str] = set()
    for h in heads:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in LOCATION_PREPS or is_time_phrase(c):
                continue
            out.update(e.country for t in c.subtree if t.i in names for e in names[t.i][1]
                       if e.kind in PLACE_NAME_KINDS and e.country)
    return out


#: Documents that speak for their author when they are the subject of a verb of saying: "a REPORT by X alleged".
DOCUMENT_NOUNS = frozenset({"report", "study", "statement", "communique", "communiqué", "document", "dossier",
                            "survey", "memorandum", "memo", "paper", "letter", "declaration", "bulletin", "audit"})
#: Participles that say who made a document or where it came out: "a report RELEASED in Kigali", "ISSUED by".
PUBLISHING_VERBS = frozenset({"release", "issue", "publish", "prepare", "compile", "commission", "write", "draft",
                              "produce", "present", "submit", "unveil", "distribute", "circulate", "sign", "make"})
