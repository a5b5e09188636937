"""The actor dictionary: every name dyads can recognise, loaded from the tables in ``dyads/data/actors/``.

Tables (each documented in its header): ``countries.tsv`` (names, demonyms, capitals), ``seats.tsv`` (buildings that
stand for an institution: "the White House"), ``organisations.tsv`` (IGOs, NGOs, armed groups, parties; a row may hold between dates), ``leaders.tsv``
(people with offices and tenure dates), ``roles.tsv`` (titles and nouns that give a role: "army", "minister"),
``org_heads.tsv`` (the head words of organisation names not listed: "Association", "Committee"), ``peoples.tsv``
(ethnic and religious groups and where they live) and ``readings.tsv`` (the other readings of ambiguous names:
"Tripoli" in Lebanon, "the North" for North Korea).

A name maps to one or more `NameEntry` values; a leader's name may map to several entries (one per office held),
and the resolver picks by date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from dyads.tables import data_path, read_tsv, split_multi


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One way to name an actor, e.g. "Beijing" -> CHN as a capital (government)."""

    kind: str
    code: str
    """The actor code this name gives on its own: ``CHN``, ``USAGOV``, ``IGOUNO``, ``LBNREBHEZ``."""
    country: str | None
    role: str | None
    name: str
    """The canonical name (the country's or organisation's name, the person's full name)."""
    source: str
    """``table:line`` of the row that defined it, for the evidence view."""
    office: str | None = None
    start: date | None = None
    end: date | None = None

    def holds_office_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class OrgHead:
    """A head word of organisation names ("Association"): the sector it gives with and without a country."""

    with_country: str
    without_country: str
    kind: str
    """``name``: heads a capitalised name ("the Serbian Journalists' Association"); ``noun``: a common noun that
    makes a role phrase an organisation ("a human rights GROUP"); ``sector``: a word inside a name that gives the
    sector ("Human RIGHTS Foundation")."""
    source: str


@dataclass(frozen=True, slots=True)
class Reading:
    """Another reading of an ambiguous name, taken when the sentence (or document) names one of its cue countries:
    "Tripoli" is Lebanese when the sentence says "Lebanese"."""

    iso3: str
    cues: frozenset[str]
    scope: str
    """``sentence`` (a matched name, re-read from the rest of its sentence) or ``document`` (a short form such as
    "the North", read from the countries the document has named)."""
    source: str


