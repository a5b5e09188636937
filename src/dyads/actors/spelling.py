"""Misspelt and case-damaged names in scraped news: "Ethopia", "Gbago" (Gbagbo), "Dos Sontas" (dos Santos), "iSrael",
"Chenchen" (Chechen).

A capitalised run of words that no table lists is read as a country, demonym, leader or people's name when one of its words is
one edit away from a word of that name (a letter dropped, added or changed, or two letters swapped) or when it is the
name with its letters' case damaged. The corrected word must have six letters or more, and the misspelt word must be
unknown: neither a word of any name in the tables nor a word the language model's vocabulary holds ("Herman" is a name,
not "German" misspelt; "Koran" is not "Korean"). Words in lower case are never read.

The index is built once: every target word under each of its one-letter deletions (a deletion neighbourhood) and
under its sorted letters (for swaps), so a query costs a few dictionary look-ups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from dyads.actors.dictionary import ActorDictionary, NameEntry

#: Entry kinds a misspelt or case-damaged name may be read as.
TARGET_KINDS = {"country", "demonym", "leader", "people"}
#: The fewest letters a corrected word may have: shorter names are too near ordinary words ("Iran"/"Iron").
MIN_LETTERS = 6
#: The fewest letters a name read through damaged case may have ("iSrael", "nIGERIA"; not "Us"). Words all in
#: capitals are never read: datelines ("MOSCOW, May 3 -") and headlines are written so on purpose.
MIN_CASE_LETTERS = 4
#: Capitalised words that may open a run before a misspelt people's name ("The Chenchen rebels"); any other
#: capitalised neighbour makes the run a person's name ("Ahmadu Bello" is not "Ahmadi", "Mr Pathak" not "Pathan").
RUN_OPENERS = frozenset({"the", "a", "an", "some", "many", "several", "most", "all", "other", "ethnic"})
#: The longest run of words tried as one name.
MAX_WORDS = 4


def deletions(word: str) -> Iterator[str]:
    """The word with each one letter left out."""
    return (word[:i] + word[i + 1:] for i in range(len(word)))


def one_edit(a: str, b: str) -> bool:
    """True if ``b`` is ``a`` with one letter dropped, added or changed, or with two of its letters swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(long_) - len(short) == 1 and any(d == short for d in deletions(long_))


@dataclass(slots=True)
class SpellingIndex:
    """Names by their case-folded form, and the words of those names by deletion and by sorted letters."""

    names: dict[str, tuple[str, list[NameEntry]]] = field(default_factory=dict)
    """case-folded name -> (its surface form in the tables, its entries of a target kind)."""
    by_deletion: dict[str, set[str]] | dict[str, tuple[str, ...]] = field(default_factory=lambda: defaultdict(set))
    by_letters: dict[str, set[str]] | dict[str, tuple[str, ...]] = field(default_factory=lambda: defaultdict(set))
    known: frozenset[str] = frozenset()
    """Case-folded words that are never read as misspellings: words of any listed name, and the model's words."""

    def correct_word(self, word: str) -> set[str]:
        """The target words one edit from ``word`` (case-folded); empty for a known word."""
        if word in self.known or len(word) < MIN_LETTERS - 1:
            return set()
        found = set(self.by_deletion.get(word, ()))
        for d in deletions(word):
            found.update(self.by_deletion.get(d, ()))
        found.update(self.by_letters.get("".join(sorted(word)), ()))
        return {w for w in found if one_edit(word, w)}

    def read(self, words: list[str], fixes: list[set[str]] | None = None) -> tuple[str, list[NameEntry], str] | None:
        """The listed name a run of words stands for: (surface, entries, "case"|"misspelling"), or None. A run
        whose case-folded form is a name is that name; otherwise one of its capitalised words may be corrected.
        ``fixes``: each word's corrections, when the caller has them already (a word sits in several windows)."""
        if all(w.isupper() for w in words):
            return None  # "SINGAPORE, February 11 -": a dateline or a shouted headline, not damaged case
        folded = [w.casefold() for w in words]
        hit = self.names.get(" ".join(folded))
        if hit is not None:
            letters = sum(c.isalpha() for c in hit[0])
            return (hit[0], hit[1], "case") if letters >= MIN_CASE_LETTERS and hit[0] != " ".join(words) else None
        if fixes is None:
            fixes = [self.correct_word(f) if any(c.isupper() for c in w) else set() for w, f in zip(words, folded)]
        readings = {}
        for k, word_fixes in enumerate(fixes):
            for fix in word_fixes:  # "dos" in "dos Sontas" has none: only a capitalised word is read as misspelt
                hit = self.names.get(" ".join([*folded[:k], fix, *folded[k + 1:]]))
                if hit is not None:
                    readings[hit[0]] = hit
        if len(readings) != 1:
            return None  # none, or several names as near: leave it unread
        surface, entries = next(iter(readings.values()))
        return surface, entries, "misspelling"

    def read_runs(self, texts: list[str]) -> Iterator[tuple[int, int, tuple[str, list[NameEntry], str]]]:
        """(start, end, reading) for each stretch of ``texts`` (a sentence's words, "" where a name is already
        found) read as a name, longest windows first, none overlapping."""
        for start, end in candidate_runs(texts):
            fixes = [self.correct_word(t.casefold()) if any(c.isupper() for c in t) else set()
                     for t in texts[start:end]]
            used: set[int] = set()
            for s, e in sub_runs(start, end):
                if used.intersection(range(s, e)) or not texts[s][:1].isalpha():
                    continue
                hit = self.read(texts[s:e], fixes[s - start:e - start])
                if hit is not None and hit[2] == "misspelling" and all(x.kind == "people" for x in hit[1]) \
                        and any(texts[i].casefold() not in RUN_OPENERS for i in (*range(start, s), *range(e, end))):
                    continue  # "Ahmadu Bello", "Mr Pathak": a person's name, not a misspelt people ("Ahmadi")
                if hit is not None:
                    used.update(range(s, e))
                    yield s, e, hit


