"""Well-formedness checks for the actor data tables in src/dyads/data/actors/.

The tables are UTF-8 TSV with a header row, no quoting, `|` between values in
multi-valued cells and `#` comment lines anywhere after the header.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "dyads" / "data" / "actors"

HEADERS = {
    "countries.tsv": ["iso3", "name", "names", "demonyms", "capitals"],
    "seats.tsv": ["name", "iso3", "role", "note"],
    "organisations.tsv": ["code", "name", "aliases", "country", "role", "kind", "start", "end"],
    "roles.tsv": ["term", "role", "kind", "note"],
}

# CAMEO sector codes used for roles.
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "SPY", "REL", "BUS", "MED",
    "CVL", "LAB", "EDU", "HLH", "REF", "HRI", "ELI", "SEP", "UAF", "CRM", "AGR",
    "ENV", "NGO",
}
SEAT_ROLES = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP"}
ORG_ROLES = SECTORS | {"IGO", "PKO"}
ORG_KINDS = {"IGO", "NGO", "REB", "MIL", "PARTY", "MEDIA"}
ROLE_KINDS = {"title", "noun", "both", "doer"}

ISO3 = re.compile(r"^[A-Z]{3}$")
ORG_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]{3}(?:[A-Z0-9]{3})?$")


def load(filename: str) -> tuple[list[str], list[dict[str, str]]]:
    path = DATA / filename
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for lineno, fields in enumerate(reader, start=2):
        assert len(fields) == len(header), (
            f"{filename}: row {lineno} has {len(fields)} fields, expected {len(header)}: {fields!r}"
        )
        rows.append(dict(zip(header, fields)))
    return header, rows


def split(cell: str) -> list[str]:
    return [value for value in cell.split("|")] if cell else []


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dict[str, str]]]:
    return {name: load(name)[1] for name in HEADERS}


@pytest.fixture(scope="module")
def iso3s(tables) -> set[str]:
    return {row["iso3"] for row in tables["countries.tsv"]}


@pytest.mark.parametrize("filename", sorted(HEADERS))
def test_header_is_exact(filename):
    header, rows = load(filename)
    assert header == HEADERS[filename]
    assert rows, f"{filename} has no data rows"


@pytest.mark.parametrize("filename", sorted(HEADERS))
def test_cells_are_clean(filename, tables):
    """No empty `|` members, no stray whitespace, no leading 'the' in names."""
    problems = []
    for row in tables[filename]:
        for column, cell in row.items():
            if column == "note":
                continue
            for value in split(cell):
                if not value or value != value.strip() or "  " in value:
                    problems.append((column, cell))
                elif column in {"name", "names", "aliases", "capitals", "demonyms"} and re.match(
                    r"(?i)the\s", value
                ):
                    problems.append((column, value))
    assert not problems, problems


def test_iso3_codes_are_wellformed_and_unique(tables):
    codes = [row["iso3"] for row in tables["countries.tsv"]]
    bad = [code for code in codes if not ISO3.match(code)]
    assert not bad, bad
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    assert not duplicates, duplicates


def test_enough_countries_and_key_ones_present(tables, iso3s):
    assert len(tables["countries.tsv"]) >= 190
    for code in ("USA", "GBR", "RUS", "CHN", "ROU", "COD", "COG", "PRK", "KOR",
                 "PSE", "XKX", "TWN", "ESH", "HKG", "PRI", "GRL"):
        assert code in iso3s, code


def test_every_country_has_a_name_and_most_have_capitals(tables):
    rows = tables["countries.tsv"]
    assert all(row["name"] for row in rows)
    with_capital = [row for row in rows if row["capitals"]]
    assert len(with_capital) >= 190


def test_known_conventions(tables):
    by_iso = {row["iso3"]: row for row in tables["countries.tsv"]}
    usa = split(by_iso["USA"]["names"])
    # bare "US" is listed; the resolver ignores short all-capital names in all-capital headlines ("LET US")
    assert "US" in usa and "U.S." in usa and "USA" in usa
    assert "Congolese" in split(by_iso["COD"]["demonyms"])
    assert "Congolese" not in split(by_iso["COG"]["demonyms"])
    assert "Jerusalem" in split(by_iso["ISR"]["capitals"])
    assert "Tel Aviv" not in split(by_iso["ISR"]["capitals"])
    assert "Ramallah" in split(by_iso["PSE"]["capitals"])


def test_seats_refer_to_known_countries_and_roles(tables, iso3s):
    rows = tables["seats.tsv"]
    unknown = [(row["name"], row["iso3"]) for row in rows if row["iso3"] not in iso3s]
    assert not unknown, unknown
    bad_roles = [(row["name"], row["role"]) for row in rows if row["role"] not in SEAT_ROLES]
    assert not bad_roles, bad_roles
    names = [row["name"] for row in rows]
    assert all("|" not in name for name in names), "seats.tsv holds one name per row"
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert not duplicates, duplicates


def test_organisations_codes_countries_roles_kinds(tables, iso3s):
    rows = tables["organisations.tsv"]
    codes = [row["code"] for row in rows if not (row["start"] or row["end"])]
    assert not sorted({c for c in codes if codes.count(c) > 1})  # a code repeats only on dated rows ("SLVOPPFMN")
    problems = []
    for row in rows:
        code, country = row["code"], row["country"]
        if not ORG_CODE.match(code):
            problems.append((code, "code shape"))
        if country:
            if country not in iso3s:
                problems.append((code, f"unknown country {country}"))
            elif not code.startswith(country):
                problems.append((code, f"code does not start with country {country}"))
        elif not code.startswith(("IGO", "NGO", "IMG")):
            problems.append((code, "no country but not an IGO/NGO/IMG code"))
        if row["role"] not in ORG_ROLES:
            problems.append((code, f"role {row['role']}"))
        if row["kind"] not in ORG_KINDS:
            problems.append((code, f"kind {row['kind']}"))
        if row["kind"] == "REB" and country and row["role"] == "REB" and "REB" not in code:
            problems.append((code, "armed group code lacks REB"))
    assert not problems, problems


def _dates(row: dict[str, str]) -> tuple:
    from datetime import date

    from dyads.actors.dictionary import parse_date

    return (parse_date(row["start"]) or date.min, parse_date(row["end"], end=True) or date.max)


def test_organisation_dates_parse_and_run_forward(tables):
    for row in tables["organisations.tsv"]:
        start, end = _dates(row)  # raises on a malformed date
        assert start <= end, row["code"]


def test_roles_terms_and_codes(tables):
    rows = tables["roles.tsv"]
    problems = []
    for row in rows:
        term = row["term"]
        if term != term.lower() or "|" in term:
            problems.append((term, "term must be one lower-case lemma"))
        if row["role"] not in SECTORS:
            problems.append((term, f"role {row['role']}"))
        if row["kind"] not in ROLE_KINDS:
            problems.append((term, f"kind {row['kind']}"))
    assert not problems, problems
    terms = [row["term"] for row in rows]
    assert not sorted({t for t in terms if terms.count(t) > 1})
    assert len(rows) >= 150


def test_no_surface_form_has_two_owners(tables):
    """Every name, alias, demonym or capital must point at one actor only.

    The owner of a country form or a seat is its iso3; an organisation's own
    names are owned by its code (organisations are distinct actors even when
    they share a home country with a country form).
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for row in tables["countries.tsv"]:
        forms = [row["name"]] + [
            form for column in ("names", "demonyms", "capitals") for form in split(row[column])
        ]
        seen = set()
        for form in forms:
            assert form not in seen, f"{row['iso3']}: {form!r} listed twice in one row"
            seen.add(form)
            owners[form].add(f"country:{row['iso3']}")
    for row in tables["seats.tsv"]:
        owners[row["name"]].add(f"seat:{row['iso3']}/{row['role']}")
    dated: dict[str, list[tuple]] = defaultdict(list)
    for row in tables["organisations.tsv"]:
        seen = set()
        for form in [row["name"]] + split(row["aliases"]):
            assert form not in seen, f"{row['code']}: {form!r} listed twice"
            seen.add(form)
            if row["start"] or row["end"]:
                dated[form].append(_dates(row))
                owners[form].add("org:dated")  # one owner at any date: the rows must not overlap
            else:
                owners[form].add(f"org:{row['code']}")
    for form, spans in dated.items():
        spans.sort()
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), f"{form!r}: dated rows overlap {spans}"
    clashes = {form: sorted(who) for form, who in owners.items() if len(who) > 1}
    assert not clashes, "surface forms with more than one owner: " + "; ".join(
        f"{form!r} -> {who}" for form, who in sorted(clashes.items())
    )


