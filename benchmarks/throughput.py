"""Throughput of `dyads ingest`: prints the figures of issue 8 (run from the project root).

    python benchmarks/throughput.py [--articles 2000] [--skip-dask]

The corpus is the bundled demo corpus (src/dyads/data/demo) recombined into ``--articles`` distinct articles: each
keeps one demo article's headline and dateline paragraph and adds four to six body paragraphs drawn (seeded) from
the whole corpus, one in four as an HTML page with navigation and footer boilerplate, written as JSONL. Plain
repetition would not measure coding: a repeated article is recognised by its content hash (or as a near-duplicate)
and is never parsed again.

In one run it measures (a) bare ``nlp.pipe`` of every sentence (same model, same pipes, 1 process); (b) ``dyads
ingest``, 1 process; (c) ``dyads ingest --workers 2``; (d) the Dask LocalCluster path with 2 workers; (e) (c) with
``--parse-all``; each in a fresh database, printing articles/s, words/s and peak RSS (the largest resident set of
any process of the run, read every 0.2 s with psutil), then b/a and c/a, and the coding F1 on
``../shared/eval/coded_sentences/dev.jsonl`` with and without ``--parse-all`` (skipped, saying so, when ../shared is
absent).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "dyads" / "data" / "demo"
DEV = ROOT.parent / "shared" / "eval" / "coded_sentences"
SEED = 8


def make_corpus(n_articles: int, out: Path) -> tuple[int, int]:
    """Write ``n_articles`` recombined demo articles as JSONL; returns (articles, words of clean text)."""
    from dyads.ingest import clean, iter_sources
    from dyads.model import RawDocument

    base = []
    manifest = {}
    for line in (DEMO / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        manifest[cells[0]] = cells[1]
    for item in iter_sources([str(p) for p in sorted(DEMO.glob("[0-9]*"))]):
        assert isinstance(item, RawDocument)
        doc = clean(item)
        paras = doc.text.split("\n\n")
        base.append((paras[0], paras[1], paras[2:], manifest[Path(item.doc_id).name]))
    pool = [p for _, _, body, _ in base for p in body]
    rng = random.Random(SEED)
    words = 0
    with out.open("w", encoding="utf-8") as fh:
        for k in range(n_articles):
            title, dateline, _, day = base[k % len(base)]
            body = [dateline, *rng.sample(pool, rng.randint(4, 6))]
            words += sum(len(p.split()) for p in [title, *body])
            record: dict[str, str] = {"id": f"bench-{k:05d}", "date": day, "title": title}
            if k % 4 == 3:
                record["html"] = _page(title, body)
            else:
                record["text"] = "\n\n".join([title, *body])
            fh.write(json.dumps(record) + "\n")
    return n_articles, words


def _page(title: str, body: list[str]) -> str:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
    return (f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/business'>Business</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>{paras}</article>"
            "<footer><p>© Meridian Wire. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
            "</body></html>")


@dataclass(slots=True)
class Run:
    name: str
    seconds: float
    peak_process_mb: float
    peak_total_mb: float
    ok: bool
    note: str = ""


def measure(name: str, command: list[str], *, cwd: Path = ROOT) -> Run:
    """Run a command; its wall time and the peak resident memory of its largest process and of all of them."""
    import psutil

    peak = [0.0, 0.0]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                sizes = []
                for p in procs:
                    try:
                        sizes.append(p.memory_info().rss / 2**20)
                    except psutil.Error:
                        pass
                if sizes:
                    peak[0] = max(peak[0], max(sizes))
                    peak[1] = max(peak[1], sum(sizes))
            except psutil.Error:
                pass
            done.wait(0.2)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    watcher.join()
    return Run(name, seconds, peak[0], peak[1], proc.returncode in (0, 1), err.strip().splitlines()[-1] if
               proc.returncode not in (0, 1) and err.strip() else "")


BARE_PIPE = """
import sys, json, time
from dyads.nlp.model import load_model
nlp = load_model()
sentences = json.load(open(sys.argv[1]))
t = time.perf_counter()
for _ in nlp.pipe(sentences, batch_size=256):
    pass
print(time.perf_counter() - t)
"""


def sentences_of(corpus: Path, out: Path) -> int:
    """Every sentence of the corpus's clean texts (as the pipeline splits them), written as a JSON list."""
    from dyads.errors import DocumentError
    from dyads.ingest import clean, iter_sources
    from dyads.model import RawDocument
    from dyads.nlp.model import load_model
    from dyads.nlp.sentences import SentenceSplitter

    splitter = SentenceSplitter(load_model())
    texts = []
    for item in iter_sources([str(corpus)]):
        try:
            doc = clean(item) if isinstance(item, RawDocument) else None
        except DocumentError:  # not English, empty: (b) skips it too
            continue
        if doc is not None:
            texts.extend(s.text for s in splitter(doc.text))
    out.write_text(json.dumps(texts))
    return len(texts)


