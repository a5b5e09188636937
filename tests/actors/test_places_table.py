"""Checks on the places table (src/dyads/data/actors/places.tsv).

The table maps sub-national place names (cities, regions, named sites) to the
state that event-coding conventions assign them to.  A place name is a surface
form like any other actor name, so the checks that matter are: well-formed
rows, known iso3 codes and kinds, one reading per name, and no name that is
already claimed by the country or organisation tables.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "dyads" / "data" / "actors"
TABLE = DATA / "places.tsv"

HEADER = ["name", "iso3", "kind", "note"]
KINDS = {"city", "region", "site"}
MIN_ROWS = 1200


def load(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for fields in reader:
        assert len(fields) == len(header), f"{path.name}: {len(fields)} fields, expected {len(header)}: {fields!r}"
        rows.append(dict(zip(header, fields)))
    return header, rows


def split(cell: str) -> list[str]:
    return [value for value in cell.split("|") if value] if cell else []


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    header, rows = load(TABLE)
    assert header == HEADER
    return rows


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return load(DATA / "countries.tsv")[1]


@pytest.fixture(scope="module")
def country_forms(countries) -> dict[str, str]:
    """Every surface form in countries.tsv -> its iso3."""
    forms = {}
    for row in countries:
        for column in ("name", "names", "demonyms", "capitals"):
            for value in split(row[column]):
                forms[value] = row["iso3"]
    return forms


def test_header_exact():
    with TABLE.open(encoding="utf-8") as fh:
        first = fh.readline().rstrip("\n")
    assert first.split("\t") == HEADER


def test_row_count(places):
    assert len(places) >= MIN_ROWS, f"only {len(places)} places"


def test_iso3_known(places, countries):
    known = {row["iso3"] for row in countries}
    unknown = sorted({(p["name"], p["iso3"]) for p in places if p["iso3"] not in known})
    assert not unknown, f"iso3 codes not in countries.tsv: {unknown[:20]}"


def test_kind_allowed(places):
    bad = [(p["name"], p["kind"]) for p in places if p["kind"] not in KINDS]
    assert not bad, f"kinds outside {sorted(KINDS)}: {bad[:20]}"


def test_names_clean(places):
    bad = []
    for p in places:
        name = p["name"]
        if not name or name != name.strip() or "  " in name:
            bad.append((name, "whitespace"))
        elif not (name[0].isupper() or name[0].isdigit()):
            bad.append((name, "not capitalised"))
        elif name.lower().startswith("the "):
            bad.append((name, "leading 'the'"))
    assert not bad, f"badly written names: {bad[:20]}"


def test_one_reading_per_name(places):
    seen: dict[str, set[str]] = defaultdict(set)
    rows_per_name: dict[str, int] = defaultdict(int)
    for p in places:
        seen[p["name"]].add(p["iso3"])
        rows_per_name[p["name"]] += 1
    ambiguous = {name: sorted(codes) for name, codes in seen.items() if len(codes) > 1}
    assert not ambiguous, f"names under two iso3 codes: {ambiguous}"
    repeated = sorted(name for name, count in rows_per_name.items() if count > 1)
    assert not repeated, f"names listed twice: {repeated}"


def test_no_clash_with_countries(places, country_forms):
    folded = {form.casefold(): form for form in country_forms}
    clashes = sorted((p["name"], folded[p["name"].casefold()]) for p in places if p["name"].casefold() in folded)
    assert not clashes, f"place names already in countries.tsv: {clashes}"


def test_no_clash_with_organisations(places):
    _, organisations = load(DATA / "organisations.tsv")
    forms = {value.casefold() for row in organisations for column in ("name", "aliases") for value in split(row[column])}
    clashes = sorted(p["name"] for p in places if p["name"].casefold() in forms)
    assert not clashes, f"place names already in organisations.tsv: {clashes}"


def test_no_clash_with_seats(places):
    # Seats of power ("Kremlin", "Green Zone", "Yongsan") stand for a government, not a place.
    _, seats = load(DATA / "seats.tsv")
    forms = {row["name"].casefold() for row in seats}
    clashes = sorted(p["name"] for p in places if p["name"].casefold() in forms)
    assert not clashes, f"place names already in seats.tsv: {clashes}"


@pytest.mark.parametrize(
    "name",
    [
        "Kashmir",  # disputed between India and Pakistan
        "Punjab",  # an Indian state and a Pakistani province
        "Hyderabad",  # an Indian and a Pakistani city
        "Georgia",  # country, and a US state
        "Washington",
        "Victoria",
        "Nice",
        "Mobile",
        "Reading",
        "Bath",
        "Kyiv",  # capitals live in countries.tsv
        "Tripoli",
        "Gaza Strip",
    ],
)
def test_deliberately_left_out(places, name):
    assert name not in {p["name"] for p in places}


@pytest.mark.parametrize(
    "name, iso3",
    [
        ("Kharkiv", "UKR"),
        ("Kharkov", "UKR"),
        ("Odesa", "UKR"),
        ("Odessa", "UKR"),
        ("Crimea", "UKR"),
        ("Donbas", "UKR"),
        ("Gaza Strip", "PSE"),  # coded through countries.tsv, where it is a name of Palestine
        ("Khan Younis", "PSE"),
        ("Rafah", "PSE"),
        ("East Jerusalem", "PSE"),
        ("Golan Heights", "SYR"),
        ("Idlib", "SYR"),
        ("Aleppo", "SYR"),
        ("Mosul", "IRQ"),
        ("Erbil", "IRQ"),
        ("Tigray", "ETH"),
        ("Darfur", "SDN"),
        ("Xinjiang", "CHN"),
        ("Srinagar", "IND"),
        ("Jammu and Kashmir", "IND"),
        ("Azad Kashmir", "PAK"),
        ("Muzaffarabad", "PAK"),
        ("Kaohsiung", "TWN"),
        ("Kowloon", "HKG"),
        ("Abkhazia", "GEO"),
        ("Nagorno-Karabakh", "AZE"),
        ("Transnistria", "MDA"),
        ("Dakhla", "ESH"),
        ("Bab al-Hawa", "SYR"),
    ],
)
def test_spot_checks(places, country_forms, name, iso3):
    # How the dictionary codes the name: a place row, else a country surface form.
    by_name = {p["name"]: p["iso3"] for p in places}
    assert by_name.get(name, country_forms.get(name)) == iso3