NEW_HEADERS = {
    "org_heads.tsv": ["term", "with_country", "without_country", "kind", "note"],
    "peoples.tsv": ["name", "aliases", "iso3", "role", "tag", "note"],
    "readings.tsv": ["name", "iso3", "cues", "scope", "note"],
}


@pytest.mark.parametrize("filename", sorted(NEW_HEADERS))
def test_issue5_tables_have_exact_headers(filename):
    header, rows = load(filename)
    assert header == NEW_HEADERS[filename] and rows


def test_org_heads_give_known_sectors():
    _, rows = load("org_heads.tsv")
    problems = [(r["term"], r["kind"]) for r in rows if r["kind"] not in {"name", "noun", "sector"}
                or r["term"] != r["term"].lower() or r["with_country"] not in SECTORS
                or (r["without_country"] and r["without_country"] not in SECTORS)]
    assert not problems, problems
    keys = [(r["kind"], r["term"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_peoples_name_known_states_and_own_their_names(tables, iso3s):
    _, rows = load("peoples.tsv")
    problems = [(r["name"], r["iso3"], r["role"]) for r in rows if (r["iso3"] and r["iso3"] not in iso3s)
                or r["role"] not in SECTORS or not re.fullmatch(r"[a-z]{3}", r["tag"])]
    assert not problems, problems
    taken = {form for row in tables["countries.tsv"] for column in ("name", "names", "demonyms", "capitals")
             for form in split(row[column])}
    taken |= {row["name"] for row in load("places.tsv")[1]} | {row["name"] for row in tables["seats.tsv"]}
    taken |= {form for row in tables["organisations.tsv"] for form in [row["name"], *split(row["aliases"])]}
    forms = [form for r in rows for form in [r["name"], *split(r["aliases"])]]
    assert len(forms) == len(set(forms))
    assert not sorted(set(forms) & taken)


def test_readings_name_known_states_and_scopes(iso3s):
    _, rows = load("readings.tsv")
    problems = [(r["name"], r["iso3"]) for r in rows if r["iso3"] not in iso3s or r["scope"] not in
                {"sentence", "document"} or any(c not in iso3s for c in split(r["cues"]))]
    assert not problems, problems
