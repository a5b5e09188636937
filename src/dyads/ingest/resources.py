"""Loaders for the ingest lookup tables shipped under ``dyads/data/ingest/``.

Each table is read on first use and cached (read-only views), so importing the package stays cheap
and no caller can change a shared table by accident.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from dyads.errors import DataTableError

_PACKAGE = "dyads"
_FOLDER = ("data", "ingest")


def _read_rows(name: str) -> list[tuple[int, str]]:
    """Return ``(line number, text)`` for the non-blank, non-comment lines of a data file."""
    path = resources.files(_PACKAGE).joinpath(*_FOLDER, name)
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            rows.append((number, line.rstrip("\n")))
    return rows


def _word_table(name: str) -> Mapping[str, frozenset[str]]:
    """Read ``key<TAB>word word ...`` rows into ``{key: frozenset(words)}``."""
    table: dict[str, set[str]] = {}
    for number, line in _read_rows(name):
        key, sep, words = line.partition("\t")
        if not sep or not key.strip() or not words.split():
            raise DataTableError(name, number, "expected 'key<TAB>word word ...'")
        table.setdefault(key.strip(), set()).update(w.lower() for w in words.split())
    return MappingProxyType({key: frozenset(words) for key, words in table.items()})


@cache
def stopwords() -> Mapping[str, frozenset[str]]:
    """Function words per ISO 639-1 language code (``stopwords.tsv``)."""
    return _word_table("stopwords.tsv")


@cache
def cue_families() -> Mapping[str, frozenset[str]]:
    """Boilerplate cue words per family; the family name is the removal reason (``boilerplate_cues.tsv``)."""
    return _word_table("boilerplate_cues.tsv")


@cache
def cue_index() -> Mapping[str, tuple[str, ...]]:
    """Cue word -> the families it belongs to, in file order (for one dictionary look-up per word)."""
    index: dict[str, list[str]] = {}
    for family, cue_words in cue_families().items():
        for word in cue_words:
            index.setdefault(word, []).append(family)
    return MappingProxyType({word: tuple(families) for word, families in index.items()})


@cache
def link_words() -> frozenset[str]:
    """Words typical of link and button text (``link_words.txt``)."""
    return frozenset(line.strip().lower() for _, line in _read_rows("link_words.txt"))


@cache
def section_headings() -> Mapping[str, frozenset[str]]:
    """Heading words that open a related-articles block or a comment section (``section_headings.tsv``)."""
    return _word_table("section_headings.tsv")


@cache
def call_to_action() -> Mapping[str, frozenset[str]]:
    """Imperative verbs and second-person words of calls to action (``call_to_action.tsv``)."""
    return _word_table("call_to_action.tsv")
