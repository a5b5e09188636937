"""Sentence structure helpers: subjects, objects, targets, frames and modality, read off a spaCy parse.

Pure functions over spaCy tokens; no lexicon knowledge except the frame table passed in. They answer:
- who is the subject of this verb, climbing through control, coordination and relative clauses;
- which nouns are the verb's objects and which actors its targets (direct object, dative, prepositions);
- which frames ("ready to", "urged ... to", "said that") stand above the verb, and its modality cues
  (negation, future, conditional).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
#: Prepositions whose object can be the target of an event, in order of preference.
TARGET_PREPS = ("to", "with", "against", "on", "at", "into", "toward", "towards", "from", "out of", "for", "over",
                "upon", "between", "among", "about", "across", "of")
#: Adverbs that act as verb particles when spaCy attaches them as ``advmod`` ("stepped down", "pulled back").
PARTICLE_WORDS = {"down", "back", "up", "out", "off", "away", "over", "in", "on", "through", "aside", "forward"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "them", "i"}
PERSONAL_PRONOUNS = {"he", "she"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "'d", "can"}
OBLIGATION_AUX = {"must", "should", "ought"}
CONDITIONAL_MARKS = {"if", "unless", "provided"}
#: Nouns whose holder does what their "to" clause says: "Iran signed a DEAL to buy jets" (Iran buys). Not "offer",
#: "invitation", "appeal", "ultimatum" or "right", whose "to" clause is done by someone else.
COMMITMENT_NOUNS = {"deal", "contract", "agreement", "accord", "pact", "arrangement", "plan", "decision", "bid",
                    "move", "effort", "attempt", "intention", "commitment", "pledge", "promise", "readiness",
                    "willingness", "determination", "push", "drive", "campaign"}
#: Nouns whose "that" clause is a claim: "denied REPORTS that ...", "rejected CLAIMS that ...".
CLAIM_NOUNS = {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor", "speculation",
               "charge", "assertion", "statement", "story", "news"}


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Egypt, Jordan and Qatar")."""
    out = [token]
    stack = [c for c in token.children if c.dep_ == "conj"]
    if is_name_taken_for_preposition(token):
        # "BARACK Obama and Vladimir Putin met": a first name taken for a preposition, the rest of the name its
        # object; what is coordinated with the name hangs on that object
        stack = [c for p in token.children if p.dep_ == "pobj" for c in p.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children) or shares_passive(verb)


def shares_passive(verb: Token) -> bool:
    """A bare participle coordinated after a passive verb is passive too, sharing its auxiliary and subject: "were
    arrested and CHARGED", "were ambushed and KILLED by militants", "were arrested by police and later RELEASED"."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or verb.tag_ != "VBN" or head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS | {"aux", "auxpass"} for c in verb.children):
        return False
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in head.children)


def shared_passive_subject(verb: Token) -> list[Token]:
    """The passive subject a participle shares with the passive verb before it (`shares_passive`)."""
    if not shares_passive(verb):
        return []
    return [t for c in verb.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS for t in conjuncts(c)]


def particle(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in PARTICLE_WORDS):
            return c.lower_
    return None


def objects(verb: Token) -> list[Token]:
    """Direct objects (or the passive subject), with their conjuncts."""
    deps = OBJECT_DEPS | (PASSIVE_SUBJECT_DEPS if is_passive(verb) else set())
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in deps and not is_fronted_speaker(c):
            if verb.dep_ == "relcl" and c.lower_ in RELATIVE_PRONOUNS:
                out.extend(conjuncts(verb.head))  # "the jets THAT Taiwan ordered": the jets
            else:
                out.extend(conjuncts(c))
    if verb.dep_ == "relcl" and not out and not own_subjects(verb) == [] and verb.head.pos_ == "NOUN" \
            and not any(c.dep_ in deps for c in verb.children):
        out.extend(conjuncts(verb.head))  # "the fighters Taiwan ordered" (no relative pronoun)
    if _relative_gap_is_object(verb):
        out = conjuncts(verb.head)  # "the howitzers that Australia promised Ukraine": the howitzers
    if not out:
        out = shared_passive_subject(verb)  # "were arrested and CHARGED": those arrested
    if not out:
        out = shared_objects(verb, deps)
    return out


def shared_objects(verb: Token, deps: set[str]) -> list[Token]:
    """The object a verb shares with the verb coordinated right after it: "donated and (personally) DELIVERED
    medicine to ..."."""
    nxt = object_partner(verb)
    return [] if nxt is None else [t for c in nxt.children if c.dep_ in deps for t in conjuncts(c)]


