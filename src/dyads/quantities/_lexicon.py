"""The weapon tables, read once per process and compiled lazily into the patterns `find_weapons` runs.

Forms are indexed by the letters or digits they begin with (`first_chunk`), and each index entry is compiled
on first use (`specific_pattern`, `generic_pattern`), so a text only pays for the words it contains.
Tables in ``dyads/data/weapons/``: ``systems.tsv`` (designations), ``generic.tsv`` (generic terms and
blocking phrases) and ``ambiguous.tsv`` (forms that need weapon words nearby). How a table form becomes a
pattern:

- a form with a digit matches in any case (except a single leading letter, so "a 10-point plan" is no
  A-10), with "-", " " or nothing where letters meet digits ("Su-35", "Su 35", "Su35"), then an optional
  variant suffix ("Su-30MKI", "F-16V", "Leopard 2 A4", "F-16 Block 70") and plural s;
- a form of letters only matches as written or in capitals, plus s ("Rafale", "RAFALE", "Rafales");
- a generic term matches in any case with "-" or spaces between words and its plural; a term written with
  capitals (UAV) is an acronym and matches only as written, plus s;
- a calibre before a gun or shell noun ("155 mm howitzers", "155mm shells", "155-millimetre rounds") is
  one more pattern (`calibre_pattern`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from dyads.tables import data_path, read_tsv, split_multi

CATEGORIES = (
    "combat aircraft", "trainer aircraft", "transport aircraft", "helicopters", "armoured vehicles", "tanks",
    "artillery", "MLRS", "air defence", "missiles", "ships", "submarines", "small arms", "drones", "radars",
    "engines",
)
"""The fixed weapon categories (SIPRI-like)."""

BLOCK = "none"
"""Category of a generic phrase that only blocks shorter terms ("think tank")."""

CONTEXT_WORDS = frozenset(
    "system systems battery batteries launcher launchers interceptor interceptors weapon weapons arms "
    "military defence defense missile missiles force forces navy naval army armed troops squadron squadrons "
    "regiment brigade warhead warheads munition munitions artillery armoured armored vehicle vehicles".split()
)
"""Words that, near an ambiguous form ("Patriot"), show it names a weapon; generic terms count too."""

CALIBRE_HEADS = {
    "howitzer": "howitzer", "gun": "gun", "cannon": "cannon", "shell": "shell", "round": "round",
    "ammunition": "ammunition", "munition": "munition", "mortar": "mortar", "artillery": "artillery",
    "projectile": "projectile",
}
"""Nouns a calibre can measure, by singular; the weapon is named "<calibre> mm <noun>"."""

CALIBRE_MODIFIERS = (
    "self-propelled", "towed", "wheeled", "tracked", "truck-mounted", "artillery", "high-explosive", "calibre",
    "caliber", "guided", "precision-guided", "tank", "cluster", "howitzer", "gun", "mortar", "field",
)


@dataclass(frozen=True, slots=True)
class System:
    """One row of ``systems.tsv``."""

    name: str
    family: str
    category: str
    producer: str | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The tables, indexed by the first letters or digits of each form (see `first_chunk`)."""

    forms: tuple[tuple[str, System], ...]
    """Every (table form, system) pair; names and aliases alike."""
    specific_index: dict[str, tuple[int, ...]]
    """First chunk of a form, case-folded -> indexes into `forms`."""
    generic_categories: dict[str, str]
    """Generic term -> category (or `BLOCK`)."""
    generic_index: dict[str, tuple[str, ...]]
    """First word of a generic term, case-folded -> terms."""
    ambiguous: frozenset[str]
    """Forms that need context, as written."""
    ambiguous_folded: frozenset[str]
    """The same, case-folded (compared with designations that contain a digit: "K2", "k2")."""


WORD_START = re.compile(r"(?<![\w/-])(?:[^\W\d_]+|\d+)")
"""Where a form can begin: a run of letters or of digits not glued to a word, "/" or "-" before it."""


