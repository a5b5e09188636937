"""Who did what to whom: coded events from one parsed sentence.

For every verb of the sentence the extractor

1. finds the best lexicon entry (verb + particle, object nouns, target preposition; the most specific wins), or a
   nominal event when a light or reporting verb takes an event noun as object ("held TALKS with", "announced a
   PACT with");
2. reads the frames above the verb ("ready to" -> intent, "urged X to" -> appeal, "demanded that" -> demand,
   "refused to" -> refusal, "threatened to" -> threat, "said that" -> reported) and turns the code into CAMEO's
   own code for the frame (modality_codes.tsv); negation, "will", "would" and "if" set the modality field;
3. finds the sources (subject, or the ``by`` agent of a passive; climbing through control and coordination) and
   the targets (direct object, dative, the actor in a prepositional phrase on the verb or on its object noun;
   the addressee of an appeal), each expanded over coordination ("talks with Egypt, Jordan and Qatar");
4. resolves both to actors and the sentence's date expression against the document date;
5. adds the other side of two-sided acts: negotiations ("held talks WITH Y": Y negotiates too), and a clash of
   security forces with a crowd (repression 175 one way, violent protest 145 the other).

Each event records the rule that produced it: the lexicon row, the frame and the structure used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from dyads.actors.resolve import ActorResolver, DocumentMemory, named_countries
from dyads.events import phrases as ph
from dyads.events.pruning import prune_codings
from dyads.events import structure as st
from dyads.events.lexicon import Lexicon, NounEntry, VerbEntry
from dyads.events.ontology import Ontology, specificity
from dyads.events.temporal import ResolvedDate, event_date
from dyads.model import Actor, Event, Modality, Quantity, Weapon

CODING_FRAMES = ("appeal", "demand", "refuse", "threaten", "intend")
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
#: PLOVER types whose future-tense reports are coded AGREE (the manual names the first four; RETREAT — release,
#: withdraw, return — is material cooperation of the same kind: "the rebels said they WILL RELEASE the hostages").
COOPERATIVE_PLOVER = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"}
#: Roots whose target may be the place named with "in" ("demonstrated in Serbia", "troops massed in Syria").
IN_TARGET_ROOTS = {"08", "14", "15"}
#: Roots whose future or conditional announcement is a threat ("will impose sanctions", "may halt mediation").
THREAT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
#: Violence that an attack noun can do by itself: "a bombing KILLED", "the blast WOUNDED", "an explosion DESTROYED".
VIOLENT_ROOTS = {"18", "19", "20"}
#: Nouns of being asked to come ("accepted an INVITATION to visit Moscow"), whose act names whom one would meet.
INVITATION_NOUNS = {"invitation", "invite"}
INVITED_PARTY_PREPS = ("of", "with", "between", "among")
#: Prepositions of the attack a passive act of violence happened in: "were killed IN a bombing", "DURING a raid".
ATTACK_CAUSE_PREPS = ("in", "during")
#: The CAMEO role of attackers nobody has named (roles.tsv: "gunman", "attacker").
UNIDENTIFIED_ROLE = "UAF"
#: Verbal acts, whose "from" phrase names who made them ("an appeal FROM the president", "demands FROM UNITA");
#: for material acts it is a place ("a withdrawal FROM Bosnia").
VERBAL_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13", "16"}
#: Roles that, named without a country, are taken to belong to the source's country.
DOMESTIC_ROLES = {"CVL", "OPP", "REB", "LAB", "EDU", "MED", "HLH", "REF", "JUD", "LEG", "COP", "BUS", "REL", "AGR",
                  "HRI", "CRM", "SEP", "ELI", "ENV"}
#: Disapproval and investigation: the thing complained about comes before the addressee ("complained to the UN
#: OVER Israeli raids").
ACCUSATION_ROOTS = {"09", "11", "12"}
ACCUSATION_PREPS = ("against", "over", "about", "of", "for", "on")
#: Conflict roots whose event happens TO the place it happens in, when no other target is named.
PLACE_TARGET_ROOTS = {"13", "14", "15", "17", "18", "19", "20"}
#: Roots where "X and Y <verb>" with no target means they did it with each other ("signed a pact", "clashed").
MUTUAL_ROOTS = {"03", "04", "05", "06", "08"}
#: Threats and coercion that a state may aim at its own population: "imposed a curfew", "will impose martial law".
DOMESTIC_CONTROL_ROOTS = {"13", "17"}
STATE_ROLES = {None, "GOV", "MIL", "COP", "JUD", "LEG"}
#: Verbs of going on, whose subject can be an event: "riots CONTINUED", "clashes ERUPTED", "protests SPREAD".
ONGOING_VERBS = {"continue", "erupt", "spread", "escalate", "intensify", "resume", "persist", "rage", "flare",
                 "break", "grow", "spill", "mount"}
#: Verbs whose subject is given the event noun by someone else ("received assurances from", "won backing from").
RECEIVING_VERBS = {"receive", "get", "win", "obtain", "secure", "gain", "accept"}
DOMESTIC_DEFAULT = "country of the source (domestic default)"
#: Where force and threats land: "violated the ceasefire IN Kashmir", "boosted its presence NEAR Taiwan".
FORCE_PLACE_PREPS = ("in", "inside", "across", "throughout", "near", "around", "off", "along", "over")
#: Cooperative codes that coordinated sources do together, not to each other: "Canada and the Netherlands PROVIDED
#: SUPPORT for the operation", "praised", "defended", "apologised", "forgave".
ONE_WAY_CODES = {"051", "052", "053", "055", "056"}
#: Gatherings that are requested or proposed like meetings: "demanded a SESSION of the Security Council".
GATHERING_NOUNS = frozenset({"session", "conference", "hearing", "meeting", "summit"})
#: Nouns of an "in" phrase that give a protest's cause: "in PROTEST over the law", "in RESPONSE to the decision".
CAUSE_NOUNS = {"protest", "response", "reaction", "retaliation", "opposition"}
#: Verbs that stop work: "stopped WORK", "halted work" is a labour strike (143) when labour does it (`_is_walkout`).
WORK_STOPPING_VERBS = {"stop", "halt", "cease", "suspend"}
WORK_NOUNS = {"work"}
STRIKE_CODE = "143"
#: Roles whose members strike: workers and unions, teachers, nurses and doctors, journalists.
LABOUR_ROLES = {"LAB", "EDU", "HLH", "MED"}
#: Phrases that set a work stoppage inside a strike: "ON the first day of a strike", "DURING a general strike".
STRIKE_PHRASE_PREPS = ("on", "in", "during", "as", "for", "at")
#: Codes that both parties do to each other whoever the sentence's subject is: "X held talks with Y", "X negotiated
#: with Y" (046, negotiate). Meetings (040) and visits (042, 043) are one-way: the visitor or host is the source.
MUTUAL_CODES = {"046"}
PARTNER_PREPS = ("with", "between")
SELF_RETREAT_CODES = frozenset({"0873", "0874"})  # demobilize; retreat or surrender militarily
REFLEXIVE_PRONOUNS = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself",
                                "yourselves", "oneself"})
REFLEXIVE_ENTRY = "reflexive pronoun: the source itself"
# What a meeting, talks or a summit is about ("ON the unrest in Iran", "OVER Libya"): its topic, never a party to it
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
#: Modalities under which only the subject's side is told: "X refused talks with Y", "X did not negotiate with Y".
ONE_SIDED_MODALITIES = {Modality.NEGATED, Modality.DENIED, Modality.REFUSED, Modality.DEMANDED}
#: Military withdrawal and de-escalation (087x), and the phrases that say where the withdrawing party goes.
WITHDRAWAL_ROOT = "087"
DESTINATION_PREPS = ("to", "into", "toward", "towards")
#: Verbs of owning up to an act ("admitted that it had bombed ..."): the speaker's own act is coded as CAMEO 015,
#: acknowledge or claim responsibility, when it is force or coercion.
ADMISSION_VERBS = {"claim", "admit", "acknowledge", "confess"}
RESPONSIBLE_ROOTS = {"15", "16", "17", "18", "19", "20"}
RESPONSIBILITY_CODE = "015"
#: Security forces, and what a crowd's fight with them is coded on each side: repression (175), violent protest (145).
FORCE_ROLES = {"COP", "MIL"}
FORCE_NOUNS = {"force", "forces"}
REPRESSION_CODE = "175"
VIOLENT_PROTEST_CODE = "145"
#: Verbs of fighting that are mutual by meaning ("Indian and Chinese troops clashed"); "US and British warships
#: shot down drones" is not.
RECIPROCAL_VERBS = {"clash", "fight", "skirmish", "battle", "exchange", "trade", "brawl", "scuffle"}
#: Nouns of armed fighting that, in a phrase of circumstance on another act ("retook the town AFTER FIGHTING WITH
#: rebels"), tell the subject's fight with the side they name (nouns.tsv gives the code; 190 when it has none).
FIGHT_NOUNS = {"fighting", "fight", "clash", "battle", "skirmish", "firefight", "gunfight", "gun battle", "shootout",
               "combat", "hostility"}
FIGHT_CODE = "190"
#: Verbs of saying or proclaiming: a statement made after a fight is not the fighters' own act.
STATEMENT_VERBS = frozenset({"declare", "proclaim", "announce", "say", "state", "tell", "vow", "pledge", "promise"})


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """Where a sentence sits: its document, index, character span, and the document's date."""

    doc_id: str
    index: int
    start: int
    end: int
    doc_date: date | None = None


@dataclass(slots=True)
class Trigger:
    """What made a verb an event: a verb entry or a nominal event noun, with its object and words."""

    cameo: str
    rule: str
    words: str
    base_confidence: float
    noun: Token | None = None
    prep: str | None = None
    frame: str | None = None
    """Set when the verb itself is a frame word coding an event noun ("rejected an invitation")."""
    clause: Token | None = None
    """Set when the entry's object is ``@CLAUSE``: the that-clause whose subject is the target ("alleged that X")."""
    nominal: bool = False
    """The event is the noun's (nouns.tsv), carried by a light or frame verb: "held TALKS", "received ASSURANCES"."""
    subject_event: bool = False
    """The event noun is the verb's subject ("riots ... continued"): its modifiers and phrases give the actors."""
    labour_only: bool = False
    """A strike only when labour does it or the clause names a strike: "workers stopped work" (`_is_walkout`)."""
    adjunct: bool = False
    """The event is a fight told in a phrase of circumstance on the verb ("retook the town AFTER FIGHTING WITH
    rebels"): the verb's subject fights whom the noun names (`EventExtractor._fight_candidates`)."""


@dataclass(slots=True)
class _Candidate:
    verb: Token
    trigger: Trigger
    cues: st.Cues
    sources: list[Token]
    targets: list[list[Token]]
    frame: st.Frame | None = None
    notes: list[str] = field(default_factory=list)
    other_side: tuple[str, str, set[str | None]] | None = None
    """(code, note, targets) when the events on these targets also happen the other way round ("held talks WITH Y",
    a clash of police with a crowd): added after pruning, for the events kept."""