@dataclass(slots=True)
class ActorDictionary:
    """All names, indexed by their exact surface form, plus roles by lowercase term."""

    names: dict[str, list[NameEntry]] = field(default_factory=lambda: defaultdict(list))
    surnames: dict[str, list[NameEntry]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    """lowercase term -> (role, kind, source); kind is ``title``, ``noun`` or ``both``."""
    country_names: dict[str, str] = field(default_factory=dict)
    """iso3 -> the country's usual name."""
    org_heads: dict[tuple[str, str], OrgHead] = field(default_factory=dict)
    """(kind, lowercase word) -> what the word gives as the head of (or a word in) an organisation name."""
    readings: dict[str, list[Reading]] = field(default_factory=lambda: defaultdict(list))
    """surface form -> its readings other than (or besides) the tables' own entry."""

    def add(self, surface: str, entry: NameEntry) -> None:
        surface = surface.strip()
        if surface.lower().startswith("the "):
            surface = surface[4:]
        if surface and entry not in self.names[surface]:
            self.names[surface].append(entry)


def parse_date(text: str, *, end: bool = False) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` to a date; partial dates take the first (or, for ends, last) day."""
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if end:
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(parts[0], parts[1], 1)
    return date(parts[0], parts[1], parts[2])


def _source(path: Path, line: int) -> str:
    return f"{path.name}:{line}"


def load_countries(d: ActorDictionary, path: Path) -> None:
    for line, row in read_tsv(path, required=("iso3", "name", "names", "demonyms", "capitals")):
        iso, src = row["iso3"], _source(path, line)
        d.country_names[iso] = row["name"]
        for n in [row["name"], *split_multi(row["names"])]:
            d.add(n, NameEntry("country", iso, iso, None, row["name"], src))
        for n in split_multi(row["demonyms"]):
            d.add(n, NameEntry("demonym", iso, iso, None, row["name"], src))
        for n in split_multi(row["capitals"]):
            d.add(n, NameEntry("capital", iso + "GOV", iso, "GOV", n, src))


def load_seats(d: ActorDictionary, path: Path) -> None:
    for line, row in read_tsv(path, required=("name", "iso3", "role")):
        iso, role = row["iso3"], row["role"]
        d.add(row["name"], NameEntry("seat", iso + role, iso, role, row["name"], _source(path, line)))


def load_organisations(d: ActorDictionary, path: Path) -> None:
    for line, row in read_tsv(path, required=("code", "name", "aliases", "country", "role")):
        country = row["country"] or None
        role = row["role"] or (row["code"][3:6] if len(row["code"]) >= 6 else None)
        entry = NameEntry("organisation", row["code"], country, role, row["name"], _source(path, line),
                          start=parse_date(row.get("start", "")), end=parse_date(row.get("end", ""), end=True))
        for n in [row["name"], *split_multi(row["aliases"])]:
            d.add(n, entry)


def load_leaders(d: ActorDictionary, path: Path) -> None:
    for line, row in read_tsv(path, required=("name", "aliases", "surname", "iso3", "role", "office", "start", "end")):
        iso, role = row["iso3"], row["role"] or "GOV"
        entry = NameEntry(
            "leader", iso + role, iso, role, row["name"], _source(path, line), office=row["office"],
            start=parse_date(row["start"]), end=parse_date(row["end"], end=True),
        )
        for n in [row["name"], *split_multi(row["aliases"])]:
            d.add(n, entry)
        if row["surname"]:
            d.surnames[row["surname"]].append(entry)


def load_places(d: ActorDictionary, path: Path) -> None:
    """Cities, regions and sites: they name where something happens and stand for their country as a target."""
    for line, row in read_tsv(path, required=("name", "iso3", "kind")):
        iso = row["iso3"]
        d.add(row["name"], NameEntry("place", iso, iso, None, row["name"], _source(path, line), office=row["kind"]))


def load_roles(d: ActorDictionary, path: Path) -> None:
    for line, row in read_tsv(path, required=("term", "role", "kind")):
        d.roles[row["term"].lower()] = (row["role"], row["kind"], _source(path, line))


def load_org_heads(d: ActorDictionary, path: Path) -> None:
    for line, row in read_tsv(path, required=("term", "with_country", "without_country", "kind")):
        d.org_heads[row["kind"], row["term"].lower()] = OrgHead(row["with_country"], row["without_country"], row["kind"],
                                                   _source(path, line))


def load_peoples(d: ActorDictionary, path: Path) -> None:
    """Ethnic and religious groups: a group with one main state of residence stands for it ("Yoruba" -> NGA);
    one spread over several states has no country and is coded only where the sentence places it."""
    for line, row in read_tsv(path, required=("name", "aliases", "iso3", "role", "tag")):
        iso = row["iso3"] or None
        entry = NameEntry("people", iso or "", iso, row["role"] or None, row["name"], _source(path, line),
                          office=row["tag"])
        for n in [row["name"], *split_multi(row["aliases"])]:
            d.add(n, entry)


def load_readings(d: ActorDictionary, path: Path) -> None:
    for line, row in read_tsv(path, required=("name", "iso3", "cues", "scope")):
        cues = frozenset(split_multi(row["cues"])) or frozenset({row["iso3"]})
        d.readings[row["name"]].append(Reading(row["iso3"], cues, row["scope"], _source(path, line)))


LOADERS = {
    "countries.tsv": load_countries,
    "seats.tsv": load_seats,
    "organisations.tsv": load_organisations,
    "leaders.tsv": load_leaders,
    "places.tsv": load_places,
    "roles.tsv": load_roles,
    "org_heads.tsv": load_org_heads,
    "peoples.tsv": load_peoples,
    "readings.tsv": load_readings,
}


def build_dictionary(folder: Path | None = None, extra: tuple[Path, ...] = ()) -> ActorDictionary:
    """Load the tables in ``folder`` (default: the shipped ones) and any extra tables (same formats, by file name)."""
    folder = folder or data_path("actors")
    d = ActorDictionary()
    for name, loader in LOADERS.items():
        p = folder / name
        if p.exists():
            loader(d, p)
    for p in extra:
        loader = LOADERS.get(p.name.split(".", 1)[0] + ".tsv")
        if loader is None:
            raise ValueError(f"{p}: unknown actor table (expected one of {sorted(LOADERS)})")
        loader(d, p)
    return d


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The shipped dictionary, loaded once per process."""
    return build_dictionary()
