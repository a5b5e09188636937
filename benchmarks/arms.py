"""Arms-transfer ledger accuracy on our own corpus (issue 6): precision and recall of ledger rows.

    python benchmarks/arms.py [--show]

Codes every story in benchmarks/arms_corpus/ (written for dyads, with the ledger a careful analyst would write,
expected_ledger.tsv, written before any code ran on them), builds the ledger and compares rows on
(supplier, recipient, weapon category, status). Prints precision, recall, the rows missed and invented, and how
many stories merged into each predicted row.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "arms_corpus"


def main(show: bool = False) -> int:
    from dyads.arms import build_ledger, transfer_mentions
    from dyads.batch import run_batch
    from dyads.pipeline import Pipeline
    from dyads.tables import read_tsv

    t0 = time.perf_counter()
    pipeline = Pipeline()
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    records = [e.to_record() for _, events in run_batch(files, pipeline=pipeline) for e in events]
    mentions = [m for r in records for m in transfer_mentions(r)]
    ledger = build_ledger(mentions)
    elapsed = time.perf_counter() - t0
    expected = {(r["supplier"], r["recipient"], r["category"], r["status"])
                for _, r in read_tsv(CORPUS / "expected_ledger.tsv", required=("supplier", "recipient", "category",
                                                                                "status"))}
    predicted: dict[tuple[str, str, str, str], list] = {}
    for row in ledger:
        predicted.setdefault((row.supplier, row.recipient, row.category, row.status), []).append(row)
    tp = len(expected & predicted.keys())
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(expected) if expected else 0.0
    print(f"{len(files)} stories, {len(records)} events, {len(mentions)} transfer mentions, {len(ledger)} ledger rows "
          f"({elapsed:.1f}s)")
    print(f"ledger rows on (supplier, recipient, category, status): precision {p:.3f} ({tp}/{len(predicted)}), "
          f"recall {r:.3f} ({tp}/{len(expected)})")
    print("missed:", sorted(expected - predicted.keys()))
    print("invented:", sorted(predicted.keys() - expected))
    print("stories merged per predicted row:")
    for key, rows in sorted(predicted.items()):
        docs = sorted({Path(d).name[:2] for row in rows for d in row.documents})
        print(f"  {'/'.join(key)}  {len(docs)} stories: {' '.join(docs)}"
              + ("" if key in expected else "   <- not in the expected ledger"))
    if show:
        for row in ledger:
            for m in row.sources:
                print(f"{row.supplier}->{row.recipient} {row.weapon} {row.status}: {Path(m.doc).name} [{m.cue}] "
                      f"{m.sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main("--show" in sys.argv))