class EventExtractor:
    """Codes the events of parsed sentences. Build once per process (it holds the compiled tables)."""

    def __init__(self, resolver: ActorResolver, lexicon: Lexicon, ontology: Ontology) -> None:
        self.resolver = resolver
        self.lexicon = lexicon
        self.ontology = ontology
        self._reporting = frozenset(w for w, kind in lexicon.frames.items() if kind == "report")
        self._speech = self._reporting | st.SPEECH_VERBS

    # -- 1. triggers ----------------------------------------------------------------------------------------
    def match_verb(self, verb: Token) -> Trigger | None:
        lemma = verb.lemma_.lower()
        prt = st.particle(verb)
        keys = ([f"{lemma} {prt}"] if prt else []) + [lemma]
        objs = st.objects(verb)
        objs = objs + [inner for o in objs for inner in ph.of_contents(o)]  # "700 kg OF medicine", "part OF a program"
        # A phrase of time ("ON FRIDAY", "IN MAY") is no argument of the verb: "called off the strike on Friday" is
        # not "called off strikes on X".
        preps = [(p, o) for p, o in st.prep_objects(verb) if o.ent_type_ not in ph.TIME_ENTITIES]
        obj_nouns = [o for o in objs] + [o for _, o in preps]
        obj_terms = {_term for o in obj_nouns for _term in ph.noun_terms(o)}
        direct_terms = {_term for o in objs for _term in ph.noun_terms(o)}
        clause = ph.content_clause(verb)
        if clause is not None:
            obj_terms.add(ph.CLAUSE_TERM)
        verb_preps = {p for p, _ in preps} | {c.lower_ for c in verb.children if c.dep_ in ("prep", "dative")
                                              and not ph.is_time_phrase(c)}
        object_preps = {p for o in objs for p, _ in st.prep_objects(o)}
        if lemma in WORK_STOPPING_VERBS and not prt and direct_terms & WORK_NOUNS:
            # "workers STOPPED WORK (during a strike)": a strike if labour does it, checked once the actors are known;
            # what the phrases name ("during a STRIKE", "on the DAM") is no object of the verb
            return Trigger(STRIKE_CODE, f"work stoppage '{lemma} work' -> {STRIKE_CODE} (labour only)",
                           f"{verb.text} work", 0.75, labour_only=True)
        bare: tuple[str, VerbEntry] | None = None
        for key in keys:
            best: VerbEntry | None = None
            best_rank = (-1, False)
            for e in self.lexicon.verb_entries(key):
                if e.objects is not None and not (e.objects & obj_terms):
                    continue
                # A preposition belongs to the verb ("call FOR"), or, with an object named, to that object.
                if e.prep is not None and e.prep not in verb_preps and not (
                        e.objects is not None and e.prep in object_preps):
                    continue
                # Between equally specific entries, the one the direct object matches wins: "blocked the BILL in
                # parliament" is a veto, not a blocked parliament.
                rank = (e.specificity, e.objects is not None and bool(e.objects & direct_terms))
                if best is None or rank > best_rank:
                    best, best_rank = e, rank
            if best is not None and best.specificity > 0:
                return self._verb_trigger(key, best, obj_nouns, clause)
            if best is not None and bare is None:
                bare = (key, best)
        # 2. A frame verb with an event noun: "rejected an INVITATION" -> the noun's code, refused.
        kind = self.lexicon.frames.get(lemma)
        nouns = [o for o in objs if o.pos_ == "NOUN"]
        if kind in CODING_FRAMES or kind in ("attempt", "report"):
            for o in nouns:
                n = self.noun_entry(o)
                if n is not None:
                    coding = kind if kind in CODING_FRAMES else None  # "continued their hunger STRIKE": as is
                    return Trigger(n.cameo, f"{n.source} noun '{n.noun}' framed by '{lemma}' -> {n.cameo}",
                                   f"{verb.text} {o.text}", 0.75, noun=o, frame=coding, nominal=True)
        # 2b. "X declared that China MUST drop its barriers": a demand on the clause's subject, when the clause's own
        # verb codes nothing by itself (when it does, the obligation frame codes that event as demanded).
        if kind == "report" and clause is not None and st.has_obligation(clause) and self.match_verb(clause) is None:
            return Trigger("100", f"control.tsv '{lemma}' + a must-clause -> 100", f"{verb.text} {clause.text}", 0.7,
                           clause=clause)
        # 3. The verb's own general entry; "agreed TO <an act the lexicon does not know>" is the intent itself.
        complement = _infinitive_complement(verb) if bare is not None and kind == "intend" else None
        if complement is not None:
            code = self.lexicon.frame_code("intend", "03")
            return Trigger(code, f"control.tsv '{lemma}' + an uncoded to-clause -> {code}",
                           f"{verb.text} to {complement.text}", 0.7)
        if bare is not None:
            return self._verb_trigger(bare[0], bare[1], obj_nouns)
        # 3b. An event noun as the subject of a verb of going on: "Palestinian RIOTS against Israel are continuing",
        # "clashes erupted" -- the noun's modifiers are its actors.
        if lemma in ONGOING_VERBS and not objs:
            for subj in st.own_subjects(verb):
                n = self.noun_entry(subj) if subj.pos_ == "NOUN" else None
                if n is not None:
                    return Trigger(n.cameo, f"{n.source} noun '{n.noun}' as the subject of '{lemma}' -> {n.cameo}",
                                   f"{subj.text} {verb.text}", 0.7, noun=subj, nominal=True, subject_event=True)
        # 4. A light or reporting verb with an event noun: "held TALKS with", "announced a PACT with". Other verbs
        # with an event noun say nothing certain about it ("prohibited all AID" is not aid).
        if kind not in ("light", "report", "attempt"):
            return None
        for o in nouns + [o for p, o in preps if p in ("in", "into") and o.pos_ == "NOUN"]:
            n = self.noun_entry(o)
            if n is not None:
                return Trigger(n.cameo, f"{n.source} noun '{n.noun}' with '{lemma}' -> {n.cameo}",
                               f"{verb.text} {o.text}", 0.7, noun=o, nominal=True)
        return None

    def _verb_trigger(self, key: str, entry: VerbEntry, obj_nouns: list[Token], clause: Token | None = None
                      ) -> Trigger:
        noun = next((o for o in obj_nouns if entry.objects and set(ph.noun_terms(o)) & entry.objects), None)
        conf = {3: 0.9, 2: 0.85, 1: 0.8, 0: 0.7}[entry.specificity]
        words = key + (f" {noun.text}" if noun is not None else "") + (f" {entry.prep}" if entry.prep else "")
        by_clause = noun is None and clause is not None and entry.objects is not None and ph.CLAUSE_TERM in entry.objects
        return Trigger(entry.cameo, entry.describe(), words, conf, noun=noun, prep=entry.prep,
                       clause=clause if by_clause else None)

    def noun_entry(self, noun: Token) -> NounEntry | None:
        for term in ph.noun_terms(noun):
            hit = self.lexicon.nouns.get(term)
            if hit is not None:
                return hit
        return None

    # -- 2-3. structure -----------------------------------------------------------------------------------
    def candidate(self, verb: Token) -> _Candidate | None:
        trigger = self.match_verb(verb)
        if trigger is None:
            return None
        if st.describes_speaker(verb, self._speech):
            return None  # "the Observatory, a group that TRACKS the war, said ...": who speaks, not what happened
        if any(c.dep_ == "mark" and c.lower_ in st.CONDITIONAL_MARKS for c in verb.children):
            return None  # "... IF he gave them a veto": a condition of another event, not an event
        cues = st.frame_cues(verb, self.lexicon.frames)
        if trigger.noun is not None and any(d.dep_ == "det" and d.lower_ == "no" for d in trigger.noun.children):
            cues.negated = True  # "there were NO talks", "it signed no deal"
        # A denial outranks everything under it ("denied reports that it had agreed to buy ...").
        frame = next((f for f in cues.frames if f.kind == "deny"), None) or next(
            (f for f in cues.frames if f.kind in CODING_FRAMES), None)
        if trigger.frame is not None:
            frame = st.Frame(trigger.frame, verb)
            cues.frames.insert(0, frame)
        elif (frame is None or frame.kind == "intend") and cues.obligation and any(f.kind == "report" for f in cues.frames):
            # "X said Y must do Z": the speaker demands it of Y
            report = next(f for f in cues.frames if f.kind == "report")
            frame = st.Frame("demand", report.word)
            cues.frames.insert(0, frame)
        passive = st.is_passive(verb)
        if frame is not None and frame.kind in ("appeal", "demand") and frame.word is not verb:
            sources = st.subjects(frame.word)
            addressees = st.addressees(frame.word) if frame.word.i != verb.i else []
            if frame.noun is not None:  # "repeated its CALL that Israel withdraw": the clause's subject is asked
                addressees = st.noun_addressees(frame)
            if frame.word.lemma_.lower() in self.lexicon.frames and self.lexicon.frames[frame.word.lemma_.lower()] == "report":
                addressees = st.subjects(verb)  # "X said Y must ...": Y is asked
            targets = [addressees]
            if frame.kind == "demand" and not targets[0]:
                targets = self.targets(verb, trigger, passive)
        elif trigger.subject_event and trigger.noun is not None:
            noun = trigger.noun
            sources = [m for m in noun.children if m.dep_ in ("amod", "compound", "poss", "nmod")]
            targets = [[t for p, t in st.prep_objects(noun) if p in st.TARGET_PREPS]]
            if not sources:  # "clashes BETWEEN Armenian and Azerbaijani troops erupted": the two sides
                sources = [t for p, t in st.prep_objects(noun) if p == "between"]
                targets = [[]]
        elif verb.lemma_.lower() in RECEIVING_VERBS and trigger.nominal and not passive and (
                verb.lemma_.lower() == "receive" or _givers(verb, trigger.noun)):
            # "demonstrators RECEIVED assurances FROM the government": the giver acts on the receiver; with no giver
            # named, "received assurances" tells no one's act
            givers = _givers(verb, trigger.noun)
            if not givers:
                return None
            sources, targets = givers, [st.subjects(verb)]
        else:
            sources = st.agents(verb) if passive else st.subjects(verb)
            if passive:  # "blown up BY A MISSILE fired by rebels": whoever used the weapon
                sources = [u for a in sources for u in (self._weapon_users(a) or [a])]
            if passive and not sources and trigger.cameo[:2] in VIOLENT_ROOTS:
                sources = self._attack_causes(verb)
            targets = self.targets(verb, trigger, passive)
            if passive and not sources and trigger.cameo in SELF_RETREAT_CODES:
                # "thousands of troops WERE WITHDRAWN from the border", "guerrillas operating in Macedonia have BEEN
                # DEMOBILIZED": with no agent, the ones withdrawn or demobilized are the doers (CAMEO codes the
                # retreating side as source); the place they leave or operate in is the target
                objs = [o for o in st.objects(verb) if o is not trigger.noun]
                own = {t.i for s in objs for t in s.subtree}
                sources = [g for o in objs for g in (ph.of_contents(o) or [o])]  # "one third OF the guerrillas"
                targets = [[t for t in tier if t.i not in own] for tier in targets[1:]] + [
                    [t for s in sources for g in (s, *ph.of_contents(s)) for c in g.children if c.dep_ == "acl"
                     for p, t in st.prep_objects(c) if p in ("in", "inside")]]
            if trigger.clause is not None:
                # "X alleged that CROATIA failed to ...": the one the clause is about is the target
                targets = [st.own_subjects(trigger.clause) or [c for c in trigger.clause.children
                                                              if c.dep_ in st.PASSIVE_SUBJECT_DEPS], *targets]
            if self.lexicon.frames.get(verb.lemma_.lower()) in ("appeal", "demand"):
                # "demanded that Stockholm extradite ...": the addressee of the frame verb is its target.
                targets = [st.addressees(verb), *targets]
            targets = self._asked_targets(verb, trigger) + targets + self._complement_targets(verb, trigger)
            if passive_head_of_participle(verb) is not None:
                # "a camp for Congolese refugees was attacked ..., KILLING 156 people": unnamed victims are the
                # attacked ones, not the attackers' own people
                targets += self.targets(verb.head, trigger, True)
            if trigger.cameo[:2] in VIOLENT_ROOTS and st.passive_partner_subject(verb):
                # "troops were attacked BY REBELS and fought back": the attacked hit back at their attackers
                targets.append(st.agents(verb.head))
            if trigger.cameo[:2] == "14" and (frame is None or frame.kind not in CODING_FRAMES):
                targets = self._with_purpose_targets(verb, trigger, targets)
        if trigger.cameo[:2] == "12" or (frame is not None and frame.kind == "refuse"):
            # "declined to resign DESPITE PRESSURE BY the commission": a refusal naming no one else rejects who pressed
            targets = [*targets, self._pressers(verb, frame)]
        if self._is_threat(verb, trigger, frame, cues):
            targets = [*targets, self._condition_subjects(verb, cues)]
        return _Candidate(verb, trigger, cues, sources, targets, frame)

    def _pressers(self, verb: Token, frame: st.Frame | None) -> list[Token]:
        """Who pressed for what a refusal turns down: a phrase of defiance on the verb, on the refusing frame verb or
        on their objects ("refused to extradite the suspects DESPITE APPEALS FROM India")."""
        asking = frozenset(w for w, kind in self.lexicon.frames.items() if kind in st.ASKING_KINDS)
        heads = [verb, *([frame.word] if frame is not None and frame.word.i != verb.i else [])]
        heads += [o for h in list(heads) for o in st.objects(h) if o.pos_ == "NOUN"]
        return [t for h in heads for t in ph.defied_pressers(h, asking)]

    def _weapon_users(self, tok: Token) -> list[Token]:
        """Who used a weapon or planted a bomb that is a passive verb's agent: "hit by a rocket FIRED BY HEZBOLLAH",
        "blown up by a missile believed to be fired BY REBELS". Empty when it names no one (the weapon stays)."""
        attacks = self.lexicon.classes.get("UNCLAIMED_ATTACK", frozenset())
        if tok.pos_ != "NOUN" or not (self._is_equipment(tok) or set(ph.noun_terms(tok)) & attacks):
            return []
        return st.maker_agents(tok)

    def _attack_causes(self, verb: Token) -> list[Token]:
        """Who did violence told in the passive with no "by" agent: the attack it happened in ("civilians were
        killed IN a suicide bombing", "DURING an air raid"); the attack's own "by" agent when it names one ("in an air
        strike BY government forces"). An attack naming no doer is left to `_unidentified_attackers`."""
        attacks = self.lexicon.classes.get("UNCLAIMED_ATTACK", frozenset())
        for p, noun in st.prep_objects(verb):
            if p in ATTACK_CAUSE_PREPS and noun.pos_ == "NOUN" and set(ph.noun_terms(noun)) & attacks:
                return [t for q, t in st.prep_objects(noun) if q == "by"] or [noun]
        return []

    def _is_threat(self, verb: Token, trigger: Trigger, frame: st.Frame | None, cues: st.Cues) -> bool:
        """Threatened ("threatened to strike"), a threat itself ("threatened a strike"), or a punitive act announced
        for the future ("will impose sanctions unless ...")."""
        if (frame is not None and frame.kind == "threaten") or self.lexicon.frames.get(verb.lemma_.lower()) == "threaten":
            return True
        return (cues.future or cues.hypothetical) and not cues.negated and trigger.cameo[:2] in THREAT_ROOTS

    @staticmethod
    def _condition_subjects(verb: Token, cues: st.Cues) -> list[Token]:
        """Who must act to avert a threat: "threatened to strike UNLESS ISRAEL rescinded ...", "IF TURKEY does not
        release ...". Last in the target tiers: the threatened act's own target comes first."""
        heads = [verb, *(f.word for f in cues.frames if f.kind in ("threaten", "intend"))]
        return [s for h in heads for c in h.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in st.CONDITIONAL_MARKS for m in c.children) for s in st.own_subjects(c)]

    def _with_purpose_targets(self, verb: Token, trigger: Trigger, targets: list[list[Token]]) -> list[list[Token]]:
        """A protest's purpose names whom it is aimed at ("continued a hunger strike TO DEMAND the resignation of
        the president", "rioted DEMANDING independence from Indonesian rule"): its targets come after the protest's
        own and before the place it happens in ("rioted IN Dili"), which is where, not against whom."""
        purposes = [tier for clause in ph.purpose_clauses(verb, trigger.noun)
                    for tier in self._purpose_target_tiers(clause, depth=2)]
        if not purposes:
            return targets
        places = [t for h in (verb, trigger.noun) if h is not None for p, t in st.prep_objects(h) if p == "in"]
        # "rioted at a jail IN DILI": the town of the place phrase is where too
        places += [t for h in (verb, trigger.noun) if h is not None for p, o in st.prep_objects(h)
                   if p in ph.LOCATION_PREPS for q, t in st.prep_objects(o) if q == "in"]
        at = {t.i for t in places}
        return [[t for t in tier if t.i not in at] for tier in targets] + purposes + [places]

    def _purpose_target_tiers(self, clause: Token, depth: int) -> list[list[Token]]:
        """The target tiers of a purpose clause's own event; through a clause that codes nothing ("joining the
        crowds IN DEMANDING a referendum") to the purpose inside it."""
        c = self.candidate(clause)
        if c is not None:
            return c.targets
        if depth <= 1:
            return []
        return [tier for inner in ph.purpose_clauses(clause, None) for tier in self._purpose_target_tiers(inner, depth - 1)]

    def targets(self, verb: Token, trigger: Trigger, passive: bool) -> list[list[Token]]:
        """Target candidates in tiers, nearest first; the first tier that yields an actor is used.

        1. direct objects (the passive subject) and datives: "attacked IRAN", "sent PAKISTAN fighters";
        2. prepositional phrases on the verb, the event noun or the objects: "talks WITH Egypt", "sanctions ON Iran";
        3. prepositional phrases one level further in: "called for a ceasefire BETWEEN Israel and Hamas",
           "condemned the coup IN Niger".
        """
        objs = st.objects(verb)
        prefs = ACCUSATION_PREPS if trigger.cameo[:2] in ACCUSATION_ROOTS else ()
        order = {p: i for i, p in enumerate((*prefs, *(p for p in st.TARGET_PREPS if p not in prefs)))}
        allowed_in = trigger.cameo[:2] in IN_TARGET_ROOTS
        direct = [o for o in objs if o.pos_ in ("PROPN", "NOUN", "PRON") and o is not trigger.noun]
        direct += st.datives(verb)
        # "tortured scores of Sierra Leonean AND Liberian refugees": every group the measuring head contains
        direct += [g for o in direct for inner in ph.of_contents(o) for g in st.conjuncts(inner)]
        if not objs:  # "denounced AS AN UGLY CRIME Serbia's suppression of ...": the object shifted past a predicate
            direct += [t for p, o in st.prep_objects(verb) if p == "as"
                       for t in (o, *(a for a in o.children if a.dep_ == "appos"))]
        holders = [verb] + ([trigger.noun] if trigger.noun is not None else []) + [o for o in objs if o is not trigger.noun]
        partner = st.object_partner(verb)
        if partner is not None:  # "donated and delivered goods TO the school": the phrases are shared too
            holders.insert(1, partner)
        level1: list[tuple[str, Token]] = []
        for h in holders:
            # the entry's own preposition first ("called ON Egypt"), then the others ("spoke by phone WITH Zelensky")
            level1.extend(sorted(st.prep_objects(h), key=lambda pt: pt[0] != trigger.prep) if h is verb
                          else st.prep_objects(h))
        level1 = [(p, t) for p, t in level1 if p in order or trigger.prep == p or (allowed_in and p == "in")]
        level1 = [(p, t) for p, t in level1 if t.i not in _destinations(verb, trigger)]
        consult = _is_consultation(trigger.cameo)
        if consult:  # "a summit ON the unrest in Iran", "talks with Egypt OVER Libya": what it is about, not who meets
            level1 = [(p, t) for p, t in level1 if p not in TOPIC_PREPS or p == trigger.prep]
        if trigger.cameo[:2] == "14":  # "struck IN PROTEST OVER a law": what the protest is over is the verb's
            level1 += [pt for p, n in level1 if p == "in" and n.lemma_.lower() in CAUSE_NOUNS
                       for pt in st.prep_objects(n) if pt[0] in order]
        level1.sort(key=lambda pt: (pt[0] != trigger.prep, order.get(pt[0], len(order))))
        level2: list[tuple[str, Token]] = []
        for _, noun in level1:
            if noun.pos_ == "NOUN":
                # "on the first day OF A STRIKE over ...": what a measuring head contains speaks for it
                for inner in (noun, *ph.of_contents(noun)):
                    level2.extend((p, t) for p, t in st.prep_objects(inner) if p in order or p in ("in", "by"))
        # "struck over a law SIGNED BY the minister": whoever made it
        level2 += [("by", t) for _, n in [*level1, *level2] if n.pos_ == "NOUN" for t in _acl_agents(n)]
        for o in objs:  # "rejected calls BY Belarus's rulers", "investigating crimes BY Croatian extremists"
            if o.pos_ == "NOUN":
                level2.extend((p, t) for p, t in st.prep_objects(o) if p == "by")
                # "rejected the plan PROPOSED BY UKRAINE": whoever made it
                level2.extend(("by", t) for c in o.children if c.dep_ == "acl" for t in st.agents(c))
        level2.sort(key=lambda pt: order.get(pt[0], len(order)))
        # 4. where the object is: "halt mediation efforts IN Serbia" (never the verb's own place phrase)
        placed = [t for h in holders[1:] for p, t in st.prep_objects(h) if p == "in"]
        if consult:  # "will meet IN ZURICH" with no partner named: a venue abroad (own places are dropped later)
            placed += [t for p, t in st.prep_objects(verb) if p == "in" and p != trigger.prep]
        if trigger.cameo[:2] in PLACE_TARGET_ROOTS:  # "resume attacks IN Israel", "step up operations INSIDE Israel"
            placed += [t for h in holders for p, t in st.prep_objects(h) if p in FORCE_PLACE_PREPS and p != "in"
                       or h is verb and p == "in"]
        accused = [t for p, t in level1 if p in prefs]  # for accusations, whom it is about outranks whom it is told to
        # "rallied IN CARACAS against Colombian bases": where it happened is the target only when nothing else is
        where = [t for p, t in level1 if allowed_in and p == "in" and trigger.prep != "in"]
        aimed = [t for p, t in level1 if not (allowed_in and p == "in" and trigger.prep != "in")]
        # 5. whom an invitation is to meet or visit: "accepted an invitation TO VISIT MOSCOW", "rejected an invitation
        # to attend a meeting OF PALESTINIAN FACTIONS"
        invited = [t for o in [*objs, *([trigger.noun] if trigger.noun is not None else [])]
                   if o.lemma_.lower() in INVITATION_NOUNS for t in _invited_parties(o)]
        return [direct, accused, aimed, where, [t for _, t in level2], placed, invited]

    def _asked_targets(self, verb: Token, trigger: Trigger) -> list[list[Token]]:
        """An appeal or demand noun coded by itself, whose that-clause names who must act: "reiterated its insistence
        that PYONGYANG dismantle ..." (when the clause's own act is no event of the lexicon)."""
        clauses = [c for c in verb.subtree if c.dep_ in ("acl", "ccomp")]
        frames = [f for c in clauses if (f := st.content_noun(c, self.lexicon.frames)) is not None
                  and f.word.i == verb.i and (trigger.noun is None or f.noun is None or f.noun.i == trigger.noun.i)]
        return [st.noun_addressees(f) for f in frames[:1]]

    def _complement_targets(self, verb: Token, trigger: Trigger) -> list[list[Token]]:
        """A frame verb coded by itself ("offered", "threatened") when its complement is no event of the lexicon: the
        complement's own targets come last ("offered to hand over TO BRITAIN two suspects", "threatened to resume
        activities IN ISRAEL")."""
        if self.lexicon.frames.get(verb.lemma_.lower()) not in CODING_FRAMES:
            return []
        return [tier for comp in verb.children if comp.dep_ == "xcomp" and ph.is_predicate(comp)
                for tier in self.targets(comp, trigger, st.is_passive(comp))]

    # -- 4. coding --------------------------------------------------------------------------------------------
    def __call__(self, sent: Doc | Span, ctx: SentenceContext, memory: DocumentMemory) -> list[Event]:
        names = self.resolver.find_names(sent)
        cache: dict[int, Actor | None] = {}
        on = ctx.doc_date

        def actor(tok: Token) -> Actor | None:
            if tok.i not in cache:
                cache[tok.i] = self.resolver.resolve(tok, names, on=on, memory=memory)
            return cache[tok.i]

        actor.memory = memory  # type: ignore[attr-defined]

        # Resolve sentence subjects first, left to right, so that memory (pronouns, "the minister") follows the text.
        groups = memory.last_groups
        for tok in sent:
            if tok.dep_ in st.SUBJECT_DEPS | st.PASSIVE_SUBJECT_DEPS and tok.pos_ in ("PROPN", "NOUN"):
                actor(tok)
                if tok.head.dep_ == "ROOT":  # "Iran and Russia held talks. THEY agreed ...": both
                    both = [a for t in st.conjuncts(tok) if (a := actor(t)) is not None and a.code]
                    groups = both if len(both) > 1 else []
        cands: list[_Candidate] = []
        for tok in sent:
            if ph.is_predicate(tok):
                c = self.candidate(tok)
                if c is not None:
                    cands.append(c)
        # A frame verb with its own entry ("urged", "threatened") is not coded when the event inside it was.
        framed = {f.word.i for c in cands for f in c.cues.frames if f.word.i != c.verb.i}
        # "repeated its call that Israel withdraw": the call is coded as the withdrawal asked for, not again
        asking = {f.word.i for c in cands for f in c.cues.frames if f.noun is not None and f.word.i != c.verb.i}
        cands = [c for c in cands if c.trigger.clause is not None or not (
            c.verb.i in framed and (self.lexicon.frames.get(c.verb.lemma_.lower()) or c.verb.i in asking))]
        cands += self._fight_candidates(sent)
        coded = [(c, self._code(c, sent, ctx, actor, names)) for c in cands]
        memory.last_groups = groups  # after coding: a "they" in this sentence meant the previous sentence's groups
        kept = prune_codings(coded, self._is_event_noun, self.lexicon.classes.get("BODY", frozenset()))
        return kept + self._other_sides(coded, kept)

    def _is_fight_noun(self, tok: Token) -> bool:
        """A noun of armed fighting ("fierce FIGHTING", "CLASHES", "a gun BATTLE"), or the gerund "fighting" the
        parser reads as a verb ("three days of FIGHTING with the army")."""
        if tok.pos_ == "VERB":
            return tok.lower_ == "fighting" and tok.dep_ in ("pobj", "pcomp", "dobj")
        return tok.pos_ == "NOUN" and bool(set(ph.noun_terms(tok)) & FIGHT_NOUNS)

    def _fight_candidates(self, sent) -> list[_Candidate]:  # type: ignore[no-untyped-def]
        """Fights told in a phrase of circumstance on an asserted act: "Vietnamese-led forces retook a village AFTER
        FIERCE FIGHTING WITH GUERRILLAS" -> the verb's subject uses force (190, or the noun's own code: a firefight
        is 193) against the noun's "with"/"against" side. Only violent nouns ("after talks with Egypt" is no event
        of its own here); not under a passive verb (its subject is no doer), a negation, a future or a frame that
        recodes the act."""
        out: list[_Candidate] = []
        for verb in sent:
            if not ph.is_predicate(verb) or verb.pos_ not in ("VERB", "AUX") or st.is_passive(verb):
                continue
            if verb.lemma_.lower() in self._speech | STATEMENT_VERBS:
                continue  # "X declared a ceasefire / said ... after battles with Y": who speaks need not have fought
            fights = st.fight_adjuncts(verb, self._is_fight_noun)
            if not fights:
                continue
            sources = st.subjects(verb)
            if not sources:
                continue
            cues = st.frame_cues(verb, self.lexicon.frames)
            if cues.negated or cues.future or cues.hypothetical or any(
                    f.kind in CODING_FRAMES or f.kind == "deny" for f in cues.frames):
                continue
            for noun, sides in fights:
                n = self.noun_entry(noun) if noun.pos_ == "NOUN" else None
                code = n.cameo if n is not None and n.cameo[:2] == "19" else FIGHT_CODE
                prep = next(c for c in verb.children if noun in c.subtree)
                trigger = Trigger(code, f"fight noun '{noun.text}' in a '{prep.lower_}' phrase on '{verb.lemma_}' "
                                        f"-> {code} (the subject against its side)",
                                  f"{prep.text} {noun.text}", 0.65, noun=noun, nominal=True, adjunct=True)
                out.append(_Candidate(verb, trigger, cues, sources, [sides]))
        return out

    def _is_event_noun(self, tok: Token) -> bool:
        """A noun that names an event ("talks", "ceasefire"), or a gathering ("a session of the Council")."""
        if tok.pos_ != "NOUN":
            return False
        gatherings = GATHERING_NOUNS | self.lexicon.classes.get("MEETING", frozenset()) | self.lexicon.classes.get(
            "TALKS", frozenset())
        return self.noun_entry(tok) is not None or bool(set(ph.noun_terms(tok)) & gatherings)

    def _code(self, c: _Candidate, sent, ctx: SentenceContext, actor, names) -> list[Event]:  # type: ignore[no-untyped-def]
        code, modality, notes = self._modality(c)
        if code is None:
            return []
        sources = [a for t in c.sources for a in self._source_actors(t, actor) if a.code]
        claimants = self._claimants(c, code, actor)
        if claimants:
            # "the US claimed that THEY had attacked Iraq": the speaker owns up to its act (015) against its target
            notes.append(f"'{c.verb.head.text}' its own act {code}->{RESPONSIBILITY_CODE}")
            sources, code, modality = claimants, RESPONSIBILITY_CODE, Modality.ASSERTED
        if not sources and c.cues.frames and not st.is_passive(c.verb) and c.sources and all(
                ph.refers_back(t) for t in c.sources):
            # "officials agreed that THEIR COUNTRIES should cooperate": the frame's subject acts
            frame_word = c.cues.frames[0].word
            sources = [a for t in st.subjects(frame_word) for a in self._source_actors(t, actor) if a.code]
        if not sources and not c.sources:
            # "Theresa May criticised ...": a name ending in a modal word, parsed as the verb's auxiliary
            sources = [a for t in c.verb.children if t.dep_ == "aux" and t.i in names and names[t.i][0].end - 1 == t.i
                       for a in self._source_actors(t, actor) if a.code]
        if not sources and c.sources and code[:2] in VERBAL_ROOTS:
            sources = self._document_authors(c, actor, notes)
        if not sources and c.sources:
            sources = self._placed_roles(c.sources, names, c.verb)
        if not sources and c.sources:
            sources = self._unidentified_attackers(c, actor, names, notes)
        if not sources:
            return []
        if c.sources and code[:2] in VIOLENT_ROOTS:  # "a CAR BOMBING killed", "killed in an Israeli AIR RAID"
            used = st.agents(c.verb) if st.is_passive(c.verb) else []  # "killed by a roadside BOMB planted by X"
            code = next((new for t in (c.sources[0], *used) if (new := self._code_of_attack(code, t, notes)) != code),
                        code)
        sources = ph.most_specific([self._speaker_for(a, c, actor, notes) for a in sources])
        if c.trigger.labour_only and not self._is_walkout(c, sources):
            return []  # "China stopped work on the dam": a halt, not a strike
        targets = self._resolve_targets(c, actor, sources, names)
        if c.trigger.adjunct:
            if all(t.entry.endswith(DOMESTIC_DEFAULT) for t in targets):
                # "... in western Cambodia after fighting with GUERRILLAS": a side with no country of its own is
                # placed where the sentence sets it, before the doers' own country
                # (the sentence's one country, else the one country its places name: "Vietnamese ... in CAMBODIA")
                source_codes = {s.code for s in sources}
                placed = [a for a in self._placed_roles(c.targets[0], names, c.verb) if a.code not in source_codes]
                country = self._placed_country(names)
                if not placed and country is not None and country not in {s.country for s in sources}:
                    placed = [t.model_copy(update={
                        "code": country + (t.role or ""), "country": country,
                        "entry": f"{t.entry.removesuffix(DOMESTIC_DEFAULT)}the only country the sentence places"})
                        for t in targets]
                targets = placed or targets
            if not targets:
                return []  # the fight's side names no one the actors know
        if c.trigger.clause is not None and not targets:
            return []  # an allegation is about someone: with the clause's subject unknown there is no event
        clash = self._crowd_clash(c, code, sources, actor)
        if clash is not None:
            # "police clashed with protesters": the police repress the crowd (175), the crowd protests violently (145)
            sources, targets = clash
            notes.append(f"clash of security forces with a crowd {code}->{REPRESSION_CODE} "
                         f"(and {VIOLENT_PROTEST_CODE} back)")
            code = REPRESSION_CODE
        code = self._refine_by_instrument(code, c, notes)
        code = self._refine_by_rioters(code, c, notes)
        if code[:2] == "15" and len({s.country for s in sources}) > 1 and self._names_exercise(c) and not any(
                t.country and t.country not in {s.country for s in sources} for t in targets):
            # "French and Egyptian warships launched war games (off Rio)": exercises held together are military
            # cooperation between the sources (a place in one of their own countries is no target)
            notes.append(f"joint exercise of coordinated sources {code}->062")
            code, targets = "062", []
        onto = self.ontology
        mapping = onto.plover(code)
        plover = mapping.type if mapping else None
        if modality in (Modality.INTENDED,) and plover in COOPERATIVE_PLOVER:
            plover = "AGREE"  # PLOVER: cooperative actions in the future tense are coded as AGREE
        if code == "010":
            return []  # a bare statement: CAMEO's residual code is not coded as an event
        when = self._date(c, sent, ctx)
        other = ph.other_clauses(c.verb, self._reporting)  # other events' clauses: read once, used twice
        quantities, weapons = self._things(c, other)
        clause = self._clause(c, sent, other)
        location = ph.location(c.verb, c.trigger.noun, names)
        rule = " | ".join([c.trigger.rule, *notes])
        conf = c.trigger.base_confidence - (0.1 if notes else 0.0) - (0.1 if modality in (Modality.HYPOTHETICAL, Modality.REPORTED) else 0.0)
        if not targets and (code[:2] == "14" or code.startswith("082")):
            # A protest with no target named is against the government of the protesters' own country, and so is
            # calling one off ("the union called off its strike").
            targets = [Actor(code=s.country + "GOV", country=s.country, role="GOV", text="(the government)",
                             entry="protest default: the protesters' own government")
                       for s in sources[:1] if s.country and s.role not in ("GOV", "MIL", "COP")]
            if targets:
                notes.append("protest against the own government (no target named)")
                rule = " | ".join([c.trigger.rule, *notes])
        elif not targets and code == PROPERTY_CODE:
            targets = self._property_owner(c, sources, names)
            if targets:
                notes.append(f"property destroyed in {targets[0].country} (no owner named)")
                rule = " | ".join([c.trigger.rule, *notes])
        elif not targets and code[:2] in DOMESTIC_CONTROL_ROOTS and _untargeted_control(c):
            # A state's curfew, martial law or ban with no one named is aimed at its own population (CAMEO codes
            # the country itself as the target).
            targets = [Actor(code=s.country, country=s.country, text="(the population)",
                             entry="domestic measure: the state's own population")
                       for s in sources[:1] if s.country and s.role in STATE_ROLES]
            if targets:
                notes.append("domestic measure against the own population (no target named)")
                rule = " | ".join([c.trigger.rule, *notes])
        if code[:2] in MUTUAL_ROOTS and _only_own_places(targets, sources, single=_is_consultation(code)):
            # "India and Pakistan held talks IN ISLAMABAD": a place of one of the parties is where, not whom
            notes.append("a place of the coordinated sources' own countries is no target")
            targets = []
        mutual = not targets and len(sources) > 1 and (
            (code[:2] in MUTUAL_ROOTS and code not in ONE_WAY_CODES) or c.verb.lemma_.lower() in RECIPROCAL_VERBS
            or (c.trigger.noun is not None and c.trigger.noun.lemma_.lower() in RECIPROCAL_VERBS))
        if mutual:
            notes.append("coordinated sources act on each other")
            rule = " | ".join([c.trigger.rule, *notes])
        out: list[Event] = []
        for s in sources:
            if targets and all(t.entry == REFLEXIVE_ENTRY for t in targets):
                ts: list[Actor | None] = [next(t for t in targets if t.code == s.code)]  # each acts on itself
            else:
                ts = [t for t in (sources if mutual else targets) if t.code != s.code] or [None]
            for t in ts:
                out.append(Event(
                    doc=ctx.doc_id, sentence=sent.text, sentence_index=ctx.index, span=(ctx.start, ctx.end),
                    date=when.value if when else (ctx.doc_date.isoformat() if ctx.doc_date else None),
                    date_precision=when.precision if when else ("day" if ctx.doc_date else "unknown"),
                    date_source=when.source if when else ("document" if ctx.doc_date else "unknown"),
                    source=s, target=t, cameo=code, cameo_name=onto.name(code), plover=plover,
                    plover_mode=mapping.mode if mapping else None, goldstein=onto.goldstein(code),
                    modality=modality, confidence=max(0.05, min(1.0, round(conf, 2))), rule=rule,
                    trigger=c.trigger.words, quantities=quantities, weapons=weapons, location=location,
                    clause=clause,
                ))
        if code in MUTUAL_CODES and not mutual and modality not in ONE_SIDED_MODALITIES:
            partners = {a.code for a in self._partners(c, actor, sources)}
            c.other_side = (code, "negotiation is mutual: the partner's side", partners)
        if clash is not None:
            c.other_side = (VIOLENT_PROTEST_CODE, "the crowd's side of the clash", {t.code for t in targets})
        return out

    def _partners(self, c: _Candidate, actor, sources: list[Actor]) -> list[Actor]:  # type: ignore[no-untyped-def]
        """Whom the sources negotiate WITH ("held talks WITH Y", "negotiated WITH Y", "talks BETWEEN X and Y"), not
        what or where about ("discussed the crisis IN SYRIA")."""
        holders = [c.verb, *([c.trigger.noun] if c.trigger.noun is not None else [])]
        tokens = [t for h in holders for p, t in st.prep_objects(h) if p in PARTNER_PREPS]
        return [a for t in tokens if (a := self._target_actor(t, actor, sources)) is not None and a.code]

    def _claimants(self, c: _Candidate, code: str, actor) -> list[Actor]:  # type: ignore[no-untyped-def]
        """The speakers of "X claimed / admitted / acknowledged / confessed that <X's own act>" when the act is force
        or coercion and its doer is the speaker: a pronoun or possessive pointing back ("THEY had attacked", "ITS
        forces shelled") or the same actor named again. "Iran claimed that Iraq attacked Kuwait" is Iraq's attack,
        only reported."""
        verb = c.verb
        if code[:2] not in RESPONSIBLE_ROOTS or verb.dep_ != "ccomp" or st.is_passive(verb) or \
                verb.head.lemma_.lower() not in ADMISSION_VERBS:
            return []
        doers, speakers = st.own_subjects(verb), st.own_subjects(verb.head)
        claimants = [a for t in speakers for a in self._source_actors(t, actor) if a.code]
        if not doers or not claimants:
            return []
        codes = {a.code for a in claimants} | {a.country for a in claimants if not a.role}
        for t in doers:
            if ph.refers_back(t):
                continue
            a = actor(t)
            if a is None or not (a.code in codes or a.country in codes):
                return []
        return claimants

    def _other_sides(self, coded: list[tuple[_Candidate, list[Event]]], kept: list[Event]) -> list[Event]:
        """The target's side of the kept events of two-sided acts (`_Candidate.other_side`), one per dyad not
        already coded."""
        ids = {id(e) for e in kept}
        out: list[Event] = []
        for c, evs in coded:
            if c.other_side is None:
                continue
            code, note, partners = c.other_side
            for e in _the_other_side([e for e in evs if id(e) in ids and e.target is not None
                                      and e.target.code in partners], note, [*kept, *out]):
                out.append(e if e.cameo == code else self.ontology.recode(e, code))
        return out

    def _crowd_clash(self, c: _Candidate, code: str, sources: list[Actor], actor  # type: ignore[no-untyped-def]
                     ) -> tuple[list[Actor], list[Actor]] | None:
        """(security forces, crowd) when a fight is between the two ("police clashed with stone-throwing
        protesters", "protesters clashed with police", "police and demonstrators clashed"): a crowd is no army, so
        CAMEO codes the forces' side as repression and the crowd's as violent protest. Armed forces fighting rebels or
        troops stay 190."""
        verb_or_noun = {c.verb.lemma_.lower(), c.trigger.noun.lemma_.lower() if c.trigger.noun is not None else ""}
        if code[:2] not in ("14", "19") or not verb_or_noun & RECIPROCAL_VERBS:
            return None
        is_crowd = self._is_crowd
        if c.sources and all(is_crowd(t) for t in c.sources):  # "protesters clashed with police"
            crowds = sources
            forces = [a for a in self._resolve_targets(c, actor, sources) if a.role in FORCE_ROLES]
        else:
            forces = [s for s in sources if s.role in FORCE_ROLES or not s.role and any(
                t.lemma_.lower() in FORCE_NOUNS for t in c.sources)]
            tokens = [t for t in c.sources if is_crowd(t)] + [t for tier in c.targets for t in tier if is_crowd(t)]
            crowds = ph.most_specific([a for t in tokens if (a := self._target_actor(t, actor, forces)) is not None
                                       and a.code])
        if not forces or not crowds or any(a.role in FORCE_ROLES for a in crowds):
            return None
        return forces, crowds

    def _is_crowd(self, tok: Token) -> bool:
        """A crowd noun: "protesters", "rioters", "a crowd (of villagers)" (classes.tsv RIOTER)."""
        return tok.pos_ == "NOUN" and bool(set(ph.noun_terms(tok)) & self.lexicon.classes.get("RIOTER", frozenset()))

    def _resolve_targets(self, c: _Candidate, actor, sources: list[Actor], names=None) -> list[Actor]:  # type: ignore[no-untyped-def]
        """The targets of the first tier that names one (other than the sources); a domestic default ("arrested
        protesters") only when no tier names anyone, and for violence only when it struck no other country
        (`_victims_abroad`)."""
        source_codes = {s.code for s in sources}
        fallback: list[Actor] = []  # a domestic default waits for the named targets of later tiers
        reflexive: list[Actor] = []  # "attacked ITSELF": the source, when no tier names anyone else
        own = _addresses_own(c)
        struck = c.trigger.cameo[:2] in VIOLENT_ROOTS
        for tier in c.targets:
            found = []
            for t in tier:
                if t.lower_ in REFLEXIVE_PRONOUNS and t.dep_ not in ("appos", "npadvmod") and len(sources) == 1:
                    # "Iraq had attacked ITSELF": the doer is also the one acted on, unless a later phrase names
                    # another ("defended itself AGAINST Hamas"); coordinated doers ("Iraq and Iran attacked
                    # themselves") read as each other, left to the mutual coding
                    reflexive = reflexive or [sources[0].model_copy(update={
                        "text": f"{t.text} ({sources[0].text})", "entry": REFLEXIVE_ENTRY})]
                a = self._target_actor(t, actor, sources, own=own, struck=struck)
                if a is not None and a.code and a.code not in source_codes:
                    found.append(a)
                    found.extend(self._coordinated_modifiers(t, a, actor))
            named = [a for a in found if not a.entry.endswith(DOMESTIC_DEFAULT)]
            if named:
                return ph.most_specific(named)
            fallback = fallback or found
        if reflexive:
            return reflexive
        if fallback and struck and names is not None:
            fallback = self._victims_abroad(c, fallback, actor, sources, names)
        return ph.most_specific(fallback) if fallback else []

    def _victims_abroad(self, c: _Candidate, victims: list[Actor], actor, sources: list[Actor], names  # type: ignore[no-untyped-def]
                        ) -> list[Actor]:
        """Unnamed victims of violence ("killed 20 people") that would default to the attackers' own country belong
        to the country of the place struck ("Israel struck GAZA and killed 20 people" -> PSECVL), else of the target
        of the attack they died in ("shelled the SYRIAN army, killing ...")."""
        own = {s.country for s in sources if s.country}
        country = next((x for x in self._struck_countries(c, actor, names) if x not in own), None)
        if country is None:
            return victims
        return [v.model_copy(update={"code": country + (v.role or ""), "country": country,
                                     "entry": f"{v.entry.removesuffix(DOMESTIC_DEFAULT)}country of the place struck"})
                if v.entry.endswith(DOMESTIC_DEFAULT) else v for v in victims]

    def _struck_countries(self, c: _Candidate, actor, names) -> list[str]:  # type: ignore[no-untyped-def]
        """Countries the violence struck, nearest first: where the event happened ("killed 20 people IN GAZA"), then
        what the act it goes with hit and where ("STRUCK GAZA and killed", "SHELLED northern Iraq, killing")."""
        out = []
        verbs = [c.verb] + ([c.verb.head] if c.verb.dep_ in ("conj", "advcl") and c.verb.head.pos_ == "VERB" else [])
        for v in verbs:
            place = ph.location(v, c.trigger.noun if v is c.verb else None, names)
            if place is not None and place.country:
                out.append(place.country)
            for o in (st.objects(v) if v is not c.verb else []):
                a = actor(o)
                if a is not None and a.country:
                    out.append(a.country)
        return out

    def _unidentified_attackers(self, c: _Candidate, actor, names, notes: list[str]) -> list[Actor]:  # type: ignore[no-untyped-def]
        """"A roadside BOMBING near Samarra killed a U.S. soldier": violence whose subject is the attack itself, with
        no doer named, was done by unidentified armed forces of the country where it happened (the place named), else
        of the country of whom it hit."""
        if c.trigger.cameo[:2] not in VIOLENT_ROOTS or not all(self._is_unclaimed_attack(t, actor) for t in c.sources):
            return []
        attack = c.sources[0]
        place = ph.location(c.verb, attack, names)
        country = place.country if place is not None else self._placed_country(names)
        where = f"where it happened ({place.name})" if place is not None else "the only place named"
        if country is None:
            hit = next((t for t in self._resolve_targets(c, actor, []) if t.country), None)
            country, where = (hit.country, f"of the target ({hit.text})") if hit is not None else (None, "")
        if country is None:
            return []
        notes.append(f"'{attack.text}' with no doer: unidentified attackers, country {where}")
        return [Actor(code=country + UNIDENTIFIED_ROLE, country=country, role=UNIDENTIFIED_ROLE, text=attack.text,
                      entry=f"unidentified attackers: '{attack.text}' names no doer")]

    def _code_of_attack(self, code: str, attack: Token, notes: list[str]) -> str:
        """"A CAR BOMBING killed ...", "were killed in an Israeli AIR RAID": an attack noun doing the violence has its
        own violent code, which says more than the verb's generic one."""
        entry = self.noun_entry(attack) if attack.pos_ == "NOUN" else None
        if entry is None or entry.cameo[:2] not in VIOLENT_ROOTS or specificity(entry.cameo) <= specificity(code):
            return code  # "attacks have killed top LEADERS": the verb's assassination (186) says more than "attack"
        notes.append(f"attack '{attack.text}' {code}->{entry.cameo}")
        return entry.cameo

    def _is_unclaimed_attack(self, tok: Token, actor) -> bool:  # type: ignore[no-untyped-def]
        """An attack noun ("bombing", "blast") that names no actor itself or in a "by" phrase, and is no one's object."""
        attacks = self.lexicon.classes.get("UNCLAIMED_ATTACK", frozenset())
        if tok.pos_ != "NOUN" or not set(ph.noun_terms(tok)) & attacks or tok.dep_ in st.OBJECT_DEPS:
            return False  # "IS claimed a bombing that killed ...": an attack that is another act's object has a doer
        doers = [tok, *(t for p, t in st.prep_objects(tok) if p == "by")]
        return not any((a := actor(t)) is not None and a.code for t in doers)

    def _document_authors(self, c: _Candidate, actor, notes: list[str]) -> list[Actor]:  # type: ignore[no-untyped-def]
        """Who speaks through a document that is the subject of a verbal act ("a report BY HUMAN RIGHTS WATCH
        accused ...", "a statement ISSUED BY the ministry condemned ..."): its author; else the country where it was
        released ("a report released IN THE RWANDAN CAPITAL alleged ..."). Only as the subject of the act's own verb
        or of its frame: "the statement COMES a day before ..., seeking to mend ties" is no one's act. A compound or
        possessive author ("a UN report") is the resolver's already."""
        speaking = {s.i for h in (c.verb, *(f.word for f in c.cues.frames)) for s in st.own_subjects(h)}
        out: list[Actor] = []
        for t in c.sources:
            if t.i not in speaking or t.pos_ != "NOUN" or t.lemma_.lower() not in ph.DOCUMENT_NOUNS:
                continue
            made = [c for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in ph.PUBLISHING_VERBS]
            authors = [a for p, g in st.prep_objects(t) if p in ("by", "from") for a in self._source_actors(g, actor)
                       if a.code] or [a for m in made for g in st.agents(m) for a in self._source_actors(g, actor)
                                      if a.code]
            if authors:
                notes.append(f"'{t.text}' speaks for its author")
                out.extend(authors)
                continue
            where = [a for m in made for p, g in st.prep_objects(m) if p in ph.LOCATION_PREPS
                     if (a := actor(g)) is not None and a.country]
            if where:
                country = where[0].country
                notes.append(f"'{t.text}' released in {where[0].text}: its author's country")
                out.append(Actor(code=country, country=country, text=t.text,
                                 entry=f"document released in {where[0].text}: the country of its author"))
        return out

    def _placed_country(self, names) -> str | None:  # type: ignore[no-untyped-def]
        """The country of the places the sentence names (towns, capitals, countries; not demonyms), if only one."""
        countries = named_countries(names, kinds={"capital", "place", "country"})
        return next(iter(countries)) if len(countries) == 1 else None

    def _placed_roles(self, tokens: list[Token], names, verb: Token | None = None  # type: ignore[no-untyped-def]
                      ) -> list[Actor]:
        """Role nouns with no country ("security forces", "rioters") in a sentence that names one country only
        (by name, demonym, capital or place): they act in that country; in a sentence naming more, the one country
        of the place phrases on their own ``verb`` or on themselves ("inmates AT A PRISON IN LIMA"). "Security forces fired tear gas at
        protesters in Dhaka" -> BGD security forces. A country the event is aimed at places no one: "Archbishop
        Desmond Tutu called for sanctions AGAINST Nigeria" does not make Tutu Nigerian."""
        def aimed_at(span) -> bool:  # type: ignore[no-untyped-def]
            t = span.root  # "Nigeria", "Nigeria's government", "Ghana and Nigeria"; a demonym modifier ("against
            while t.dep_ in ("poss", "flat", "conj", "appos") and t.head is not t:  # Chilean officials") is
                t = t.head  # a group of that country, which may well be acting inside it
            return t.dep_ in ("dobj", "dative", "iobj") or (t.dep_ == "pobj" and t.head.head.pos_ != "ADJ" and
                                                            t.head.lower_ in ("against", "on", "to", "toward", "towards"))

        countries = named_countries(names, keep=lambda span: not aimed_at(span))
        how = "the only country the sentence names"
        if len(countries) != 1 and verb is not None:
            # "Prisoners rioted AT A JAIL IN DILI, ... demanding independence from Indonesian rule": where the
            # doers act or are places them when the sentence names other countries too
            own_verbs = [t.head for t in tokens if t.dep_ in st.SUBJECT_DEPS] or [verb]  # a purpose clause's doer
            countries = ph.own_place_countries([*own_verbs, *tokens, *(g for t in tokens for g in ph.of_contents(t))],
                                               names)  # is placed by the verb it is the subject of
            how = "the country its own place phrase names"
        if len(countries) != 1:
            return []
        country = next(iter(countries))
        out = []
        for t in tokens:
            if t.pos_ == "NOUN" and (ph.has_designation(t, names) or self._is_equipment(t)):
                continue  # "the first F-16 FIGHTERS for Taiwan": aircraft, not militants
            hit = self.resolver.role_of(t) if t.pos_ == "NOUN" else next(  # "JUDGE Alejandro Rivera": the title
                (h for c in t.children if c.dep_ == "compound" and (h := self.resolver.role_of(c)) is not None), None)
            if hit is None and t.pos_ in ("NOUN", "NUM"):  # "HUNDREDS of inmates": the role is on the "of" phrase
                hit = next((h for g in ph.of_contents(t) if (h := self.resolver.role_of(g)) is not None), None)
            if hit is not None:
                out.append(Actor(code=country + hit[0], country=country, role=hit[0], text=t.text,
                                 entry=f"{hit[2]}; {how}"))
        return out

    def _is_walkout(self, c: _Candidate, sources: list[Actor]) -> bool:
        """A work stoppage is a strike when labour stops work ("miners stopped work", "the union halted work") or the
        clause sets it in a strike ("stopped work ON the first day of A STRIKE"); "China stopped work on the dam" is
        no protest."""
        if any(s.role in LABOUR_ROLES for s in sources):
            return True
        phrases = [o for p, o in st.prep_objects(c.verb) if p in STRIKE_PHRASE_PREPS]
        return any(self._is_labour_strike(n) for o in phrases for n in (o, *ph.of_contents(o)))

    def _is_labour_strike(self, noun: Token) -> bool:
        """A strike noun of labour: "general strike", "walkout", or a plain "strike" (not an "air strike")."""
        entry = self.noun_entry(noun) if noun.pos_ == "NOUN" else None
        return entry is not None and (entry.cameo == STRIKE_CODE or entry.noun == "strike")

    def _names_exercise(self, c: _Candidate) -> bool:
        exercise = self.lexicon.classes.get("EXERCISE", frozenset())
        nouns = [*st.objects(c.verb), *([c.trigger.noun] if c.trigger.noun is not None else [])]
        return any(term in exercise for n in nouns for term in ph.noun_terms(n))

    def _is_equipment(self, tok: Token) -> bool:
        weapons = self.lexicon.classes.get("WEAPON", frozenset())
        return any(term in weapons for term in ph.noun_terms(tok))

    def _source_actors(self, tok: Token, actor) -> list[Actor]:  # type: ignore[no-untyped-def]
        """The actors of a source token. Weapons as subjects ("Israeli helicopters shelled") stand for the military;
        coordinated modifiers give one actor each ("Indian and Chinese troops" -> INDMIL, CHNMIL); a main-clause
        "they" after coordinated subjects is all of them."""
        memory = getattr(actor, "memory", None)
        if tok.lower_ == "they" and tok.head.dep_ == "ROOT" and memory is not None and memory.last_groups:
            return [a.model_copy(update={"text": f"they ({a.text})", "entry": f"{a.entry} (pronoun)"})
                    for a in memory.last_groups]
        a = actor(tok)
        if a is None:
            return []
        if a.country and not a.role and tok.lemma_.lower() != "fighter" and self._is_equipment(tok):
            a = a.model_copy(update={"code": a.country + "MIL", "role": "MIL"})
        return [a, *self._coordinated_modifiers(tok, a, actor)]

    def _coordinated_modifiers(self, tok: Token, a: Actor, actor) -> list[Actor]:  # type: ignore[no-untyped-def]
        """Extra actors from coordinated modifiers: "Sierra Leonean and Liberian refugees" -> SLE..., LBR..."""
        out: list[Actor] = []
        for mod in tok.lefts:
            if mod.dep_ not in ("amod", "compound", "nmod"):
                continue
            for other in st.conjuncts(mod)[1:]:
                b = actor(other)
                if b is not None and b.country and b.country != a.country:
                    out.append(b.model_copy(update={"code": b.country + (a.role or ""), "role": a.role,
                                                    "text": f"{other.text} {tok.text}"}))
        return out

    def _with_shared_head(self, tok: Token, a: Actor | None, actor) -> Actor | None:  # type: ignore[no-untyped-def]
        """A demonym coordinated with a modified noun shares that noun: "Sierra Leonean and Liberian REFUGEES" (the
        parser makes "Sierra Leonean" a noun of its own) -> SLE refugees beside LBR refugees."""
        if a is None or a.role or not a.country or " demonym " not in f" {a.entry} ":
            return a
        for other in st.conjuncts(tok)[1:]:
            b = actor(other) if other.pos_ == "NOUN" else None
            if b is not None and b.role and b.country and b.country != a.country and any(
                    m.dep_ in ("amod", "compound") for m in other.lefts):
                return a.model_copy(update={"code": a.country + b.role, "role": b.role,
                                            "text": f"{tok.text} {other.text}"})
        return a

    def _refine_by_instrument(self, code: str, c: _Candidate, notes: list[str]) -> str:
        """Generic force (190) made specific by the weapon used: aircraft -> 195, artillery and tanks -> 194."""
        if code != "190":
            return code
        tokens = list(c.sources) + [o for p, o in st.prep_objects(c.verb) if p in ("with", "by")]
        if st.is_passive(c.verb):  # "shot down BY A MISSILE fired by rebels": the weapon used, its users the sources
            tokens += [a for a in st.agents(c.verb) if a.i not in {t.i for t in c.sources}]
        for tok in tokens:
            for term in ph.noun_terms(tok):
                for cls, refined in self.lexicon.instruments.items():
                    if term in self.lexicon.classes.get(cls, frozenset()):
                        notes.append(f"instrument '{tok.text}' ({cls}) 190->{refined}")
                        return refined
        return code

    def _refine_by_rioters(self, code: str, c: _Candidate, notes: list[str]) -> str:
        """Destruction by a crowd ("protesters torched cars", "rioters smashed shops", "prisoners rioted, setting
        fire to mattresses") is violent protest (145): CAMEO keeps 17x-19x for organised coercion and force."""
        if code not in RIOT_CODES or not c.sources:
            return code
        rioters = self.lexicon.classes.get("RIOTER", frozenset())
        if all(set(ph.noun_terms(t)) & rioters for t in c.sources) or _rioting_verb(c.verb):
            notes.append(f"destruction by a crowd {code}->145")
            return "145"
        return code

    def _property_owner(self, c: _Candidate, sources: list[Actor], names) -> list[Actor]:  # type: ignore[no-untyped-def]
        """Property destroyed with no owner named ("blew up power lines leading into Kabul") belongs to the
        country of the place named, else to the doer's own country (CAMEO's domestic default)."""
        place = ph.location(c.verb, c.trigger.noun, names) if names is not None else None
        country = place.country if place is not None and place.country else self._placed_country(names or {})
        country = country or next((s.country for s in sources if s.country), None)
        if country is None:
            return []
        return [Actor(code=country, country=country, text="(property)",
                      entry="property default: the country of the place, else the doer's own")]

    def _target_actor(self, tok: Token, actor, sources: list[Actor], *,  # type: ignore[no-untyped-def]
                      own: bool = False, struck: bool = False) -> Actor | None:
        """The actor of a target token. Equipment is not a target ("sent French Mirages") unless it is ``struck``
        by violence, when it stands for its country's military ("shot down a Russian Su-25"); "them"/"it" point
        back to the nearest actor named earlier in the sentence that is not the source; with ``own``, "its
        citizens" are the source's (see `_addresses_own`)."""
        if tok.lower_ in ("them", "it", "him", "her"):
            source_codes = {s.code for s in sources}
            for prev in reversed(list(tok.doc[: tok.i])):
                if prev.pos_ in ("PROPN", "NOUN") and prev.dep_ not in ("compound", "poss", "amod"):
                    a = actor(prev)
                    if a is not None and a.code and a.code not in source_codes:
                        return a.model_copy(update={"text": f"{tok.text} ({a.text})"})
            return None
        a = self._owned_by(tok, self._with_shared_head(tok, actor(tok), actor), actor)
        if a is not None and self._is_equipment(tok) and not (a.entry or "").startswith("organisations.tsv"):
            if (tok.dep_ not in st.SUBJECT_DEPS and not struck) or not a.country:
                return None
            # the subject of an alleged act: "complained that ISRAELI JETS had violated its airspace", or what an
            # attack hit: "shot down a RUSSIAN JET" -> the military
            a = a.model_copy(update={"code": a.country + "MIL", "role": "MIL"})
        if a is None or not a.code:
            owner = self._possessor(tok, actor, sources, own=own) or self._doer_of_act(tok, actor, sources)
            if owner is not None:
                return owner
            # "shelled positions OF the Palestinian security forces": the owner is the target
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        owner = self._with_shared_head(pobj, actor(pobj), actor) if pobj.dep_ == "pobj" else None
                        if owner is not None and owner.code:
                            return owner
            if self._is_equipment(tok) and (tok.lemma_.lower() != "fighter" or ph.has_designation(tok)):
                return None  # "more J-10C fighters", "howitzers": equipment, not people
            return self._domestic_target(tok, sources)
        return a

    @staticmethod
    def _owned_by(tok: Token, a: Actor | None, actor) -> Actor | None:  # type: ignore[no-untyped-def]
        """A thing of no role whose owner is named with a role: "in protest of the Russian GOVERNMENT'S refusal" is
        aimed at the government, not at the country its demonym names."""
        if a is None or a.role or not a.country or tok.pos_ != "NOUN":
            return a
        for c in tok.children:
            owner = actor(c) if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") else None
            if owner is not None and owner.code and owner.role and owner.country == a.country:
                return owner
        return a

    def _doer_of_act(self, tok: Token, actor, sources: list[Actor]) -> Actor | None:  # type: ignore[no-untyped-def]
        """Whoever did an event noun's act: "complained over two ISRAELI air raids", "condemned SERBIA'S crackdown",
        "the expulsion of refugees BY UGANDA", "conceded to demands FROM UNITA". It outranks the noun's "of" phrase,
        which names what the act was done to."""
        entry = self.noun_entry(tok)
        if entry is None:
            return None
        mods = [m for m in tok.children if m.dep_ in ("amod", "compound", "poss", "nmod")]
        preps = ("by", "from") if entry.cameo[:2] in VERBAL_ROOTS else ("by",)  # "withdrawal FROM Bosnia": a place
        agents = [t for p, t in st.prep_objects(tok) if p in preps]
        source_codes = {x.code for x in sources}
        for t in (*mods, *agents):
            doer = actor(t)
            if doer is not None and doer.code and doer.code not in source_codes:
                return doer
        # "demands FROM THE REBELS": a domestic role with no country of its own
        return next((d for t in agents if (d := self._domestic_target(t, sources)) is not None), None)

    def _possessor(self, tok: Token, actor, sources: list[Actor], *,  # type: ignore[no-untyped-def]
                   own: bool = False) -> Actor | None:
        """"its soldiers" in "Israel said Hamas attacked its soldiers": the owner is the nearest earlier actor
        that is not the source; the head noun gives the role. With ``own`` ("Pakistan urged ITS citizens to leave
        Iraq") the owner is the source itself."""
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")), None)
        if poss is None:
            return None
        hit = self.resolver.role_of(tok)
        if own and hit is not None and sources and sources[0].country:
            owner = sources[0]
            return owner.model_copy(update={"code": owner.country + hit[0], "role": hit[0],
                                            "text": f"{tok.text} of {owner.text}", "name": None})
        source_codes = {s.code for s in sources} | {s.country for s in sources}
        for prev in reversed(list(tok.doc[: poss.i])):
            if prev.pos_ in ("PROPN", "NOUN") and prev.dep_ not in ("compound", "poss", "amod"):
                owner = actor(prev)
                if owner is not None and owner.country and owner.code not in source_codes \
                        and owner.country not in source_codes:
                    hit = self.resolver.role_of(tok)
                    role = hit[0] if hit else owner.role
                    return owner.model_copy(update={"code": owner.country + (role or ""), "role": role,
                                                    "text": f"{tok.text} of {owner.text}"})
        return None

    def _domestic_target(self, tok: Token, sources: list[Actor]) -> Actor | None:
        """A target named only by a domestic role ("arrested dozens of protesters", "executed a man") belongs to
        the source's own country: CAMEO's default for events inside one state. A titled person no table lists
        ("met Prime Minister Y") takes the title's role in the one other country the sentence names (resolver)."""
        titled = self.resolver.titled_stranger(tok, {s.country for s in sources if s.country})
        if titled is not None:
            return titled
        head = tok
        for child in tok.children:  # "dozens of protesters": the role is on the "of" phrase
            if child.dep_ == "prep" and child.lower_ == "of":
                head = next((g for g in child.children if g.dep_ == "pobj"), tok)
        if self._is_equipment(head) and (head.lemma_.lower() != "fighter" or ph.has_designation(head)):
            return None
        hit = self.resolver.role_of(head)
        country = next((s.country for s in sources if s.country), None)
        if hit is None or country is None or hit[0] not in DOMESTIC_ROLES:
            return None
        role = hit[0]
        return Actor(code=country + role, country=country, role=role, text=tok.text,
                     entry=f"{hit[2]} role {role}; {DOMESTIC_DEFAULT}")

    def _speaker_for(self, source: Actor, c: _Candidate, actor, notes: list[str]) -> Actor:  # type: ignore[no-untyped-def]
        """A bare state ("China") framed by a speaker of the same state ("Wang Yi said China ...") is that speaker."""
        if source.role or not source.country:
            return source
        for f in c.cues.frames:
            if f.kind != "report":
                continue
            for s in st.own_subjects(f.word):
                speaker = actor(s)
                if speaker is not None and speaker.country == source.country and speaker.role:
                    notes.append(f"speaker '{speaker.text}' speaks for {source.country}")
                    return speaker
        return source

    def _governed(self, c: _Candidate, other: set[int]) -> list[Token]:
        """The verb and what it governs, less ``other`` events' clauses and conveyances; a relative clause with the
        noun it describes."""
        skip = other | ph.conveyances(c.verb)
        tokens = [t for t in c.verb.subtree if t.i not in skip]
        if c.verb.dep_ == "relcl" and c.verb.head in st.objects(c.verb):
            # "the six HOWITZERS that Australia promised Ukraine"
            tokens = [w for left in c.verb.head.lefts for w in left.subtree] + [c.verb.head] + tokens
        return sorted(tokens, key=lambda t: t.i)

    def _clause(self, c: _Candidate, sent, other: set[int]) -> str:  # type: ignore[no-untyped-def]
        """Where the event's own cues are read: the sentence less ``other`` events' clauses (a relative clause is
        background to its sentence, so only itself)."""
        tokens = self._governed(c, other) if c.verb.dep_ == "relcl" else [t for t in sent if t.i not in other]
        return "".join(t.text_with_ws for t in tokens).strip()

    def _things(self, c: _Candidate, other: set[int]) -> tuple[list[Quantity], list[Weapon]]:
        """Money, counts and weapon systems named in the event's own clause (the verb and what it governs)."""
        from dyads.quantities import find_counts, find_money, find_weapons

        text = "".join(t.text_with_ws for t in self._governed(c, other))
        return [*find_money(text), *find_counts(text)], find_weapons(text)

    def _modality(self, c: _Candidate) -> tuple[str | None, Modality, list[str]]:
        code = c.trigger.cameo
        notes: list[str] = []
        modality = Modality.ASSERTED
        cues = c.cues
        f = c.frame
        if f is not None and f.kind in CODING_FRAMES:
            new = self.lexicon.frame_code(f.kind, code)
            notes.append(f"frame {f.kind} '{f.word.text}' {code}->{new}")
            code = new
            modality = {"appeal": Modality.DEMANDED, "demand": Modality.DEMANDED, "refuse": Modality.REFUSED,
                        "threaten": Modality.INTENDED, "intend": Modality.INTENDED}[f.kind]
            if cues.negated and f.kind == "intend":
                modality = Modality.NEGATED
        elif f is not None and f.kind == "deny":
            modality = Modality.DENIED
            notes.append(f"frame deny '{f.word.text}' {code}->016")
            code = "016"  # CAMEO's own code: deny responsibility
        elif (cues.future or cues.hypothetical) and not cues.negated and code[:2] in THREAT_ROOTS:
            new = self.lexicon.frame_code("threaten", code)
            notes.append(f"future {'conditional ' if cues.hypothetical else ''}punitive act {code}->{new}")
            code, modality = new, Modality.INTENDED
        elif cues.negated and cues.future and code[:2] in COOPERATIVE_ROOTS:
            new = self.lexicon.frame_code("refuse", code)
            notes.append(f"negated future {code}->{new}")
            code, modality = new, Modality.REFUSED
        elif cues.negated:
            modality = Modality.NEGATED
            notes.append("negated")
        elif cues.hypothetical:
            modality = Modality.HYPOTHETICAL
        elif cues.future:
            modality = Modality.INTENDED
        elif any(fr.kind == "report" for fr in cues.frames) or _content_of_claim(c.verb):
            modality = Modality.REPORTED
        if code not in self.ontology:
            return None, modality, notes
        return code, modality, notes

    def _date(self, c: _Candidate, sent, ctx: SentenceContext) -> ResolvedDate | None:  # type: ignore[no-untyped-def]
        """The event's own date phrase (``temporal.event_date``): of its clause, of its event noun, of a clause it
        shares a time with, or of a statement framing it; None sends it to the document date."""
        future = c.cues.future or (c.frame is not None and c.frame.kind == "intend")
        return event_date(sent, c.verb, ctx.doc_date, noun=c.trigger.noun if c.trigger.nominal else None,
                          framing=[f.word for f in c.cues.frames], future=future)


