"""Why a sentence was coded the way it was: the parse, the actors, every candidate pattern and its fate.

Used by ``dyads explain``; returns plain data so the CLI (or a test) decides how to show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dyads.actors.resolve import DocumentMemory
from dyads.events import structure as st
from dyads.events.extract import EventExtractor, SentenceContext
from dyads.events.phrases import noun_terms
from dyads.model import Event


@dataclass(slots=True)
class PatternTrial:
    entry: str
    outcome: str
    """``won``, ``lost to a more specific entry``, or why it did not match."""


@dataclass(slots=True)
class VerbTrace:
    verb: str
    lemma: str
    subjects: list[str]
    objects: list[str]
    preps: list[str]
    frames: list[str]
    trials: list[PatternTrial] = field(default_factory=list)


@dataclass(slots=True)
class Explanation:
    tokens: list[tuple[int, str, str, str, str, int]]
    """(index, text, lemma, part of speech, dependency, head index)."""
    actors: list[tuple[str, str, str]]
    """(mention text, code, matched entry)."""
    verbs: list[VerbTrace]
    events: list[Event]


def explain(extractor: EventExtractor, sent, *, on: date | None) -> Explanation:  # type: ignore[no-untyped-def]
    """Trace the coding of one parsed sentence."""
    tokens = [(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i) for t in sent]
    names = extractor.resolver.find_names(sent)
    memory = DocumentMemory()
    actors = []
    seen = set()
    for i, (span, _) in sorted(names.items()):
        if span.start in seen:
            continue
        seen.add(span.start)
        a = extractor.resolver.resolve(span.root, names, on=on, memory=memory)
        actors.append((span.text, a.code if a else "?", a.entry if a and a.entry else ""))
    verbs: list[VerbTrace] = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        prt = st.particle(tok)
        objs = st.objects(tok)
        preps = st.prep_objects(tok)
        cues = st.frame_cues(tok, extractor.lexicon.frames)
        trace = VerbTrace(
            verb=tok.text, lemma=lemma + (f" {prt}" if prt else ""),
            subjects=[s.text for s in st.subjects(tok)], objects=[o.text for o in objs],
            preps=[f"{p} {o.text}" for p, o in preps], frames=[f"{f.kind}:{f.word.text}" for f in cues.frames],
        )
        trigger = extractor.match_verb(tok)
        terms = {x for o in objs + [o for _, o in preps] for x in noun_terms(o)}
        keys = ([f"{lemma} {prt}"] if prt else []) + [lemma]
        for key in keys:
            for e in extractor.lexicon.verb_entries(key):
                if e.objects is not None and not (e.objects & terms):
                    outcome = "object not present"
                elif e.prep is not None and e.prep not in {p for p, _ in preps} | {
                        p for o in objs for p, _ in st.prep_objects(o)}:
                    outcome = f"preposition '{e.prep}' not present"
                elif trigger is not None and trigger.rule == e.describe():
                    outcome = "won"
                else:
                    outcome = "lost to a more specific entry"
                trace.trials.append(PatternTrial(e.describe(), outcome))
        if trigger is not None and not any(t.outcome == "won" for t in trace.trials):
            trace.trials.append(PatternTrial(trigger.rule, "won"))
        verbs.append(trace)
    ctx = SentenceContext("explain", 0, 0, len(sent.text), on)
    events = extractor(sent, ctx, DocumentMemory())
    return Explanation(tokens, actors, verbs, events)