def object_partner(verb: Token) -> Token | None:
    """The verb coordinated right after ``verb`` whose object and phrases ``verb`` shares ("donated and personally
    DELIVERED goods to ..."): nothing but "and" and adverbs between the two, no subject of its own, and ``verb`` has
    no object of its own."""
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if nxt is None or own_subjects(nxt) or any(c.dep_ in OBJECT_DEPS for c in verb.children) or any(
            t.dep_ not in ("cc", "advmod") for t in verb.doc[verb.i + 1 : nxt.i]):
        return None
    return nxt


def _relative_gap_is_object(verb: Token) -> bool:
    """A relative clause whose missing object is the noun it modifies, its only object being a name.

    "the six howitzers that Australia promised Ukraine": the parser takes "Ukraine" for the object and "that" for
    a mark; the thing promised is "howitzers" and "Ukraine" is the recipient (see `datives`).
    """
    if verb.dep_ != "relcl" or verb.head.pos_ != "NOUN" or not own_subjects(verb):
        return False
    if any(s.lower_ in RELATIVE_PRONOUNS for s in own_subjects(verb)):
        return False
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    return len(objs) == 1 and objs[0].pos_ == "PROPN" and not any(
        c.dep_ == "dative" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)


def prep_objects(head: Token, prep: str | None = None) -> list[tuple[str, Token]]:
    """(preposition, object) pairs of prepositional phrases attached to ``head``; objects with their conjuncts."""
    out: list[tuple[str, Token]] = []
    for c in head.children:
        if c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP"):
            word = c.lower_
            if prep is not None and word != prep:
                continue
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp") and p.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X"):
                    out.extend((word, t) for t in conjuncts(p))
                elif p.dep_ == "prep":  # "out of", "away from"
                    out.extend((word + " " + p.lower_, t) for q in p.children if q.dep_ == "pobj" for t in conjuncts(q))
            stranded = _stranded_object(c)
            if stranded is not None:
                out.extend((word, t) for t in conjuncts(stranded))
    return out


