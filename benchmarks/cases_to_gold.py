"""Convert tests/events/lexicon_cases.tsv (one row per expected event) into gold JSONL for `dyads eval`.

usage: python benchmarks/cases_to_gold.py [CASES.tsv] > cases.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from dyads.tables import read_tsv

ROOT = Path(__file__).resolve().parents[1]


def cases_to_gold(path: Path) -> list[dict]:
    by_text: dict[str, dict] = {}
    for _, row in read_tsv(path, required=("text", "date", "source", "target", "cameo")):
        rec = by_text.setdefault(row["text"], {
            "id": "case-" + hashlib.sha1(row["text"].encode()).hexdigest()[:10], "text": row["text"],
            "date": row["date"] or None, "expected": [],
        })
        if row["cameo"]:
            rec["expected"].append({"source": row["source"], "target": row["target"], "cameo": row["cameo"],
                                    "plover": None})
    return list(by_text.values())


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "events" / "lexicon_cases.tsv"
    for rec in cases_to_gold(src):
        print(json.dumps(rec))
