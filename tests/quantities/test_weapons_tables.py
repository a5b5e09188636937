"""Well-formedness of the tables in src/dyads/data/weapons/ (read with dyads.tables, like the code does)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from dyads.quantities._lexicon import BLOCK, CATEGORIES
from dyads.quantities.deal_status import STATUSES
from dyads.tables import read_tsv, split_multi

DATA = Path(__file__).resolve().parents[2] / "src" / "dyads" / "data"
WEAPONS = DATA / "weapons"

HEADERS = {
    "systems.tsv": ["name", "aliases", "family", "category", "producer", "note"],
    "generic.tsv": ["term", "category", "note"],
    "ambiguous.tsv": ["form", "note"],
    "currencies.tsv": ["token", "code", "note"],
    "usd_rates.tsv": ["currency", "year", "usd_per_unit"],
    "deal_status.tsv": ["cue", "status", "note"],
}


def rows(name: str) -> list[dict[str, str]]:
    return [row for _, row in read_tsv(WEAPONS / name, required=tuple(HEADERS[name]))]


def header(name: str) -> list[str]:
    for line in (WEAPONS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            return line.split("\t")
    return []


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header(name: str) -> None:
    assert header(name) == HEADERS[name]


def iso3_codes() -> set[str]:
    return {row["iso3"] for _, row in read_tsv(DATA / "actors" / "countries.tsv", required=("iso3",))}


def test_systems_rows() -> None:
    table = rows("systems.tsv")
    assert len(table) >= 200
    countries = iso3_codes()
    for row in table:
        assert row["name"], row
        assert row["category"] in CATEGORIES, row
        assert row["producer"] in countries, row
        assert row["family"], row
        aliases = split_multi(row["aliases"])
        assert len(aliases) == len(set(aliases)), row["name"]
        assert row["name"] not in aliases, row["name"]


def _key(form: str) -> str:
    if any(c.isdigit() for c in form):
        return re.sub(r"[-\s]", "", form).casefold()
    return re.sub(r"[-\s]+", " ", form)


def test_each_surface_form_belongs_to_one_system() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows("systems.tsv"):
        for form in [row["name"], *split_multi(row["aliases"])]:
            owners[_key(form)].add(row["name"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_systems_cover_the_families_named_in_the_brief() -> None:
    names = {row["name"] for row in rows("systems.tsv")}
    for required in (
        "Su-35", "Su-30", "S-400", "Pantsir", "Iskander", "Kinzhal", "F-16", "F-35", "HIMARS", "Patriot", "Javelin",
        "MQ-9 Reaper", "Rafale", "CAESAR", "SCALP/Storm Shadow", "Eurofighter Typhoon", "Leopard 2", "IRIS-T",
        "Challenger 2", "NLAW", "Gripen", "CV90", "J-10C", "JF-17", "Wing Loong", "HQ-9", "VT-4", "Bayraktar TB2",
        "Shahed-136", "K9 Thunder", "K2 Black Panther", "Tejas", "BrahMos", "Barak-8", "Iron Dome", "Type 209",
    ):
        assert required in names, required


def test_generic_rows() -> None:
    table = rows("generic.tsv")
    terms = [row["term"] for row in table]
    assert len(terms) == len(set(terms))
    for row in table:
        assert row["category"] in (*CATEGORIES, BLOCK), row
        assert row["term"] == row["term"].strip()
        acronym = any(c.isupper() for c in row["term"])
        assert acronym or row["term"] == row["term"].lower(), row


def test_ambiguous_forms_exist_in_the_other_tables() -> None:
    forms = set()
    for row in rows("systems.tsv"):
        forms.update([row["name"], *split_multi(row["aliases"])])
    forms.update(row["term"] for row in rows("generic.tsv"))
    folded = {f.casefold() for f in forms} | {re.sub(r"[-\s]", "", f).casefold() for f in forms}
    for row in rows("ambiguous.tsv"):
        form = row["form"]
        assert form in forms or re.sub(r"[-\s]", "", form).casefold() in folded, form


def test_currency_rows() -> None:
    table = rows("currencies.tsv")
    tokens = [row["token"] for row in table]
    assert len(tokens) == len(set(tokens))
    for row in table:
        assert re.fullmatch(r"[A-Z]{3}", row["code"]), row


def test_rate_rows() -> None:
    seen = set()
    for row in rows("usd_rates.tsv"):
        assert re.fullmatch(r"[A-Z]{3}", row["currency"]) and row["currency"] != "USD"
        assert 1990 <= int(row["year"]) <= 2030
        assert float(row["usd_per_unit"]) > 0
        assert (row["currency"], row["year"]) not in seen
        seen.add((row["currency"], row["year"]))


def test_deal_status_rows() -> None:
    for row in rows("deal_status.tsv"):
        assert row["status"] in (*STATUSES, "none"), row
        for cue in split_multi(row["cue"]):
            words = cue.split()
            assert words[0] != "..." and words[-1] != "...", cue
    statuses = {row["status"] for row in rows("deal_status.tsv")}
    assert set(STATUSES) <= statuses
