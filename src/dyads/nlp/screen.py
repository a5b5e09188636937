"""The cheap first pass: can a tokenised (untagged, unparsed) sentence hold a codable event?

A sentence is worth parsing only if it has

1. a possible source: an actor name (the actor `PhraseMatcher`), or, once the document has named an actor, a word
   that refers back to one (a pronoun, a role noun such as "the minister");
2. a possible trigger: a word form whose lemma starts a verb entry of the lexicon (and, for entries that need them,
   the entry's particle, object noun or preposition somewhere in the sentence), or a frame or light verb
   ("urged", "held") together with an event noun ("talks").

Both are set lookups on lower-cased token texts. The word forms of each lexicon lemma are generated from the
model's own lemmatizer tables (its suffix rules and exception lists, inverted), so every form the lemmatizer would
map to a lexicon lemma is listed: the screen may pass a sentence that then yields nothing, but it does not drop a
sentence the extractor could code. `TriggerScreen.explain` names what a sentence matched, for tests and audits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dyads.events.lexicon import Lexicon

#: Frame kinds under which an event noun becomes an event ("refused an INVITATION", "held TALKS").
NOUN_FRAME_KINDS = frozenset({"appeal", "demand", "refuse", "threaten", "intend", "attempt", "report", "light"})


def inflections(lemma: str, rules: Iterable[tuple[str, str]], exceptions: dict[str, set[str]]) -> set[str]:
    """The word forms that the rule lemmatizer could map to ``lemma``: the lemma itself, each suffix rule run
    backwards ("sanction" -> "sanctions", "sanctioned", "sanctioning"), and the irregular forms of the exception
    lists ("send" -> "sent").

    >>> sorted(inflections("talk", [("s", ""), ("ed", ""), ("ing", "")], {}))
    ['talk', 'talked', 'talking', 'talks']
    """
    forms = {lemma}
    for old, new in rules:
        if lemma.endswith(new):
            forms.add(lemma[: len(lemma) - len(new)] + old)
    forms |= exceptions.get(lemma, set())
    return forms


@dataclass(frozen=True, slots=True)
class _Need:
    """What a verb entry needs besides the verb: a particle, one of some object nouns, a preposition."""

    particle: str | None
    objects: frozenset[str] | None
    prep: str | None


class TriggerScreen:
    """Decides from word forms alone whether a sentence holds a possible event trigger. Build once per process."""

    def __init__(self, lexicon: Lexicon, nlp: Language) -> None:
        rules, exceptions = _lemmatizer_tables(nlp)
        known: dict[str, frozenset[str]] = {}

        def forms_of(lemma: str) -> frozenset[str]:
            # Many entries share object nouns ("talks", "aid"): each lemma's forms are generated once.
            forms = known.get(lemma)
            if forms is None:
                forms = known[lemma] = frozenset(inflections(lemma, rules, exceptions))
            return forms

        #: word form -> the verb lemmas it can be, for verbs with an entry that needs nothing else.
        self.bare: set[str] = set()
        #: word form -> what the entries of its lemma need.
        self.needs: dict[str, list[_Need]] = defaultdict(list)
        for key, entries in lexicon.verbs.items():
            lemma, _, particle = key.partition(" ")
            for entry in entries:
                objects = None
                if entry.objects is not None:
                    objects = frozenset(f for term in entry.objects for f in forms_of(term.split()[-1]))
                need = _Need(particle or None, objects, entry.prep)
                for form in forms_of(lemma):
                    if need == _Need(None, None, None):
                        self.bare.add(form)
                    elif need not in self.needs[form]:
                        self.needs[form].append(need)
        self.frame_forms: set[str] = {f for word, kind in lexicon.frames.items() if kind in NOUN_FRAME_KINDS
                                      for f in forms_of(word)}
        self.noun_forms: set[str] = {f for term in lexicon.nouns for f in forms_of(term.split()[-1])}

    def explain(self, words: set[str]) -> str | None:
        """What makes these lower-cased words a possible trigger (a form, or form + need), or None."""
        for w in words:
            if w in self.bare:
                return w
            for need in self.needs.get(w, ()):
                if need.particle is not None and need.particle not in words:
                    continue
                if need.prep is not None and need.prep not in words:
                    continue
                if need.objects is not None and need.objects.isdisjoint(words):
                    continue
                return f"{w} ({need.particle or ''}|{need.prep or ''}|object)"
        if not self.frame_forms.isdisjoint(words) and not self.noun_forms.isdisjoint(words):
            return "frame + event noun"
        return None

    def __call__(self, tokens: Doc) -> bool:
        """Does this tokenised sentence hold a possible trigger?"""
        return self.explain({t.lower_ for t in tokens}) is not None


def _lemmatizer_tables(nlp: Language) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    """The model lemmatizer's suffix rules (all parts of speech) and its exceptions inverted (lemma -> forms)."""
    rules: set[tuple[str, str]] = set()
    exceptions: dict[str, set[str]] = defaultdict(set)
    if "lemmatizer" in nlp.component_names:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        if lookups.has_table("lemma_rules"):
            for pos_rules in lookups.get_table("lemma_rules").values():
                rules.update((old, new) for old, new in pos_rules)
        if lookups.has_table("lemma_exc"):
            for pos_exc in lookups.get_table("lemma_exc").values():
                for form, lemmas in pos_exc.items():
                    for lemma in lemmas:
                        exceptions[lemma].add(form)
    return sorted(rules), exceptions
