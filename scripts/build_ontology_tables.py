"""Regenerate src/dyads/data/ontology/*.tsv from the CAMEO and PLOVER fact tables in ../shared/data.

Run from the project root: ``python scripts/build_ontology_tables.py``. The output is committed; the package never
reads ../shared at run time.

Choices (documented in the generated files' header comments too):
- names: the CAMEO manual / ICEWS wording (``name_icews``), which agrees with the 4-digit children for 101-108;
  GDELT's name where ICEWS has none.
- Goldstein: GDELT's score, ICEWS's where GDELT has none (1213).
- PLOVER: the 2021 CAMEO2PLOVER crosswalk; where a code has no row, its parent's row; CAMEO 02x (appeals), which
  PLOVER drops, map to REQUEST (PLOVER's type for requests and appeals); CAMEO 01x stays without a PLOVER type.
- Where the PLOVER 2.0 manual's own type and mode definitions contradict the 2021 draft crosswalk, the manual wins
  (`MANUAL_OVERRIDES`): international sanctions (163) are SANCTION/discontinue ("International (political or
  economic) sanctions are coded as discontinue"), and easing curfews or states of emergency (0813, 0814) is
  CONCEDE ("removing curfews"; the root table maps 081-083 to CONCEDE); a leader stepping down as demanded (0831) is
  RETREAT/resign ("RETREAT also covers resignations of government officials"; mode resign: "Official resignation").
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
OUT = Path(__file__).resolve().parents[1] / "src" / "dyads" / "data" / "ontology"


MANUAL_OVERRIDES = {
    "163": ("SANCTION", "discontinue", "economic"),
    "0813": ("CONCEDE", "", "legal"),
    "0814": ("CONCEDE", "", "legal"),
    "0831": ("RETREAT", "resign", "political_institutions"),
}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main() -> int:
    codes = read(SHARED / "cameo" / "event_codes.tsv")
    cross = {r["cameo_code"]: r for r in read(SHARED / "plover" / "crosswalk.tsv")}
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "cameo.tsv").open("w", encoding="utf-8") as f:
        f.write("# CAMEO event codes (facts from the CAMEO manual via GDELT/ICEWS lookup tables); see build_ontology_tables.py\n")
        f.write("code\tname\tgoldstein\n")
        for r in codes:
            name = r["name_icews"] or r["name"]
            gold = r["goldstein"] or r["goldstein_icews"]
            f.write(f"{r['code']}\t{name}\t{gold}\n")
    with (OUT / "plover.tsv").open("w", encoding="utf-8") as f:
        f.write("# CAMEO code -> PLOVER type, mode, context (CAMEO2PLOVER 2021); 'inherited' = taken from the parent code;\n")
        f.write("# 02x appeals -> REQUEST is dyads' choice (PLOVER drops CAMEO 01 and 02); 01x has no PLOVER type.\n")
        f.write("# how=manual: the PLOVER 2.0 manual's type definitions override the draft crosswalk (see the script).\n")
        f.write("cameo\tplover\tmode\tcontext\thow\n")
        for r in codes:
            code = r["code"]
            if code.startswith("01"):
                continue
            if code.startswith("02"):
                f.write(f"{code}\tREQUEST\t\t\tdyads\n")
                continue
            if code in MANUAL_OVERRIDES:
                ptype, mode, context = MANUAL_OVERRIDES[code]
                f.write(f"{code}\t{ptype}\t{mode}\t{context}\tmanual\n")
                continue
            row, how = cross.get(code), "crosswalk"
            parent = code
            while row is None and len(parent) > 2:
                parent = parent[:-1]
                row, how = cross.get(parent), "inherited"
            if row is None:
                print(f"no PLOVER row for {code}", file=sys.stderr)
                continue
            f.write(f"{code}\t{row['plover_type']}\t{row['plover_mode']}\t{row['plover_context']}\t{how}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
