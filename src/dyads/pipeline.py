"""The pipeline: clean documents in, coded events out.

One `Pipeline` holds everything that is expensive to build (the spaCy model, the compiled actor matcher, the
lexicon) and is built once per process. Per document it

1. splits the clean text into sentences (tokenizer + rule-based sentencizer, no parser);
2. screens each sentence cheaply: a sentence can hold an event only if it names an actor (or refers back to one
   with a pronoun or a role noun once the document has named one); ``parse_all`` turns screening off;
3. tags and parses the candidate sentences in `nlp.pipe` batches;
4. codes each parsed sentence with the `EventExtractor`, in document order, sharing the document's actor memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language

from dyads.actors.dictionary import ActorDictionary, default_dictionary
from dyads.actors.resolve import PERSON_PRONOUNS, ActorResolver, DocumentMemory
from dyads.events.extract import EventExtractor, SentenceContext
from dyads.events.lexicon import Lexicon, default_lexicon
from dyads.events.ontology import load_ontology
from dyads.model import Document, Event
from dyads.nlp.model import load_model
from dyads.nlp.sentences import SentenceSpan, SentenceSplitter

BACK_REFERENCES = PERSON_PRONOUNS | {"it", "they", "its", "their"}


@dataclass(frozen=True, slots=True)
class CodedDocument:
    document: Document
    events: list[Event]
    sentences: int
    parsed: int


class Pipeline:
    """Loaded models and compiled tables; call `code` on documents."""

    def __init__(
        self,
        *,
        model: str | None = None,
        parse_all: bool = False,
        actors: ActorDictionary | None = None,
        lexicon: Lexicon | None = None,
        batch_size: int = 64,
    ) -> None:
        self.nlp: Language = load_model(model)
        self.parse_all = parse_all
        self.batch_size = batch_size
        self.resolver = ActorResolver(self.nlp.vocab, actors or default_dictionary())
        self.resolver.add_patterns(self.nlp.make_doc)
        self.extractor = EventExtractor(self.resolver, lexicon or default_lexicon(), load_ontology())
        self.splitter = SentenceSplitter(self.nlp)
        self._role_words = {t for t in self.resolver.dictionary.roles if " " not in t}

    # -- screening --------------------------------------------------------------------------------------------
    def is_candidate(self, sentence: SentenceSpan, named_before: bool) -> bool:
        """Could this sentence hold an event? True if it names an actor, or refers back to one named earlier."""
        if self.parse_all:
            return True
        if self.resolver.matcher(sentence.tokens):
            return True
        if named_before:
            return any(t.lower_ in BACK_REFERENCES or t.lower_ in self._role_words for t in sentence.tokens)
        return False

    # -- coding ----------------------------------------------------------------------------------------------
    def code(self, document: Document) -> CodedDocument:
        """Code one document."""
        return next(self.code_many([document]))

    def code_many(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in order, parsing the candidate sentences of each in batches."""
        for document in documents:
            sentences = list(self.splitter(document.text))
            candidates: list[SentenceSpan] = []
            named = False
            for s in sentences:
                if self.is_candidate(s, named):
                    candidates.append(s)
                    named = True
            doc_date = _parse_iso(document.date)
            memory = DocumentMemory()
            events: list[Event] = []
            parsed = self.nlp.pipe((s.text for s in candidates), batch_size=self.batch_size)
            for s, sdoc in zip(candidates, parsed):
                ctx = SentenceContext(document.doc_id, s.index, s.start, s.end, doc_date)
                events.extend(self.extractor(sdoc, ctx, memory))
            yield CodedDocument(document, events, len(sentences), len(candidates))


def _parse_iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
