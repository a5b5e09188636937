"""The pipeline: clean documents in, coded events out.

One `Pipeline` holds everything that is expensive to build (the spaCy model, the compiled actor matcher, the
lexicon) and is built once per process. Per document it

1. splits the clean text into sentences (tokenizer + rule-based sentencizer, no parser);
2. screens each sentence cheaply (`dyads.nlp.screen`): a sentence can hold an event only if it names an actor (or
   refers back to one with a pronoun or a role noun once the document has named one) and holds a possible trigger
   (a word form of a lexicon verb with what its entry needs, or a frame verb with an event noun); ``parse_all``
   turns screening off;
3. tags and parses the candidate sentences in `nlp.pipe` batches that span documents (``code_many`` gathers the
   candidates of consecutive documents until a batch is full), with only the pipes dyads uses;
4. codes each parsed sentence with the `EventExtractor`, in document order, sharing the document's actor memory.

The parse of a sentence does not depend on the other sentences of its batch, so batching across documents changes
no coding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language

from dyads.actors.dictionary import ActorDictionary, default_dictionary
from dyads.actors.resolve import PERSON_PRONOUNS, ActorResolver, DocumentMemory
from dyads.events.extract import EventExtractor, SentenceContext
from dyads.events.lexicon import Lexicon, default_lexicon
from dyads.events.ontology import load_ontology
from dyads.model import Document, Event
from dyads.nlp.model import load_model
from dyads.nlp.screen import TriggerScreen
from dyads.nlp.sentences import SentenceSpan, SentenceSplitter

BACK_REFERENCES = PERSON_PRONOUNS | {"it", "they", "its", "their"}
MAX_SENTENCE_TOKENS = 400
"""A sentence longer than this is not parsed (the parser's cost grows with its length, and no news sentence is this
long: it is a table, a list or a page run together); the document is coded without it and its report says how many
sentences were left out."""


@dataclass(frozen=True, slots=True)
class CodedDocument:
    document: Document
    events: list[Event]
    sentences: int
    parsed: int
    overlong: int = 0
    """Sentences over `MAX_SENTENCE_TOKENS` tokens: counted, not parsed (see `Pipeline.screen`)."""


@dataclass(slots=True)
class _Screened:
    """A document split and screened, waiting for its candidate sentences to be parsed."""

    document: Document
    sentences: int
    candidates: list[SentenceSpan] = field(default_factory=list)
    overlong: int = 0


class Pipeline:
    """Loaded models and compiled tables; call `code` on documents."""

    def __init__(
        self,
        *,
        model: str | None = None,
        parse_all: bool = False,
        actors: ActorDictionary | None = None,
        lexicon: Lexicon | None = None,
        batch_size: int = 256,
        max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
    ) -> None:
        self.nlp: Language = load_model(model)
        self.parse_all = parse_all
        self.max_sentence_tokens = max_sentence_tokens
        self.batch_size = batch_size
        self.resolver = ActorResolver(self.nlp.vocab, actors or default_dictionary())
        self.resolver.add_patterns(self.nlp.make_doc)
        self.extractor = EventExtractor(self.resolver, lexicon or default_lexicon(), load_ontology())
        self.splitter = SentenceSplitter(self.nlp)
        self.triggers = TriggerScreen(self.extractor.lexicon, self.nlp)
        self._role_words = {t for t in self.resolver.dictionary.roles if " " not in t}

    # -- screening --------------------------------------------------------------------------------------------
    def names_actor(self, sentence: SentenceSpan) -> bool:
        """Does the sentence name a known actor (the compiled actor matcher), or a misspelt or case-damaged one
        ("Ethopia", "iSrael"), which the resolver reads too (`dyads.actors.spelling`)?"""
        if self.resolver.matcher(sentence.tokens):
            return True
        return next(self.resolver.spelling.read_runs([t.text for t in sentence.tokens]), None) is not None

    def refers_back(self, sentence: SentenceSpan) -> bool:
        """Does the sentence hold a word that can stand for an actor named earlier (a pronoun, a role noun)?"""
        return any(t.lower_ in BACK_REFERENCES or t.lower_ in self._role_words for t in sentence.tokens)

    def is_candidate(self, sentence: SentenceSpan, named_before: bool, *, names: bool | None = None) -> bool:
        """Could this sentence hold an event? It needs a possible source (an actor name, or a back-reference once
        the document has named one) and a possible trigger. ``names``: the result of `names_actor`, if known."""
        if self.parse_all:
            return True
        if names is None:
            names = self.names_actor(sentence)
        if not names and not (named_before and self.refers_back(sentence)):
            return False
        return self.triggers(sentence.tokens)

    def screen(self, document: Document) -> _Screened:
        """Split a document into sentences and keep the candidates, in document order.

        A sentence that names an actor but holds no trigger codes nothing, but the actors it names are what a later
        "he" or "the minister" stands for: when a candidate refers back, the last such sentence before it (with no
        candidate in between) is parsed too, so that the document's actor memory is what parsing every sentence
        would have made it.

        A sentence over ``max_sentence_tokens`` tokens is counted in ``overlong`` and neither parsed nor screened.
        """
        screened = _Screened(document, 0)
        named = False
        held: SentenceSpan | None = None
        for s in self.splitter(document.text):
            screened.sentences += 1
            if len(s.tokens) > self.max_sentence_tokens:  # a table, a list run together, a scraped blob
                screened.overlong += 1
                continue
            if self.parse_all:
                screened.candidates.append(s)
                continue
            names = self.names_actor(s)
            if self.is_candidate(s, named, names=names):
                if held is not None and self.refers_back(s):
                    screened.candidates.append(held)
                held = None
                screened.candidates.append(s)
            elif names:
                held = s
            named = named or names
        return screened

    # -- coding ----------------------------------------------------------------------------------------------
    def code(self, document: Document) -> CodedDocument:
        """Code one document."""
        return next(self.code_many([document]))

    def code_many(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in order. The candidate sentences of consecutive documents are parsed together, in one
        `nlp.pipe` call per ``batch_size`` sentences or so (a document is never split across calls), so a stream of
        short documents still fills the parser's batches; at most one such window of documents is held."""
        window: list[_Screened] = []
        pending = 0
        for document in documents:
            screened = self.screen(document)
            window.append(screened)
            pending += len(screened.candidates)
            if pending >= self.batch_size:
                yield from self._code_window(window)
                window, pending = [], 0
        if window:
            yield from self._code_window(window)

    def _code_window(self, window: list[_Screened]) -> Iterator[CodedDocument]:
        texts = [s.text for w in window for s in w.candidates]
        parsed = iter(self.nlp.pipe(texts, batch_size=self.batch_size))
        for w in window:
            doc_date = _parse_iso(w.document.date)
            memory = DocumentMemory()
            events: list[Event] = []
            for s in w.candidates:
                ctx = SentenceContext(w.document.doc_id, s.index, s.start, s.end, doc_date)
                events.extend(self.extractor(next(parsed), ctx, memory))
            yield CodedDocument(w.document, events, w.sentences, len(w.candidates), w.overlong)


def _parse_iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