def dev_f1(parse_all: bool) -> str:
    gold = DEV / "dev.jsonl"
    args = [sys.executable, "-m", "dyads", "code", str(gold), "--format", "jsonl"] + (["--parse-all"] if parse_all else [])
    out = subprocess.run(args, capture_output=True, text=True, cwd=ROOT).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write(out)
    score = subprocess.run([sys.executable, str(DEV / "score_coded.py"), str(gold), fh.name], capture_output=True,
                           text=True).stdout
    Path(fh.name).unlink()
    line = next((x for x in score.splitlines() if "F1" in x), "no F1 line")
    return line


ARTICLES = ROOT.parent / "shared" / "eval" / "article_extraction" / "ground-truth.json"


def real_news(tmp: Path) -> None:
    """(a) and (b) again on real news of every topic: the article bodies of ../shared/eval/article_extraction.

    The demo corpus is written to be coded: nearly every sentence names a state and an event word, so selective
    parsing can skip few of them there. These pages (politics, sport, technology, business, ...) show what it skips
    on the mix a news crawl brings."""
    corpus = tmp / "real.jsonl"
    truth = json.loads(ARTICLES.read_text(encoding="utf-8"))
    with corpus.open("w", encoding="utf-8") as fh:
        for key, page in sorted(truth.items()):
            fh.write(json.dumps({"id": key, "date": "2024-01-01", "text": page["articleBody"]}) + "\n")
    n_sent = sentences_of(corpus, tmp / "real_sentences.json")
    runs = [measure("(a) bare nlp.pipe, every sentence", [sys.executable, str(tmp / "bare.py"),
                                                          str(tmp / "real_sentences.json")]),
            measure("(b) dyads ingest, 1 process", [sys.executable, "-m", "dyads", "ingest", str(corpus), "--db",
                                                    str(tmp / "real.duckdb"), "-q"])]
    print(f"\nreal news: the {len(truth)} article bodies of ../shared/eval/article_extraction ({n_sent} sentences of "
          "the English ones; the others are skipped by the language check in (b))")
    for r in runs:
        print(f"  {r.name:40} {r.seconds:7.1f} s" + ("" if r.ok else f"  FAILED {r.note}"))
    print(f"  b/a = {runs[0].seconds / runs[1].seconds:.2f}")


def _load() -> str:
    """The 1, 5 and 15 minute load averages, as ``uptime`` prints them."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    dyads = [sys.executable, "-m", "dyads"]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus.jsonl"
        n, words = make_corpus(args.articles, corpus)
        n_sent = sentences_of(corpus, tmp / "sentences.json")
        print(f"corpus: {n} articles, {words} words, {n_sent} sentences (demo corpus recombined, seed {SEED})")
        print(f"load average before the runs: {_load()} ({os.cpu_count()} CPUs; other jobs slow every figure)")
        script = tmp / "bare.py"
        script.write_text(BARE_PIPE)
        runs = [measure("(a) bare nlp.pipe, every sentence, 1 process", [sys.executable, str(script),
                                                                         str(tmp / "sentences.json")])]
        configs = [("(b) dyads ingest, 1 process", []), ("(c) dyads ingest --workers 2", ["--workers", "2"])]
        if not args.skip_dask:
            configs.append(("(d) dyads ingest --cluster local:2 (Dask)", ["--cluster", "local:2"]))
        configs.append(("(e) dyads ingest --workers 2 --parse-all", ["--workers", "2", "--parse-all"]))
        for i, (name, extra) in enumerate(configs):
            runs.append(measure(name, [*dyads, "ingest", str(corpus), "--db", str(tmp / f"run{i}.duckdb"), "-q",
                                       *extra]))
        print(f"\nload average after the runs: {_load()}")
        print("wall time includes each command's start-up (model loads, worker start)")
        print(f"{'run':48} {'s':>7} {'articles/s':>10} {'words/s':>8} {'peak RSS/process MB':>20} {'all MB':>7}")
        for r in runs:
            print(f"{r.name:48} {r.seconds:7.1f} {n / r.seconds:10.2f} {words / r.seconds:8.0f} "
                  f"{r.peak_process_mb:20.0f} {r.peak_total_mb:7.0f}" + ("" if r.ok else f"  FAILED {r.note}"))
        by = {r.name[:3]: r.seconds for r in runs}
        print(f"\nb/a = {by['(a)'] / by['(b)']:.2f}   c/a = {by['(a)'] / by['(c)']:.2f}   (throughput ratios)")
        parsed = subprocess.run([sys.executable, "-c", (
            "import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True);"
            "print(*c.execute('select sum(n_sentences), sum(n_parsed) from documents').fetchone())"),
            str(tmp / "run0.duckdb")], capture_output=True, text=True).stdout.split()
        if len(parsed) == 2:
            share = int(parsed[1]) / max(int(parsed[0]), 1)
            print(f"sentences parsed by (b): {parsed[1]} of {parsed[0]} ({share:.0%}); b/a can be at most "
                  f"{1 / max(share, 1e-9):.2f} on this corpus even if screening, coding and storing cost nothing")
        if ARTICLES.exists():
            real_news(tmp)
    if (DEV / "dev.jsonl").exists():
        print("\ncoding on ../shared/eval/coded_sentences/dev.jsonl (shared scorer):")
        print(f"  selective parsing: {dev_f1(False)}")
        print(f"  --parse-all:       {dev_f1(True)}")
    else:
        print("\n../shared/eval/coded_sentences is absent: skipping the coding F1")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
