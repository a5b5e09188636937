"""Event-coding accuracy: prints the figures of issue 5 (run from the project root).

    python benchmarks/coding.py

1. `dyads code ../shared/eval/coded_sentences/dev.jsonl --format jsonl`, scored by the shared scorer
   (type accuracy, dyad+type precision/recall/F1, events on no-event sentences);
2. `dyads eval` on the same gold (country+root and full-code levels, per root);
3. the same on our own sentences (tests/events/lexicon_cases.tsv), written to check rules on new text.
Skips the shared set when ../shared is absent. Wall time of each step is printed too.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "coded_sentences"
sys.path.insert(0, str(ROOT / "benchmarks"))


def run(args: list[str], **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "dyads", *args], capture_output=True, text=True, cwd=ROOT, **kw)


def main() -> int:
    from cases_to_gold import cases_to_gold

    with tempfile.TemporaryDirectory() as tmp:
        if (DEV / "dev.jsonl").exists():
            t0 = time.perf_counter()
            out = run(["code", str(DEV / "dev.jsonl"), "--format", "jsonl"])
            pred = Path(tmp) / "pred.jsonl"
            pred.write_text(out.stdout)
            print(f"== dev.jsonl via the shared scorer ({time.perf_counter() - t0:.1f}s for dyads code)")
            score = subprocess.run([sys.executable, str(DEV / "score_coded.py"), str(DEV / "dev.jsonl"), str(pred)],
                                   capture_output=True, text=True)
            print(score.stdout)
            print("== dyads eval dev.jsonl")
            print(run(["eval", str(DEV / "dev.jsonl"), "--misses", "0"]).stdout)
        else:
            print("../shared/eval/coded_sentences is absent: skipping the dev set")
        cases = Path(tmp) / "cases.jsonl"
        cases.write_text("\n".join(json.dumps(r) for r in cases_to_gold(ROOT / "tests/events/lexicon_cases.tsv")))
        print("== dyads eval tests/events/lexicon_cases.tsv (our own sentences)")
        print(run(["eval", str(cases), "--misses", "0"]).stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