def _stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left without one, having made it the subject of the next clause:
    "granted asylum TO five Panamanian officers holed up in ..." ("officers" parsed as the subject of "holed")."""
    if any(c.dep_ in ("pobj", "pcomp", "prep") for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return None
    nxt = prep.doc[prep.i + 1]
    head = nxt if nxt.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS else next(
        (a for a in nxt.ancestors if a.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and a.left_edge.i == prep.i + 1),
        None)
    if head is None or head.left_edge.i != prep.i + 1 or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return head


def datives(verb: Token) -> list[Token]:
    """Indirect objects ("sent UKRAINE tanks"), and the name left over by a relative gap (`objects`)."""
    out: list[Token] = []
    if _relative_gap_is_object(verb):
        return conjuncts(next(c for c in verb.children if c.dep_ in OBJECT_DEPS))
    for c in verb.children:
        if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(conjuncts(c))
    return out


def agents(verb: Token) -> list[Token]:
    """The ``by`` agents of a passive verb; coordinated passives share them ("were ambushed and killed BY
    militants", "were arrested BY police and later released")."""
    out = _own_agents(verb)
    if not out and shares_passive(verb):
        out = _own_agents(verb.head)
    if not out and is_passive(verb):
        out = next((a for c in verb.children if c.dep_ == "conj" and c.i > verb.i and shares_passive(c)
                    and (a := _own_agents(c))), [])
    return out


def maker_agents(noun: Token) -> list[Token]:
    """The "by" agents of a participle describing a noun, also through a verb of belief: "a rocket FIRED BY
    Hezbollah", "a missile believed to be FIRED BY rebels", "a bomb PLANTED BY militants"."""
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ == "acl":
            out += _own_agents(c) or [a for x in c.children if x.dep_ == "xcomp" for a in _own_agents(x)]
    return out


def _own_agents(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(conjuncts(p))
    return out


def own_subjects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if in_dateline(c):  # "MOSCOW, May 1 (Reuters) - Russia accused ...": the parser's second subject
            continue
        if c.dep_ in SUBJECT_DEPS or (c.dep_ == "prep" and c.i < verb.i and is_name_taken_for_preposition(c)):
            out.extend(conjuncts(c))
    return out


DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
DATELINE_WORDS = 20


def in_dateline(tok: Token) -> bool:
    """Is the token part of the dateline that opens its text ("MOSCOW, May 1 (Reuters) -", "DUBAI, November 3,
    2020 (Harbour Press) —")? A dateline is a place in capitals, then names, numbers and punctuation up to a dash."""
    doc = tok.doc  # a dateline opens the story, so only the first sentence of a text can hold one
    first = doc[0]
    if not first.text.isupper() or sum(c.isalpha() for c in first.text) < 2:
        return False
    for t in doc[:DATELINE_WORDS]:
        if t.text in DATELINE_DASHES:
            return tok.i < t.i
        if not (t.pos_ in ("PROPN", "NUM") or t.is_punct or t.text.isupper()):
            return False
    return False


def is_name_taken_for_preposition(tok: Token) -> bool:
    """"BARACK Obama and Hu Jintao signed": a capitalised first name the tagger read as a preposition, the rest of the
    name its object; no real preposition (a stop word: "In", "After") and the object a name right after it."""
    return tok.pos_ == "ADP" and not tok.is_stop and tok.text[:1].isupper() and any(
        c.dep_ == "pobj" and c.pos_ == "PROPN" and c.i == tok.i + 1 for c in tok.children)


def subjects(verb: Token, *, passive_ok: bool = False) -> list[Token]:
    """The verb's subjects, climbing to the governing verb when it has none of its own (or only a pronoun).

    "X said it would attack Y" and "X is ready to send Y ..." both give X for the inner verb; a relative clause
    ("militants who attacked Y") gives the noun it modifies; coordinated verbs share a subject.
    """
    token = verb
    # "he"/"she" stand for a person: climbing from "... as HE embarked on a trip", a state met on the way ("that
    # LIBYA must hand over") is not its referent
    personal = False
    for _ in range(6):
        subj = own_subjects(token)
        personal = personal or any(s.lower_ in PERSONAL_PRONOUNS for s in subj)
        if subj and not all(s.lower_ in PRONOUNS | RELATIVE_PRONOUNS for s in subj) and not (
                personal and all(s.ent_type_ in ("GPE", "NORP") for s in subj)):
            return subj
        if token.dep_ == "relcl" and (not subj or subj[0].lower_ in RELATIVE_PRONOUNS):
            return conjuncts(token.head)
        if token.dep_ == "acl" and not subj and token.head.lemma_.lower() in COMMITMENT_NOUNS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            # "a deal TO BUY jets": whose deal it is ("Iran's deal"), else who has, signs or is close to it
            owner = [c for c in token.head.children if c.dep_ == "poss"]
            if owner:
                return conjuncts(owner[0])
            holder = next((a for a in token.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            return subjects(holder) if holder is not None else []
        if token.dep_ == "acl" and subj and token.head.lemma_.lower() in CLAIM_NOUNS and token.head.head.pos_ in (
                "VERB", "AUX"):
            # "Russia denied reports that IT had agreed to sell ...": the pronoun is whoever answers the reports
            return subjects(token.head.head) or subj
        governor = gerund_governor(token)
        if governor is not None and not subj:
            # "Colombia is committed TO RELEASING ...", "Russia remains committed to reducing ...": the governor's
            # subject (a passive one too) does it
            passive_subj = [c for c in governor.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if passive_subj:
                return conjuncts(passive_subj[0])
            token = governor
            continue
        if token.dep_ == "xcomp" and not subj and is_passive(token.head):
            # "Obama IS SCHEDULED to attend", "the envoy was asked to leave": the passive subject does it
            passive_subj = [c for c in token.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if passive_subj:
                return conjuncts(passive_subj[0])
        if not subj and token.dep_ == "advcl" and token.tag_ == "VBG" and is_passive(token.head):
            # "a camp was attacked BY MILITIAMEN, KILLING 156": the participle's doer is the passive's agent, never
            # the reporter above it ("..., the agency reported"); with no agent named the doer is unknown
            return agents(token.head)
        if token.dep_ in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp") and token.head.i != token.i:
            if token.dep_ == "ccomp" and subj:
                # "X said that it would ...": a pronoun subject refers back to the speaker (climbing through
                # "X thanked Y and SAID he had ...", where the speaker is the subject of the first verb).
                return subjects(token.head) or subj
            if token.dep_ == "conj" and is_passive(token.head) and not passive_ok:
                sufferer = passive_partner_subject(token) if not subj else []
                if sufferer and all(s.lower_ in PRONOUNS for s in sufferer):
                    # "(X said) he was sacked and LEFT": whom the pronoun stands for, else the pronoun itself
                    return subjects(token.head) or sufferer
                return sufferer or subj
            token = token.head
            continue
        if not subj and token.dep_ == "acl":
            speaker = fronted_speaker(token)
            return [speaker] if speaker is not None else headless_subject(token)
        return subj or (swallowed_subject(token) if token.dep_ == "ROOT" else [])
    return []


def passive_partner_subject(verb: Token) -> list[Token]:
    """The subject an active verb shares with the passive verb it is coordinated after: "the minister was indicted
    by the court and WILL RESIGN", "troops were attacked by rebels and FOUGHT back" (the minister resigns, the troops
    fight; the agent does neither). Active means an auxiliary of its own ("will", "has") or a finite form; a bare
    participle shares the passive itself ("were arrested and CHARGED"), and so does one with a "by" agent."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or not is_passive(head) or is_passive(verb) or own_subjects(verb):
        return []
    if any(c.dep_ == "agent" for c in verb.children):
        return []
    own_aux = any(c.dep_ == "aux" for c in verb.children)
    if not own_aux and verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    passive_subj = next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    return conjuncts(passive_subj) if passive_subj is not None else []


#: Verbs of saying that news style puts after the clause they report ("..., a rights group PROTESTED").
SPEECH_VERBS = {"say", "protest", "charge", "complain", "allege", "claim", "report", "insist", "warn", "deny",
                "announce", "state", "argue", "contend", "assert", "maintain", "admit", "confirm", "tell", "add"}


def describes_speaker(verb: Token, reporting: frozenset[str] | set[str]) -> bool:
    """Is the verb inside a description of the speaker of a verb of saying ("The Observatory, a group THAT TRACKS the
    war, said ...", "..., a member of the team TRYING TO BROKER a pact has said")? Such a description says who the
    speaker is, not what happened; a finished act told in it is still an event ("Iran, which ATTACKED Iraq last
    week, said ...": past or perfect tense)."""
    for tok in (verb, *verb.ancestors):
        if tok.lemma_.lower() in reporting:
            return False
        if _speaker_modifier(tok, reporting):
            return True
    return False


def _speaker_modifier(tok: Token, reporting: frozenset[str] | set[str]) -> bool:
    """A relative clause or participle describing a speaker (see `describes_speaker`): a noun in the subject of a verb
    of saying, or the noun phrase ending right before one ("..., a spokesman for the team NEGOTIATING the deal
    said"; also the parser's misreading of the participle as an adverbial clause with the speaker its subject)."""
    head = tok.head
    if head.i == tok.i or tok.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False
    if tok.dep_ in ("acl", "relcl"):
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
    elif not (tok.dep_ == "advcl" and tok.tag_ == "VBG" and own_subjects(tok)
              and not any(c.dep_ == "aux" for c in tok.children)):
        return False
    for said in tok.sent:
        if said.i <= tok.i or said.lemma_.lower() not in reporting or not is_verb(said):
            continue
        speakers = [s for s in said.children if s.dep_ in SUBJECT_DEPS]
        if tok.dep_ != "advcl" and any(s.left_edge.i <= head.i <= s.right_edge.i for s in speakers):
            return True
        if any(s.i > said.i for s in speakers):
            continue  # "..., said the army": the speaker comes after, the words before are the report
        between = tok.doc[tok.right_edge.i + 1 : said.i]
        if all(t.is_punct or (t.head.i == said.i and t.dep_ in ("aux", "neg", "advmod")) for t in between):
            return True
    return False


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def fronted_speaker(verb: Token) -> Token | None:
    """The speaker of "<clause>, A RIGHTS GROUP protested" when the parser hangs the verb of saying on the speaker as
    a modifier (acl) and the speaker on the clause before the comma (as appositive or object): that noun."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.lemma_.lower() not in SPEECH_VERBS or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in SUBJECT_DEPS | OBJECT_DEPS | {"ccomp", "agent"} for c in verb.children):
        return None
    edge = noun.left_edge.i
    return noun if edge > 0 and noun.doc[edge - 1].text == "," and noun.head.i < edge else None


def is_fronted_report(verb: Token) -> bool:
    """A verb of saying after the clause it reports, "<clause>, a rights group PROTESTED", in any of the shapes the
    parser gives it: a modifier of the speaker (`fronted_speaker`), a relative clause of the clause's last noun, or a
    conjunct of the clause's verb with no "and" between."""
    if verb.lemma_.lower() not in SPEECH_VERBS or any(c.dep_ in OBJECT_DEPS | {"ccomp", "agent"} for c in verb.children):
        return False
    if fronted_speaker(verb) is not None:
        return True
    subj = own_subjects(verb)
    if verb.dep_ not in ("relcl", "conj") or not subj or subj[0].lower_ in RELATIVE_PRONOUNS:
        return False
    edge = subj[0].left_edge.i
    if edge == 0 or verb.doc[edge - 1].text != "," or verb.head.i > edge:
        return False
    return verb.dep_ == "relcl" or not any(t.dep_ == "cc" for t in verb.doc[verb.head.i : verb.i])


def is_fronted_speaker(noun: Token) -> bool:
    """A noun that is the speaker of a fronted clause (see `fronted_speaker`), not an argument of that clause."""
    return any(fronted_speaker(c) == noun for c in noun.children if c.dep_ == "acl")


def headless_subject(verb: Token) -> list[Token]:
    """The subject of a main verb the parser took for a modifier, leaving the sentence with a noun for its root:
    in "Nurses from two charities DONATED ... to ..." "donated" hangs on "charities" and "Nurses" is the root.
    With no verb above it, the root noun phrase the modifier sits in is the subject."""
    root = verb.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i > verb.i or is_passive(verb):
        return []
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ not in ("acl", "pobj", "prep", "conj"):
            return []
        tok = tok.head
    return conjuncts(root) if tok.i == root.i else []


def swallowed_subject(verb: Token) -> list[Token]:
    """The subject a fronted phrase swallowed: in "With the signing of a memorandum, THE GOVERNMENT AND THE SPLM
    have agreed ..." the parser makes "government" a conjunct of "memorandum". A noun conjunct right after the
    phrase's last comma, with nothing but the verb's auxiliaries between the phrase and the verb, is the subject."""
    if is_passive(verb) or any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in verb.children):
        return []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        if any(t.dep_ not in ("aux", "neg", "advmod") for t in verb.doc[prep.right_edge.i + 1 : verb.i]):
            continue
        commas = [t.i for t in prep.subtree if t.lower_ == ","]
        after = [t for t in prep.subtree if commas and t.i > commas[-1] and t.dep_ == "conj"
                 and t.pos_ in ("NOUN", "PROPN") and t.head.i < commas[-1]]
        if after:
            return conjuncts(after[0])
    return []


#: Prepositions whose gerund completes the word above them as an infinitive would: "committed TO OPENING talks".
GERUND_PREPS = {"to"}


def gerund_governor(token: Token) -> Token | None:
    """The word a gerund under "to" completes: "is committed to OPENING talks" -> committed. Other prepositions
    are left alone: in "accused Iran OF BLOWING UP a plane" the accuser does not blow up anything."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPS or prep.head.i == prep.i:
        return None
    return prep.head


@dataclass(slots=True)
class Frame:
    """A word above the event verb that frames it: "ready" (intend), "urged" (appeal), "said" (report)."""

    kind: str
    word: Token
    noun: Token | None = None
    """The appeal or demand noun whose that-clause holds the event ("repeated its CALL that Israel withdraw")."""
    content: Token | None = None
    """That clause: its subject is whom the appeal or demand is addressed to."""


@dataclass(slots=True)
class Cues:
    """Modality cues found on the verb and its frames."""

    frames: list[Frame] = field(default_factory=list)
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    obligation: bool = False
    """must/should/has to on the event: under a report frame, the speaker demands it."""


def _aux_cues(token: Token, cues: Cues) -> None:
    for c in token.children:
        if c.dep_ == "neg":
            cues.negated = True
        elif c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
            cues.future = True
        elif c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX:
            cues.hypothetical = True
        elif c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX:
            cues.obligation = True
        elif c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
            cues.hypothetical = True


def has_obligation(verb: Token) -> bool:
    """must / should / ought to / has to on the verb: "China MUST drop its barriers"."""
    cues = Cues()
    _aux_cues(verb, cues)
    return cues.obligation or any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children) and any(
        c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)


def frame_cues(verb: Token, frames: dict[str, str]) -> Cues:
    """Frames above the verb (nearest first) and the modality cues on the path up to the first report frame."""
    cues = Cues()
    _aux_cues(verb, cues)
    token = verb
    for _ in range(6):
        asked = content_noun(token, frames)
        if asked is not None:
            cues.frames.append(asked)
            token = asked.word
            continue
        if token.dep_ in ("acl", "ccomp") and token.head.pos_ == "NOUN" and token.head.dep_ in ("dobj", "nsubjpass"):
            # "denied REPORTS that Iran was supplying ...": the clause completes a noun the frame verb governs
            noun, governor = token.head, token.head.head
            kind = frames.get(governor.lemma_.lower())
            if kind in ("deny", "report", "refuse") and noun.lemma_.lower() in CLAIM_NOUNS:
                cues.frames.append(Frame("deny" if kind in ("deny", "refuse") else "report", governor))
            break
        asked_for = bool(for_clause_doers(token))
        if (token.dep_ not in ("xcomp", "ccomp", "acomp", "pcomp", "conj") and not asked_for) or token.head.i == token.i:
            break  # an adjunct clause (", urging X to ...") is not governed by the verb it hangs from
        if token.dep_ == "conj":
            token = token.head
            continue
        head = gerund_governor(token) or token.head
        kind = frames.get(head.lemma_.lower()) or frames.get(head.lower_)
        if kind == "attempt" and token.dep_ == "xcomp" and _has_event_object(head):
            break  # "began a hunger STRIKE to demand ...": the to-clause is the strike's purpose, not what began
        if asked_for and kind not in ("appeal", "demand"):
            break  # "pushed FOR Germany TO ACCEPT": only an appeal or demand takes a for-clause as its content
        if kind == "intend" and token.dep_ == "ccomp" and _has_own_agent(token):
            kind = "report"  # "she hoped THAT officials would be indicted": someone else's act, only reported
        if kind:
            cues.frames.append(Frame(kind, head))
            if kind == "report":
                if cues.hypothetical and any(c.lower_ == "would" for c in token.children):
                    # "said he would not provide": reported speech shifts "will" to "would"
                    cues.hypothetical, cues.future = False, True
                break
            _aux_cues(head, cues)
        elif head.pos_ == "AUX" or head.lemma_ == "be":
            _aux_cues(head, cues)
        token = head
    return cues


#: Verbs that make, restate or press an appeal or demand noun of their own: "ISSUED a reminder that", "REPEATED its
#: call that", "INSISTED ON its demands that" (not "rejected" or "ignored" someone else's demand).
ISSUING_VERBS = {"issue", "repeat", "renew", "reiterate", "restate", "reaffirm", "make", "send", "deliver", "insist",
                 "press", "voice", "stress", "put", "submit", "present", "underline", "underscore", "add", "give"}
#: Frame kinds of nouns whose that-clause says who must act ("its DEMAND that Iran free", "a CALL that Israel ...").
ASKING_KINDS = ("appeal", "demand")


def content_noun(clause: Token, frames: dict[str, str]) -> Frame | None:
    """An appeal or demand noun completed by ``clause``, a that-clause with its own subject: "insisted on its DEMANDS
    that Burundi's government grant", "issued a REMINDER to Iraq that it must cooperate", "repeated its CALL that
    Israel withdraw" (the parser may hang the clause on the verb). The frame word is the verb that issues the noun."""
    if clause.dep_ not in ("acl", "ccomp") or not (own_subjects(clause) or any(
            c.dep_ in PASSIVE_SUBJECT_DEPS for c in clause.children)):
        return None
    head = clause.head
    if head.pos_ == "NOUN":
        noun = head
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    elif clause.dep_ == "ccomp" and not frames.get(head.lemma_.lower()):
        noun = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < clause.i), None)
        governor = head
    else:
        return None
    if noun is None or frames.get(noun.lemma_.lower()) not in ASKING_KINDS or governor.pos_ not in ("VERB", "AUX"):
        return None
    if governor.lemma_.lower() not in ISSUING_VERBS and not frames.get(governor.lemma_.lower()) in ASKING_KINDS:
        return None
    return Frame(frames[noun.lemma_.lower()], governor, noun, clause)


def noun_addressees(frame: Frame) -> list[Token]:
    """Whom an appeal or demand noun is addressed to: "a reminder TO IRAQ that ...", else the that-clause's subject
    ("its demand that IRAN free ...")."""
    told = [t for h in (frame.noun, frame.word) if h is not None for p, t in prep_objects(h) if p == "to"]
    if told:
        return told
    clause = frame.content
    if clause is None:
        return []
    return own_subjects(clause) or [c for c in clause.children if c.dep_ in PASSIVE_SUBJECT_DEPS]


def _has_event_object(head: Token) -> bool:
    """A direct object that is a common noun ("began a STRIKE", "continued their PROTEST"): then a to-clause on the
    verb tells what for. "helped" is left out: its object is whom it helps ("helped the government to rebuild")."""
    return head.lemma_.lower() != "help" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in head.children)


def _has_own_agent(clause: Token) -> bool:
    """The clause has a subject of its own that does not point back to the frame's subject (or is passive)."""
    if is_passive(clause):
        return True
    subj = own_subjects(clause)
    return bool(subj) and not all(
        s.lower_ in PRONOUNS or any(c.dep_ == "poss" and c.lower_ in ("their", "its", "his", "her") for c in s.children)
        for s in subj)


def addressees(frame_word: Token) -> list[Token]:
    """Whom an appeal or demand is addressed to: "urged IRAQ to", "called on IRAQ to", "demanded that IRAQ ..."."""
    out = [c for c in frame_word.children if c.dep_ in ("dobj", "dative", "nsubj") and c.dep_ != "nsubj"]
    if out:
        return [t for o in out for t in conjuncts(o)]
    for prep, obj in prep_objects(frame_word):
        if prep in ("on", "upon", "to", "from"):
            return [obj]
    for c in frame_word.children:
        if c.dep_ in ("ccomp", "xcomp"):
            subj = own_subjects(c)
            if subj:
                return subj
        doers = for_clause_doers(c)
        if doers:
            return doers
    return []


NAMED_PARTIES = {"GPE", "NORP", "ORG", "PERSON"}


def for_clause_doers(clause: Token) -> list[Token]:
    """Who is to act in a for-clause completing a verb ("pushing hard FOR GERMANY to accept", "pressing FOR TURKEY
    to release"): the clause's own subject after "for", or the object of a "for" the parser hung on the verb just
    before the to-infinitive. Empty when ``clause`` is no such clause."""
    if clause.dep_ != "advcl" or clause.head.i == clause.i:
        return []
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return own_subjects(clause)
    if own_subjects(clause) or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    for prep in clause.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and prep.right_edge.i + 1 == clause.left_edge.i:
            # a party named ("for TURKEY to", "for the ISRAELI government to"), not a thing ("for a ceasefire to")
            return [o for c in prep.children if c.dep_ == "pobj" and any(
                t.ent_type_ in NAMED_PARTIES for t in c.subtree) for o in conjuncts(c)]
    return []


#: Phrases of circumstance on a verb that set its act in a fight ("retook the town AFTER fierce fighting with X",
#: "advanced AMID clashes with Y", "DURING three days of fighting with the army", "killed IN fighting with Z").
FIGHT_ADJUNCT_PREPS = frozenset({"after", "amid", "amidst", "during", "following", "in"})
#: Spans that measure a fight ("three DAYS of fighting", "a ROUND of clashes"): the fight is their "of" phrase.
FIGHT_SPAN_NOUNS = frozenset({"day", "week", "month", "hour", "night", "year", "weekend", "round", "period",
                              "bout", "wave", "series", "spell", "string"})
#: Prepositions on a fight noun that name the other side ("fighting WITH rebels", "clashes AGAINST the army").
FIGHT_PARTY_PREPS = ("with", "against")


def fight_adjuncts(verb: Token, is_fight) -> list[tuple[Token, list[Token]]]:  # type: ignore[no-untyped-def]
    """(fight noun, the sides it is fought with) for each after/amid/during/following phrase (or "in fighting
    with") on ``verb`` whose object is a fight noun (``is_fight``) naming a side with "with"/"against": "retook the
    village after fierce FIGHTING WITH GUERRILLAS". "after talks with Egypt" is no fight; "after fighting ended" is a
    clause, not a phrase."""
    out: list[tuple[Token, list[Token]]] = []
    for c in verb.children:
        word = c.lower_
        if word not in FIGHT_ADJUNCT_PREPS or c.dep_ not in ("prep", "advcl", "advmod"):
            continue
        objs = [o for o in c.children if o.dep_ in ("pobj", "dobj", "pcomp")]
        if word != "in":  # "DURING three days OF fighting": the span's "of" phrase
            objs += [g for o in objs if o.lemma_.lower() in FIGHT_SPAN_NOUNS for p in o.children
                     if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ in ("pobj", "pcomp")]
        for noun in objs:
            if not is_fight(noun):
                continue
            sides = [t for p in noun.children if p.dep_ == "prep" and p.lower_ in FIGHT_PARTY_PREPS
                     for o in p.children if o.dep_ == "pobj" for t in conjuncts(o)]
            if sides:
                out.append((noun, sides))
    return out
