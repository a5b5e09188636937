"""Splitting clean text into sentences with character offsets, without the parser.

Paragraphs (blank-line or line-break separated) are split with spaCy's rule-based sentencizer on the model's own
tokenizer, which keeps abbreviations such as "U.S." and "Gen." inside a sentence. Cheap enough to run on every
sentence of every document; only candidate sentences are parsed later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    index: int
    start: int
    end: int
    text: str
    tokens: Doc
    """The tokenised (not parsed) sentence, for screening."""


class SentenceSplitter:
    def __init__(self, nlp: Language) -> None:
        self._tokenizer = nlp.tokenizer
        self._sentencizer = Sentencizer()

    def __call__(self, text: str) -> Iterator[SentenceSpan]:
        index = 0
        for para in _PARAGRAPH.finditer(text):
            base = para.start()
            chunk = para.group(0)
            doc = self._sentencizer(self._tokenizer(chunk))
            for sent in doc.sents:
                s_text = sent.text.strip()
                if not s_text:
                    continue
                start = base + sent.start_char
                if len(s_text) > MAX_SENTENCE_CHARS:
                    s_text = s_text[:MAX_SENTENCE_CHARS]
                yield SentenceSpan(index, start, start + len(s_text), s_text, sent.as_doc())
                index += 1