def build_spelling_index(dictionary: ActorDictionary, vocabulary: Iterable[str] = ()) -> SpellingIndex:
    """Index the country, demonym, leader and people names of ``dictionary``; ``vocabulary`` (the language model's words)
    and the words of every listed name are known words, never read as misspellings."""
    index = SpellingIndex()
    known = {w.casefold() for w in vocabulary if len(w) >= MIN_LETTERS - 1 and w.isalpha()}
    for surface, entries in dictionary.names.items():
        known.update(w.casefold() for w in surface.split())
        targets = [e for e in entries if e.kind in TARGET_KINDS]
        if not targets:
            continue
        key = surface.casefold()
        if key in index.names and index.names[key][0] != surface:
            continue  # two surfaces fold together ("US"/"Us"): keep the first
        index.names[key] = (surface, targets)
    for key in index.names:
        for word in key.split():
            if sum(c.isalpha() for c in word) < MIN_LETTERS:
                continue
            index.by_deletion[word].add(word)
            for d in deletions(word):
                index.by_deletion[d].add(word)
            index.by_letters["".join(sorted(word))].add(word)
    index.known = frozenset(known)
    # tuples, not sets, once built: most keys hold one word, and a set per key costs four times the memory
    index.by_deletion = {k: tuple(v) for k, v in index.by_deletion.items()}
    index.by_letters = {k: tuple(v) for k, v in index.by_letters.items()}
    return index


def marked(entries: list[NameEntry], text: str, surface: str, how: str) -> list[NameEntry]:
    """The entries of ``surface`` with their source saying how ``text`` was read as it."""
    note = f" ('{text}' read as '{surface}': {'damaged case' if how == 'case' else 'misspelling'})"
    return [replace(e, source=e.source + note) for e in entries]


def _capitalised(text: str) -> bool:
    """A word with a capital letter and nothing but letters, hyphens, apostrophes and dots (cheap string ops only:
    this runs on every word of every parsed sentence)."""
    return text != text.lower() and text.replace("-", "").replace("'", "").replace(".", "").isalpha()


def candidate_runs(texts: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of the maximal runs of words that hold a capital letter; a short lower-case particle between
    two of them belongs to the run ("Jose Eduardo dos Sontas")."""
    start = None
    for i, text in enumerate([*texts, ""]):
        ok = _capitalised(text) or (start is not None and text.isalpha() and text.islower() and len(text) <= 3
                                    and i + 1 < len(texts) and _capitalised(texts[i + 1]))
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            yield start, i
            start = None


def sub_runs(start: int, end: int) -> Iterator[tuple[int, int]]:
    """The (start, end) windows of a run, longest first, then left to right."""
    for width in range(min(end - start, MAX_WORDS), 0, -1):
        for s in range(start, end - width + 1):
            yield s, s + width
