"""Score the ingest stage's article extraction on the shared article-extraction set.

Two paths are measured:
  html  dyads.ingest.html.extract_html on html/<id>.html.gz (trafilatura + our boilerplate pass)
  text  dyads.ingest.boilerplate.remove_boilerplate on text/<id>.txt (flattened pages, no tags)

The set's own scorer (score.py, imported from the data folder, not copied) gives precision, recall and F1 as
upstream defines them; the baselines are read from its BASELINES.md and printed beside ours. Pages listed in
dev_ids.txt are the ones the features and weights were tuned on; every other page is reported as held-out.

    python benchmarks/extraction.py [--data /work/shared/eval/article_extraction] [--repeat 3] [--save DIR]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from dyads.ingest.boilerplate import remove_boilerplate
from dyads.ingest.html import extract_html
from dyads.ingest.language import detect_language

DEFAULT_DATA = Path("/work/shared/eval/article_extraction")


def load_scorer(data: Path) -> ModuleType:
    """Import the data set's score.py as a module."""
    spec = importlib.util.spec_from_file_location("aeb_score", data / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {data / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_ids(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def html_path(data: Path, page_id: str) -> str:
    html = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    return extract_html(html).text


def text_path(data: Path, page_id: str) -> str:
    text = (data / "text" / f"{page_id}.txt").read_text(encoding="utf-8")
    return remove_boilerplate(text, language=detect_language(text)).text


def run(extract: Callable[[Path, str], str], data: Path, ids: list[str], repeat: int) -> tuple[dict[str, str], float]:
    """Predictions for every page and pages per second (median over ``repeat`` passes, reading included)."""
    rates, pred = [], {}
    for _ in range(repeat):
        start = time.perf_counter()
        pred = {page_id: extract(data, page_id) for page_id in ids}
        rates.append(len(ids) / (time.perf_counter() - start))
    return pred, statistics.median(rates)


def baseline_rows(data: Path) -> list[list[str]]:
    """The results table of BASELINES.md, one list of cells per tool."""
    path = data / "BASELINES.md"
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        header_or_rule = cells[0] == "tool (config)" or set(cells[0]) <= {"-"}
        if line.startswith("|") and len(cells) >= 10 and not header_or_rule:
            rows.append(cells)
    return rows


def fmt(result: dict | None) -> str:
    if not result:
        return "–"
    return f"{result['precision']:.3f} / {result['recall']:.3f} / {result['f1']:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=1, help="passes for the pages/s median")
    parser.add_argument("--save", type=Path, help="write predictions as <DIR>/<path>.json")
    args = parser.parse_args(argv)
    if not (args.data / "score.py").exists():
        print(f"no data set at {args.data}", file=sys.stderr)
        return 2
    scorer = load_scorer(args.data)
    truth = scorer.load_ground_truth(args.data / "ground-truth.json")
    dev = set(read_ids(args.data / "dev_ids.txt"))
    paths = {"html": (html_path, "html", ".html.gz"), "text": (text_path, "text", ".txt")}

    print(f"data: {args.data}  ({len(truth)} pages with ground truth, {len(dev)} dev ids)")
    print("| ours | pages | P | R | F1 | acc | pages F1≥0.9 | pages/s | dev P / R / F1 | held-out P / R / F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, (extract, folder, suffix) in paths.items():
        ids = sorted(i for i in truth if (args.data / folder / f"{i}{suffix}").exists())
        if not ids:
            print(f"| {name} | 0 | – | – | – | – | – | – | – | – |")
            continue
        pred, rate = run(extract, args.data, ids, args.repeat)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False))
        everything, _ = scorer.score(truth, pred, ids)
        dev_ids = [i for i in ids if i in dev]
        held_ids = [i for i in ids if i not in dev]
        dev_result = scorer.score(truth, pred, dev_ids)[0] if dev_ids else None
        held_result = scorer.score(truth, pred, held_ids)[0] if held_ids else None
        print(f"| dyads {name} | {len(ids)} | {everything['precision']:.3f} | {everything['recall']:.3f} | "
              f"**{everything['f1']:.3f}** | {everything['accuracy']:.3f} | {everything['pages_f1_ge_0.9']} | "
              f"{rate:.1f} | {fmt(dev_result)} | {fmt(held_result)} |")
    if not dev:
        print("no dev_ids.txt: every page counts as held-out")
    elif all(i in dev for i in truth):
        print("note: every page present is a dev page (tuned on); no held-out pages are present here")

    rows = baseline_rows(args.data)
    if rows:
        print("\nBaselines (BASELINES.md; all 181 pages, their machine):")
        print("| tool (config) | P | R | F1 | pages/s | dev P / R / F1 | held-out P / R / F1 |")
        print("|---|---|---|---|---|---|---|")
        for cells in rows:
            print(f"| {cells[0]} | {cells[2]} | {cells[3]} | {cells[4]} | {cells[7]} | {cells[8]} | {cells[9]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