def passive_head_of_participle(verb: Token) -> Token | None:
    """The passive verb a participle clause hangs on: "was attacked by militiamen, KILLING 156 people"."""
    head = verb.head
    return head if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.i != verb.i and st.is_passive(head) else None


#: Roots of acts that a state or group mostly does to its own people: appeals and advice (02), aid (07).
OWN_PEOPLE_ROOTS = {"02", "07"}

# Destruction of property and violence a crowd can commit: coded 145 when the doers are rioters
RIOT_CODES = {"1712", "1711", "180", "190"}
PROPERTY_CODE = "1712"
RIOT_VERBS = {"riot", "rampage"}


def _destinations(verb: Token, trigger: Trigger) -> set[int]:
    """Where a withdrawal goes, when it also says where from: "withdrew from the Syrian TO THE ISRAELI-OCCUPIED
    SECTOR", "pulled back from Georgia INTO RUSSIA". What is left is the target; where one goes is no target."""
    if trigger.prep != "from" and not trigger.cameo.startswith(WITHDRAWAL_ROOT):
        return set()
    phrases = st.prep_objects(verb)
    if not any(p in ("from", "out of") for p, _ in phrases):
        return set()
    return {t.i for p, t in phrases if p in DESTINATION_PREPS}


#: Nouns whose that-clause is someone's claim, not an established fact: "an ALLEGATION that the NPFL had taken over
#: Greenville", "reports that troops crossed the border".
CLAIM_NOUNS = {"allegation", "claim", "accusation", "charge", "report", "rumour", "rumor", "assertion", "suggestion"}


