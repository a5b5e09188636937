"""A light language detector: writing system first, then function-word profiles.

Why our own: the pipeline only needs "is this English, and if not, what is it" for a skip reason, and a
stop-word count is fast, deterministic and has no model to ship. Profiles live in
``dyads/data/ingest/stopwords.tsv``.
"""

from __future__ import annotations

import re
from collections import Counter

from dyads.ingest.resources import stopwords

DEFAULT_LANGUAGE = "en"
MIN_WORDS = 20
"""Texts shorter than this are called English unless their script says otherwise."""
SAMPLE_WORDS = 2000
SCRIPT_SAMPLE_CHARS = 6000
SCRIPT_SHARE = 0.5
"""A non-Latin script must hold at least this share of the letters to decide the language."""

_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u036f\u1e00-\u1eff]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# (first code point, last code point, script); Han and kana are told apart in `_script_language`.
_SCRIPT_RANGES = (
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x052F, "ru"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x0750, 0x077F, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x1100, 0x11FF, "ko"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "ko"),
    (0xFB50, 0xFDFF, "ar"),
    (0xFE70, 0xFEFF, "ar"),
)


def _char_script(char: str) -> str:
    """The script bucket of one letter (``latin`` for everything not in `_SCRIPT_RANGES`)."""
    point = ord(char)
    if point < 0x0370:
        return "latin"
    for first, last, script in _SCRIPT_RANGES:
        if first <= point <= last:
            return script
    return "latin"


def _script_language(text: str) -> str | None:
    """Return a language decided by the writing system, or None when the text is mostly Latin."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return None
    others = _NON_LATIN.findall(text)
    if len(others) / letters < SCRIPT_SHARE:
        return None
    counts = Counter(_char_script(c) for c in others)
    counts["zh"] = counts.pop("han", 0)
    kana = counts.pop("kana", 0)
    if kana:
        counts["ja"] = kana + counts.pop("zh", 0)
    script, count = max(counts.items(), key=lambda item: item[1])
    if script == "latin" or count / letters < SCRIPT_SHARE:
        return None
    return script


def detect_language(text: str, *, min_words: int = MIN_WORDS) -> str:
    """Return the ISO 639-1 code of the text's language.

    1. A non-Latin writing system that holds most letters decides (ru, ar, zh, ja, ko, el, he, hi, th).
    2. Texts under ``min_words`` words are English (too little evidence to say otherwise).
    3. Otherwise the language whose function words cover most tokens; ties and no evidence give English.

    >>> detect_language("Der Präsident sagte am Montag, dass die Regierung nicht zurücktreten werde, "
    ...                 "und die Opposition kündigte an, dass sie weiter auf der Straße protestieren wird.")
    'de'
    """
    script = _script_language(text[:SCRIPT_SAMPLE_CHARS])
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(text[: SAMPLE_WORDS * 8])][:SAMPLE_WORDS]
    if len(words) < min_words:
        return DEFAULT_LANGUAGE
    counts = Counter(words)
    hits = {lang: sum(n for w, n in counts.items() if w in profile) for lang, profile in stopwords().items()}
    best = max(hits, key=lambda lang: (hits[lang], lang == DEFAULT_LANGUAGE))
    if hits[best] == 0 or hits[best] <= hits.get(DEFAULT_LANGUAGE, 0):
        return DEFAULT_LANGUAGE
    return best
