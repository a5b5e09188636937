"""The event lexicon: which words express which CAMEO event, loaded from ``dyads/data/lexicon/``.

- ``verbs.tsv``   verb lemma (+ particle), optional object nouns, optional target preposition -> CAMEO code
- ``nouns.tsv``   event nouns for nominal events ("talks with", "a pact with") -> CAMEO code
- ``classes.tsv`` named noun classes used in the object column (``@AGREEMENT``)
- ``control.tsv`` frame words ("ready to", "urged ... to", "said that") and their kind
- ``modality_codes.tsv`` how a frame turns the inner event's code into CAMEO's intent/appeal/demand/refusal/threat

The format is described for users in ``docs/lexicon.md``. Users extend the lexicon by passing their own files of
the same format; their rows are added to (and, for the same key, take precedence over) the shipped ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dyads.errors import DataTableError
from dyads.events.ontology import Ontology, load_ontology
from dyads.quantities.weapons import weapon_terms
from dyads.tables import data_path, read_tsv, split_multi

FRAME_KINDS = ("intend", "appeal", "demand", "refuse", "threaten", "deny", "report", "attempt", "light")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One row of verbs.tsv."""

    verb: str
    objects: frozenset[str] | None
    prep: str | None
    cameo: str
    source: str

    @property
    def specificity(self) -> int:
        return 2 * (self.objects is not None) + (self.prep is not None)

    def describe(self) -> str:
        parts = [self.verb]
        if self.objects is not None:
            parts.append("+object")
        if self.prep:
            parts.append(f"+{self.prep}")
        return f"{self.source} {' '.join(parts)} -> {self.cameo}"


@dataclass(frozen=True, slots=True)
class NounEntry:
    noun: str
    cameo: str
    source: str


@dataclass(slots=True)
class Lexicon:
    verbs: dict[str, list[VerbEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, NounEntry] = field(default_factory=dict)
    frames: dict[str, str] = field(default_factory=dict)
    frame_codes: dict[str, dict[str, str]] = field(default_factory=dict)
    """base code prefix -> {frame kind -> code}."""
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    """Named noun classes (classes.tsv), e.g. ``WEAPON``: equipment, never an actor as an object."""
    instruments: dict[str, str] = field(default_factory=dict)
    """noun class -> the code that generic force (190) becomes when done with it (instruments.tsv)."""

    def verb_entries(self, verb: str) -> list[VerbEntry]:
        return self.verbs.get(verb, [])

    def frame_code(self, kind: str, base: str) -> str:
        """The code for ``base`` inside a frame of ``kind`` (longest matching prefix of modality_codes.tsv)."""
        for n in range(len(base), 1, -1):
            row = self.frame_codes.get(base[:n])
            if row and row.get(kind):
                return row[kind]
        return {"intend": "030", "appeal": "020", "demand": "100", "refuse": "120", "threaten": "130"}.get(kind, base)


def _load_classes(path: Path) -> dict[str, frozenset[str]]:
    classes: dict[str, frozenset[str]] = {}
    if path.exists():
        for _, row in read_tsv(path, required=("class", "members")):
            classes[row["class"].lstrip("@").upper()] = frozenset(m.lower() for m in split_multi(row["members"]))
    return classes


def _expand(cell: str, classes: dict[str, frozenset[str]], path: Path, line: int) -> frozenset[str] | None:
    if not cell:
        return None
    out: set[str] = set()
    for item in split_multi(cell):
        if item.startswith("@"):
            name = item[1:].upper()
            if name not in classes:
                raise DataTableError(str(path), line, f"unknown class {item}")
            out |= classes[name]
        else:
            out.add(item.lower())
    return frozenset(out)


def load_lexicon_files(folder: Path, lexicon: Lexicon, onto: Ontology, classes: dict[str, frozenset[str]]) -> None:
    """Add the rows of the lexicon tables found in ``folder`` to ``lexicon`` (checking codes against CAMEO)."""
    classes.update(_load_classes(folder / "classes.tsv"))
    if "WEAPON" in classes:  # every system and weapon term of the weapon tables: "delivered MIG-29S to Iran"
        classes["WEAPON"] = classes["WEAPON"] | weapon_terms()
    lexicon.classes = classes
    verbs = folder / "verbs.tsv"
    if verbs.exists():
        for line, row in read_tsv(verbs, required=("verb", "object", "prep", "cameo")):
            code = row["cameo"]
            if code not in onto:
                raise DataTableError(str(verbs), line, f"unknown CAMEO code {code!r}")
            entry = VerbEntry(
                " ".join(row["verb"].lower().split()), _expand(row["object"], classes, verbs, line),
                row["prep"].lower() or None, code, f"{verbs.name}:{line}",
            )
            lexicon.verbs[entry.verb].insert(0, entry)  # later files first: user rows win ties
    nouns = folder / "nouns.tsv"
    if nouns.exists():
        for line, row in read_tsv(nouns, required=("noun", "cameo")):
            if row["cameo"] not in onto:
                raise DataTableError(str(nouns), line, f"unknown CAMEO code {row['cameo']!r}")
            noun = " ".join(row["noun"].lower().split())
            lexicon.nouns[noun] = NounEntry(noun, row["cameo"], f"{nouns.name}:{line}")
    control = folder / "control.tsv"
    if control.exists():
        for line, row in read_tsv(control, required=("word", "kind")):
            if row["kind"] not in FRAME_KINDS:
                raise DataTableError(str(control), line, f"kind must be one of {FRAME_KINDS}")
            lexicon.frames[row["word"].lower()] = row["kind"]
    instruments = folder / "instruments.tsv"
    if instruments.exists():
        for line, row in read_tsv(instruments, required=("class", "cameo")):
            if row["class"].upper() not in classes or row["cameo"] not in onto:
                raise DataTableError(str(instruments), line, "unknown class or CAMEO code")
            lexicon.instruments[row["class"].upper()] = row["cameo"]
    codes = folder / "modality_codes.tsv"
    if codes.exists():
        for _, row in read_tsv(codes, required=("base",)):
            lexicon.frame_codes[row["base"]] = {k: v for k, v in row.items() if k != "base" and v}


def build_lexicon(extra_folders: tuple[Path, ...] = ()) -> Lexicon:
    """The shipped lexicon plus the tables in each of ``extra_folders`` (same file names and formats)."""
    onto = load_ontology()
    lexicon = Lexicon()
    classes: dict[str, frozenset[str]] = {}
    for folder in (data_path("lexicon"), *extra_folders):
        load_lexicon_files(Path(folder), lexicon, onto, classes)
    return lexicon


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return build_lexicon()