def _content_of_claim(verb: Token) -> bool:
    """Is ``verb`` the that-clause of a claim noun ("investigated an allegation THAT the rebels HAD TAKEN OVER the
    city")? Its act is reported, as in "alleged that the rebels had taken over the city"."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN" \
        and clause.head.lemma_.lower() in CLAIM_NOUNS and any(c.dep_ == "mark" and c.lower_ == "that"
                                                               for c in clause.children)


def _invited_parties(invitation: Token) -> list[Token]:
    """Whom an invitation's act meets or visits: the object of its infinitive ("to visit MOSCOW"), or the parties of
    that object ("to attend talks WITH FATAH", "a meeting OF PALESTINIAN FACTIONS"), or the place it goes to
    ("to travel TO BEIJING")."""
    out: list[Token] = []
    for act in invitation.children:
        if act.dep_ not in ("acl", "relcl") or act.tag_ != "VB":
            continue
        for o in st.objects(act):
            out += st.conjuncts(o) if o.pos_ == "PROPN" else [
                t for p, n in st.prep_objects(o) if p in INVITED_PARTY_PREPS for t in st.conjuncts(n)]
        out += [t for p, n in st.prep_objects(act) if p in ("to", "with") for t in st.conjuncts(n)]
    return out


def _the_other_side(events: list[Event], note: str, coded: list[Event]) -> list[Event]:
    """The same events seen from their targets, for the dyads not among ``coded``: negotiations with Y are Y's
    negotiations with X too; a clash of police with a crowd is the crowd's clash with the police."""
    dyads = {(e.source.code, e.target.code) for e in coded if e.target is not None}
    out = []
    for e in events:
        if e.target is not None and (e.target.code, e.source.code) not in dyads:
            dyads.add((e.target.code, e.source.code))
            out.append(e.model_copy(update={"source": e.target, "target": e.source,
                                            "rule": f"{e.rule} | {note}"}))
    return out


