"""Importing PETRARCH/TABARI dictionaries: a small file written here, and the Phoenix files when ../shared is there."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from dyads.actors.dictionary import build_dictionary
from dyads.actors.petrarch import parse_code, read_tabari

SMALL = """# a dictionary written for this test
ZORBANIA_  [ZZZ]
MARKO_VELIC_  # a fictional leader
+PRESIDENT_VELIC_
\t[ZZZGOV 100101-151231]
\t[ZZZELI]
FREE_ZORBANIA_FRONT_ [ZZZREB]
+FZF_

!PERSON! = MAN, WOMAN
TANK!PERSON! [~MIL]
"""


def test_codes_with_date_ranges():
    assert parse_code("RUSGOV 991231-080507").start == "1999-12-31"
    assert parse_code("RUSGOV 991231-080507").end == "2008-05-07"
    assert parse_code("RUSGOV >080508").start == "2008-05-08" and parse_code("RUSGOV >080508").end is None
    assert parse_code("RUSELI").start is None


def test_read_entries_aliases_codes_and_macros():
    entries = list(read_tabari(SMALL.splitlines()))
    names = [e.name for e in entries]
    assert names == ["ZORBANIA_", "MARKO_VELIC_", "FREE_ZORBANIA_FRONT_", "TANKMAN", "TANKWOMAN"]
    velic = entries[1]
    assert velic.aliases == ["PRESIDENT_VELIC_"] and [c.code for c in velic.codes] == ["ZZZGOV", "ZZZELI"]
    assert entries[3].is_agent


def test_imported_tables_resolve_people_by_date(tmp_path):
    src = tmp_path / "small.actors"
    src.write_text(SMALL)
    out = tmp_path / "imported"
    run = subprocess.run([sys.executable, "-m", "dyads", "dict", "import", str(src), "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    d = build_dictionary(extra=tuple(sorted(out.glob("*.tsv"))))
    velic = [e for e in d.names["Marko Velic"] if e.kind == "leader"]
    assert velic and velic[0].holds_office_on(date(2012, 6, 1)) and not velic[0].holds_office_on(date(2018, 1, 1))
    assert any(e.code == "ZZZREB" for e in d.names["FZF"])
    assert d.roles["tankman"][0] == "MIL"
    # and through the command line, coding with the extra tables:
    text = tmp_path / "a.jsonl"
    text.write_text(json.dumps({"id": "x", "date": "2012-06-01",
                                "text": "Marko Velic accused the Free Zorbania Front of attacking a village."}) + "\n")
    coded = subprocess.run([sys.executable, "-m", "dyads", "code", str(text), "--format", "jsonl", "--actors", str(out)],
                           capture_output=True, text=True)
    events = [json.loads(line) for line in coded.stdout.splitlines()]
    assert [(e["source"]["code"], e["target"]["code"], e["cameo"][:2]) for e in events] == [("ZZZGOV", "ZZZREB", "11")]


def test_phoenix_international_dictionary_imports(shared_dir, tmp_path):
    from dyads.actors.petrarch import write_tables

    path = shared_dir / "data" / "phoenix" / "Phoenix.International.actors.txt"
    with path.open(encoding="utf-8", errors="replace") as f:
        entries = list(read_tabari(f))
    counts = write_tables(entries, tmp_path, source=path.name, countries={"USA", "RUS"})
    assert counts["organisations.tsv"] > 500
    d = build_dictionary(extra=tuple(sorted(tmp_path.glob("*.tsv"))))
    assert any(e.code == "IGOUNO" for e in d.names["U.N."])