def first_chunk(form: str) -> str:
    """The case-folded run of letters or digits a form begins with: "Su-35" -> "su", "2S19" -> "2"."""
    m = re.match(r"[^\W\d_]+|\d+", form)
    return m.group(0).casefold() if m else form[:1].casefold()


def lookup_keys(word: str) -> tuple[str, ...]:
    """Keys to try for a word of the text: itself and its possible singulars ("drones" -> "drone")."""
    w = word.casefold()
    keys = [w]
    if w.endswith("ies") and len(w) > 4:
        keys.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        keys.append(w[:-2])
    if w.endswith("s") and len(w) > 2:
        keys.append(w[:-1])
    return tuple(keys)


def plural_forms(word: str) -> list[str]:
    """The word and its plural(s): "battery" -> ["battery", "batteries"]; "aircraft" stays as it is."""
    lower = word.lower()
    if lower.endswith(("aircraft", "ammunition", "arms")):
        return [word]
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return [word, word[:-1] + "ies"]
    if lower.endswith(("s", "sh", "ch", "x", "z")):
        return [word, word + "es"]
    if lower.endswith("o"):
        return [word, word + "s", word + "es"]
    return [word, word + "s"]


def _chunks(form: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+|[-\s]+|.", form)


def _kind(chunk: str) -> str:
    if chunk[0].isdigit():
        return "digit"
    if chunk[0].isalpha():
        return "letter"
    return "sep" if chunk.strip("- \t") == "" else "other"


def _render(chunks: list[str], *, has_digit: bool) -> str:
    out: list[str] = []
    for i, chunk in enumerate(chunks):
        kind = _kind(chunk)
        before = _kind(chunks[i - 1]) if i else None
        after = _kind(chunks[i + 1]) if i + 1 < len(chunks) else None
        if kind == "sep":
            out.append(r"[-\s]?" if {before, after} == {"letter", "digit"} else r"[-\s]")
        elif kind == "other":
            out.append("['’]" if chunk in "'’" else re.escape(chunk))
        else:
            if kind == "digit" and before == "letter":
                out.append(r"[-\s]?")
            text = re.escape(chunk)
            single_letter = i == 0 and kind == "letter" and len(chunk) == 1 and has_digit
            out.append(f"(?-i:{text})" if single_letter else text)
    return "".join(out)


def form_pattern(form: str) -> str:
    """The regular expression for one table form of a designation (without suffix, plural or boundaries)."""
    has_digit = any(c.isdigit() for c in form)
    pattern = _render(_chunks(form), has_digit=has_digit)
    if has_digit:
        return f"(?i:{pattern})"
    if form.upper() == form:
        return pattern
    return f"(?:{pattern}|{_render(_chunks(form.upper()), has_digit=False)})"


SUFFIX = (
    r"(?:(?-i:[A-Z][A-Za-z]{0,3}\d{0,2}\+?)"
    r"|\s(?-i:[A-Z]{1,2}\d{1,2}\+?)(?![\w-])"
    r"|\s(?:Block|block|Blk)\s?\d{1,3}[A-Z]?)?"
)
PLURAL = r"(?-i:(?:['’]?s)?)"


@cache
def specific_pattern(key: str) -> tuple[re.Pattern[str], dict[str, tuple[str, System]]]:
    """The pattern for the designations that begin with ``key``, and its group name -> (form, system).

    Alternatives are tried longest form first; each base form is a named group so that ``m.lastgroup``
    says which form matched (suffix and plural are outside it).
    """
    lexicon = load_lexicon()
    forms = [lexicon.forms[i] for i in lexicon.specific_index.get(key, ())]
    groups: dict[str, tuple[str, System]] = {}
    alternatives = []
    for i, (form, system) in enumerate(sorted(forms, key=lambda fs: len(fs[0]), reverse=True)):
        name = f"f{i}"
        groups[name] = (form, system)
        suffix = SUFFIX if form[-1].isdigit() else ""
        alternatives.append(f"(?P<{name}>{form_pattern(form)}){suffix}{PLURAL}")
    return re.compile("(?:" + "|".join(alternatives) + r")(?!\w)"), groups


@cache
def generic_pattern(key: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern for the generic terms whose first word is ``key``, and its group name -> term."""
    terms = sorted(load_lexicon().generic_index.get(key, ()), key=len, reverse=True)
    groups = {f"g{i}": term for i, term in enumerate(terms)}
    alternatives = [f"(?P<g{i}>{_generic_term_pattern(term)})" for i, term in enumerate(terms)]
    return re.compile("(?:" + "|".join(alternatives) + r")(?![\w])"), groups


def _generic_term_pattern(term: str) -> str:
    words = term.replace("-", " ").split()
    last = plural_forms(words[-1])
    head = r"[-\s]+".join(re.escape(w) for w in words[:-1])
    tail = "(?:" + "|".join(re.escape(w) for w in sorted(last, key=len, reverse=True)) + ")"
    body = (head + r"[-\s]+" + tail) if head else tail
    return body if any(c.isupper() for c in term) else f"(?i:{body})"


@lru_cache(maxsize=1)
def load_systems() -> tuple[System, ...]:
    """The rows of ``systems.tsv``."""
    return tuple(system for system, _ in _system_rows())


def _system_rows() -> list[tuple[System, list[str]]]:
    rows = read_tsv(data_path("weapons/systems.tsv"), required=("name", "aliases", "family", "category", "producer"))
    return [
        (
            System(r["name"], r["family"] or r["name"], r["category"], r["producer"] or None, r["note"]),
            list(dict.fromkeys([r["name"], *split_multi(r["aliases"])])),
        )
        for _, r in rows
    ]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the three tables and index them (once per process; patterns compile lazily per first chunk)."""
    forms: list[tuple[str, System]] = []
    index: dict[str, list[int]] = {}
    for system, surface_forms in _system_rows():
        for form in surface_forms:
            index.setdefault(first_chunk(form), []).append(len(forms))
            forms.append((form, system))
    categories: dict[str, str] = {}
    generic_index: dict[str, list[str]] = {}
    for _, row in read_tsv(data_path("weapons/generic.tsv"), required=("term", "category")):
        categories[row["term"]] = row["category"]
        generic_index.setdefault(first_chunk(row["term"]), []).append(row["term"])
    ambiguous = frozenset(row["form"] for _, row in read_tsv(data_path("weapons/ambiguous.tsv"), required=("form",)))
    return Lexicon(
        tuple(forms),
        {k: tuple(v) for k, v in index.items()},
        categories,
        {k: tuple(v) for k, v in generic_index.items()},
        ambiguous,
        frozenset(form.casefold() for form in ambiguous),
    )


@lru_cache(maxsize=1)
def calibre_pattern() -> re.Pattern[str]:
    """A calibre and the noun it measures: "155 mm self-propelled howitzers", "155mm shells"."""
    heads = "|".join(
        re.escape(form) for head in CALIBRE_HEADS for form in sorted(plural_forms(head), key=len, reverse=True)
    )
    modifiers = "|".join(re.escape(m) for m in CALIBRE_MODIFIERS) + "|" + heads
    return re.compile(
        r"(?<![\w.])(?P<cal>\d{1,3}(?:\.\d{1,2})?)(?:\s?-\s?|\s)?(?:mm|millimet(?:re|er)s?)(?![\w])"
        rf"(?:[\s-]+(?:{modifiers})(?![\w-])){{0,3}}[\s-]+(?P<head>{heads})(?![\w])",
        re.IGNORECASE,
    )


def calibre_head(word: str) -> str:
    """The singular head noun for a matched calibre head ("howitzers" -> "howitzer")."""
    lower = word.lower()
    for head, singular in CALIBRE_HEADS.items():
        if lower in plural_forms(head):
            return singular
    return lower