def _is_consultation(code: str) -> bool:
    """Meeting, talks, visits, mediation and the intent to meet (04x, 036): acts whose topic is no party."""
    return code[:2] == "04" or code == "036"


def _only_own_places(targets: list[Actor], sources: list[Actor], single: bool = False) -> bool:
    """Targets that are all places (a capital, a town) in the countries of two or more coordinated sources (with
    ``single``, of one source too: "the Japanese prime minister met in Tokyo" names where, not whom)."""
    countries = {s.country for s in sources if s.country}
    return len(countries) > (0 if single else 1) and bool(targets) and all(
        t.country in countries and t.entry and (" capital " in f" {t.entry} " or " place " in f" {t.entry} ")
        for t in targets)


def _rioting_verb(verb: Token) -> bool:
    """"Prisoners RIOTED, setting fire to mattresses": an act done while rioting is part of the riot."""
    head = verb.head
    return verb.dep_ in ("advcl", "conj", "xcomp") and head.i != verb.i and head.lemma_.lower() in RIOT_VERBS


def _addresses_own(c: "_Candidate") -> bool:
    """An appeal or aid whose addressee is "its citizens", "their supporters": the possessive is the doer's own (in
    hostile acts "its soldiers" are someone else's: "Israel said Hamas attacked ITS soldiers")."""
    return (c.frame is not None and c.frame.kind == "appeal") or c.trigger.cameo[:2] in OWN_PEOPLE_ROOTS


