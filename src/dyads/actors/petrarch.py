"""Import of PETRARCH/TABARI actor and agent dictionaries into dyads' own table formats.

TABARI format (as used by PETRARCH and the Phoenix dictionaries):

- an entry line ``VLADIMIR_PUTIN_ [RUSGOV 991231-080507]``: words joined by ``_`` (a trailing ``_`` marks the end of a
  word), then zero or more codes in brackets, each with an optional date range: ``YYMMDD-YYMMDD``, ``<YYMMDD``
  (until), ``>YYMMDD`` (from); a bare code applies at other dates;
- ``+ALIAS`` lines add names to the entry above; code lines may also follow on their own (indented);
- agents: ``NOUN [~GOV]`` gives a role; ``!PERSON! = MAN, WOMAN`` defines a macro used inside agent phrases;
- ``#`` starts a comment.

`read_tabari` parses a file into `TabariEntry` values; `write_tables` writes them as ``leaders.tsv`` (entries with
dated codes: people with tenures), ``organisations.tsv`` (entries with a plain code) and ``roles.tsv`` (agents) in a
folder that `build_dictionary(extra=...)` or ``--actors DIR`` loads beside the shipped tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

_CODE = re.compile(r"\[([^\]]+)\]")
_MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


@dataclass(slots=True)
class DatedCode:
    code: str
    start: str | None = None
    """ISO date or None (open)."""
    end: str | None = None


@dataclass(slots=True)
class TabariEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    line: int = 0

    @property
    def is_agent(self) -> bool:
        return bool(self.codes) and all(c.code.startswith("~") for c in self.codes)


def _year(two: str) -> int:
    """Two-digit years: 00-25 are 20xx, 26-99 are 19xx (the dictionaries in this format were written before 2020,
    and name office-holders back to the 1920s)."""
    y = int(two)
    return 1900 + y if y > 25 else 2000 + y


def _tabari_date(text: str) -> str | None:
    """``991231`` -> ``1999-12-31`` (see `_year` for two-digit years); None if malformed."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        return None  # the Phoenix files hold a few broken ranges (">", ten digits): treated as open
    if len(text) == 8:  # YYYYMMDD
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return f"{_year(text[:2]):04d}-{text[2:4]}-{text[4:6]}"


def parse_code(cell: str) -> DatedCode:
    """``RUSGOV 991231-080507`` / ``RUSGOV >080508`` / ``RUSGOV <080508`` / ``RUSELI`` -> `DatedCode`."""
    parts = cell.split()
    code = parts[0].strip()
    if len(parts) == 1:
        return DatedCode(code)
    rng = parts[1]
    if rng.startswith(">"):
        return DatedCode(code, start=_tabari_date(rng[1:]))
    if rng.startswith("<"):
        return DatedCode(code, end=_tabari_date(rng[1:]))
    start, _, end = rng.partition("-")
    return DatedCode(code, start=_tabari_date(start), end=_tabari_date(end) if end else None)


def _phrase(raw: str) -> str:
    """``VLADIMIR_V._PUTIN_`` -> ``Vladimir V. Putin``; short or dotted words keep their capitals (``U.N.``, ``UN``)."""
    words = [w for w in raw.strip().strip("_").split("_") if w]
    out = []
    for w in words:
        if "." in w or len(w) <= 3 and not w.lower() in ("al", "of", "the", "and", "for", "de", "bin", "el"):
            out.append(w)
        elif w.lower() in ("of", "the", "and", "for", "de", "bin", "el", "al"):
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    text = " ".join(out)
    return text[0].upper() + text[1:] if text else text


def read_tabari(lines: Iterable[str]) -> Iterator[TabariEntry]:
    """Parse TABARI actor or agent dictionary lines into entries (macros in agent phrases are expanded)."""
    macros: dict[str, list[str]] = {}
    current: TabariEntry | None = None
    for number, raw in enumerate(lines, start=1):
        text = raw.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        m = _MACRO.match(text.strip())
        if m:
            macros[m[1]] = [v.strip() for v in m[2].split(",") if v.strip()]
            continue
        stripped = text.strip()
        codes = [parse_code(c) for c in _CODE.findall(stripped)]
        head = _CODE.sub("", stripped).strip()
        if stripped.startswith("+") and current is not None:
            current.aliases.append(head[1:])
            current.codes.extend(codes)
        elif not head and current is not None:  # a code line under its entry
            current.codes.extend(codes)
        else:
            if current is not None:
                yield from _expand(current, macros)
            current = TabariEntry(head, [], codes, number)
    if current is not None:
        yield from _expand(current, macros)


def _expand(entry: TabariEntry, macros: dict[str, list[str]]) -> Iterator[TabariEntry]:
    if "!" not in entry.name:
        yield entry
        return
    m = re.search(r"!(\w+)!", entry.name)
    if not m or m[1] not in macros:
        return
    for value in macros[m[1]]:
        yield from _expand(TabariEntry(entry.name.replace(m.group(0), value), entry.aliases, entry.codes,
                                       entry.line), macros)


def write_tables(entries: Iterable[TabariEntry], folder: Path, *, source: str, countries: set[str]) -> dict[str, int]:
    """Write entries as dyads tables in ``folder``; returns the number of rows per table."""
    folder.mkdir(parents=True, exist_ok=True)
    leaders, orgs, roles = [], [], []
    for e in entries:
        if not e.codes:
            continue
        name = _phrase(e.name)
        aliases = sorted({_phrase(a) for a in e.aliases} - {name})
        if e.is_agent:
            role = e.codes[0].code.lstrip("~")[:3]
            for term in [name, *aliases]:
                roles.append((term.lower(), role, "noun", f"{source}:{e.line}"))
            continue
        dated = [c for c in e.codes if c.start or c.end]
        if dated:
            for c in dated:
                iso, role = c.code[:3], c.code[3:6] or "GOV"
                leaders.append((name, "|".join(aliases), name.split()[-1], iso, role, f"imported {c.code}",
                                c.start or "", c.end or ""))
            continue
        code = e.codes[0].code
        country = code[:3] if code[:3] in countries else ""
        orgs.append((code, name, "|".join(aliases), country, code[3:6] if country else "", "IMPORTED"))
    tables = {
        "leaders.tsv": (("name", "aliases", "surname", "iso3", "role", "office", "start", "end"), leaders),
        "organisations.tsv": (("code", "name", "aliases", "country", "role", "kind"), orgs),
        "roles.tsv": (("term", "role", "kind", "note"), roles),
    }
    counts = {}
    for file, (header, rows) in tables.items():
        with (folder / file).open("w", encoding="utf-8") as f:
            f.write(f"# imported by dyads dict import from {source}\n")
            f.write("\t".join(header) + "\n")
            for row in rows:
                f.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
        counts[file] = len(rows)
    return counts
