"""Actor accuracy at country level on the coded sentences (issue 4), printed beside the earlier figure.

    python benchmarks/actors.py

For each gold event of ../shared/eval/coded_sentences/dev.jsonl: is its source country among the source countries
dyads coded for that sentence, and (when the gold names one) its target country among the coded targets?
Actor codes compare by country (the first three letters of codes without a country, e.g. IGO).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "coded_sentences" / "dev.jsonl"
#: Measured on 2026-11-23 (this machine, 2 cores) with the first full lexicon, before the actor work of issue 4
#: (commit "Event lexicon: verbs, nouns and classes ..."): source actor found 116/194 by the shared scorer.
BEFORE = {"source": 0.598}


def country(actor) -> str:  # type: ignore[no-untyped-def]
    if isinstance(actor, dict):
        return (actor.get("country") or (actor.get("code") or "")[:3]).upper()
    return (actor or "")[:3].upper()


def main() -> int:
    if not DEV.exists():
        print("../shared/eval/coded_sentences/dev.jsonl is absent: nothing to measure")
        return 0
    out = subprocess.run([sys.executable, "-m", "dyads", "code", str(DEV), "--format", "jsonl"],
                         capture_output=True, text=True, cwd=ROOT)
    pred: dict[str, list[dict]] = defaultdict(list)
    for line in out.stdout.splitlines():
        e = json.loads(line)
        pred[e["doc"]].append(e)
    src_ok = src_n = tgt_ok = tgt_n = 0
    for line in DEV.read_text().splitlines():
        g = json.loads(line)
        events = pred.get(g["id"], [])
        sources = {country(e["source"]) for e in events}
        targets = {country(e["target"]) for e in events if e.get("target")}
        for x in g["expected"]:
            src_n += 1
            src_ok += country(x["source"]) in sources
            if country(x["target"]) and country(x["target"]) not in ("---", "***"):
                tgt_n += 1
                tgt_ok += country(x["target"]) in targets
    print(f"gold events {src_n}; source country found {src_ok}/{src_n} = {src_ok / src_n:.3f}; "
          f"target country found {tgt_ok}/{tgt_n} = {tgt_ok / tgt_n:.3f}")
    print(f"before issue 4 work (per sentence, shared scorer): source {BEFORE['source']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