def _untargeted_control(c: "_Candidate") -> bool:
    """No object, dative or prepositional phrase of the event names anyone at all (not even an unknown group):
    "extended the curfew", "imposed martial law" — but not "arrested 12 protesters" or "jailed members of X"."""
    people = [t for tier in c.targets[:3] for t in tier if t.ent_type_ not in ("DATE", "TIME") and (
        t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"))]
    objs = [o for o in st.objects(c.verb) if o is not c.trigger.noun]
    return not people and all(o.pos_ == "NOUN" and o.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE")
                               and o.lemma_.lower() not in PERSON_NOUNS for o in objs)


#: Nouns for people, whose presence as an object means someone was targeted even if unnamed.
PERSON_NOUNS = {"person", "people", "protester", "demonstrator", "member", "activist", "student", "worker", "leader",
                "official", "journalist", "civilian", "resident", "man", "woman", "child", "opponent", "supporter",
                "refugee", "migrant", "prisoner", "suspect", "militant", "rebel", "soldier", "citizen", "villager"}


def _infinitive_complement(verb: Token) -> Token | None:
    """The verb of a to-clause completing ``verb``: "agreed TO ALLOW", "is committed to OPENING"."""
    for c in verb.children:
        if c.dep_ == "xcomp" and ph.is_predicate(c) and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
        if c.dep_ == "prep" and c.lower_ in st.GERUND_PREPS:
            return next((g for g in c.children if g.dep_ == "pcomp" and ph.is_predicate(g)), None)
    return None


def _acl_agents(noun: Token) -> list[Token]:
    """The "by" agents of a participle describing a noun: "a law SIGNED BY the minister"."""
    return [t for c in noun.children if c.dep_ == "acl" for t in st.agents(c)]


def _givers(verb: Token, noun: Token) -> list[Token]:
    return [t for h in (verb, noun) for p, t in st.prep_objects(h) if p == "from"]


__all__ = ["EventExtractor", "SentenceContext"]
