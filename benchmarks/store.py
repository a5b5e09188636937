"""Store benchmark (issue 7): merge quality on our stories, then query latency and size at 1 M events.

    python benchmarks/store.py [--part merge|scale|all] [--events 1000000] [--runs 30] [--keep DIR]

merge: ingests benchmarks/merge_corpus/*.txt with the real command line (``dyads ingest``) and compares the merged
events with expected.tsv (which event each story tells, written before the merge code ran on them). A mention is
scored when its story's expected (source country, target country, CAMEO root) matches it. Prints, per expected
event, whether all its scored mentions ended in one merged event (merged right) or several (wrongly split), and
merged events holding mentions of two expected events (wrongly merged), plus the same as pair counts.

scale: writes N synthetic mentions in bulk with DuckDB SQL (about 2.5 mentions per synthetic real event, dates
of day/week/month/year precision jittered by up to a day), runs the full merge, then times the `Dataset` methods
the API serves (p50/p95 over ``--runs`` runs with varied parameters) and prints the file size. Timing only: no
assertions.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "merge_corpus"
COUNTRIES = ["USA", "CHN", "RUS", "IND", "PAK", "FRA", "DEU", "GBR", "JPN", "KOR", "PRK", "IRN", "ISR", "TUR", "SAU",
             "EGY", "UKR", "POL", "BRA", "MEX", "NGA", "ZAF", "ETH", "KEN", "IDN", "VNM", "PHL", "AUS", "CAN", "ITA",
             "ESP", "SYR", "IRQ", "AFG", "QAT", "ARE", "SDN", "LBY", "MMR", "THA"]


# -- merge quality ---------------------------------------------------------------------------------------------
def merge_quality(workdir: Path) -> None:
    import dyads
    from dyads.tables import read_tsv

    db = workdir / "merge.duckdb"
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "dyads", "ingest", *sorted(str(p) for p in CORPUS.glob("*.txt")),
                          "--db", str(db), "-q"], capture_output=True, text=True)
    print(f"dyads ingest: rc {run.returncode}, {time.perf_counter() - t0:.1f}s; {run.stdout.strip()}")
    expected = {row["file"]: row for _, row in read_tsv(CORPUS / "expected.tsv",
                                                          required=("file", "event", "source", "target", "root"))}
    with dyads.open(db) as ds:
        mentions = ds.sql(
            "SELECT e.doc, e.source_country, e.target_country, e.cameo, e.cameo_root, e.date, e.date_precision,"
            " s.merged_id FROM events e JOIN event_sources s USING (event_id)", as_="records")
        counts = ds.counts()
    scored: list[tuple[str, str, str]] = []  # (event label, merged id, file)
    found_files = set()
    for m in mentions:
        name = Path(m["doc"]).name
        exp = expected.get(name)
        if exp and (m["source_country"], m["target_country"], m["cameo_root"]) == (exp["source"], exp["target"],
                                                                                     exp["root"]):
            scored.append((exp["event"], m["merged_id"], name))
            found_files.add(name)
    missing = sorted(set(expected) - found_files)
    by_event: dict[str, set[str]] = defaultdict(set)
    by_merged: dict[str, set[str]] = defaultdict(set)
    files_of: dict[str, set[str]] = defaultdict(set)
    for label, mid, name in scored:
        by_event[label].add(mid)
        by_merged[mid].add(label)
        files_of[label].add(name)
    multi = {e for e, fs in files_of.items() if len(fs) > 1}
    right = sorted(e for e in multi if len(by_event[e]) == 1 and by_merged[next(iter(by_event[e]))] == {e})
    split = sorted(e for e in by_event if len(by_event[e]) > 1)
    wrong = sorted((mid, sorted(labels)) for mid, labels in by_merged.items() if len(labels) > 1)
    same_pairs = diff_pairs = together_right = together_wrong = 0
    for i in range(len(scored)):
        for j in range(i + 1, len(scored)):
            (la, ma, fa), (lb, mb, fb) = scored[i], scored[j]
            if fa == fb:
                continue
            if la == lb:
                same_pairs += 1
                together_right += ma == mb
            else:
                diff_pairs += 1
                together_wrong += ma == mb
    print(f"database: {counts}")
    print(f"stories {len(expected)}; stories whose expected mention was coded {len(found_files)}; "
          f"not coded: {missing}")
    print(f"expected events told by >1 coded story: {len(multi)}; merged right {len(right)} {right}; "
          f"wrongly split {len(split)} {split}; merged events wrongly merging two expected events {len(wrong)} "
          f"{[w[1] for w in wrong]}")
    print(f"story pairs: same event {same_pairs}, merged together {together_right}; "
          f"different events {diff_pairs}, wrongly merged together {together_wrong}")


# -- scale -----------------------------------------------------------------------------------------------------
def synthesize(db: Path, n: int) -> None:
    """N mentions of N/2.5 synthetic events in bulk SQL (no Python row loop)."""
    import duckdb

    from dyads.store import EventStore

    EventStore(db).close()  # create and migrate
    con = duckdb.connect(str(db))
    con.execute("CREATE TEMP TABLE c AS SELECT unnest(?::VARCHAR[]) AS code, generate_subscripts(?::VARCHAR[], 1) - 1"
                " AS i", [COUNTRIES, COUNTRIES])
    k = len(COUNTRIES)
    n_true = max(1, int(n / 2.5))
    n_docs = max(1, n // 4)
    con.execute("BEGIN TRANSACTION")
    con.execute(f"""
        INSERT INTO documents (doc_key, doc_id, url, site, date, date_source, language, status, n_sentences,
                               n_parsed, n_events)
        SELECT 'd' || i, 'synthetic/' || i || '.txt', 'https://news' || (i % 300) || '.example/' || i,
               'news' || (i % 300) || '.example', '2023-01-01', 'given', 'en', 'coded', 12, 6, 4
        FROM range({n_docs}) t(i)""")
    con.execute(f"""
        CREATE TEMP TABLE m AS
        WITH base AS (
            SELECT i, hash(i * 2654435761) % {n_true} AS t, hash(i * 97 + 13) % 1000 AS p, CAST(hash(i * 31 + 7) % 3 AS INTEGER) - 1
                   AS jitter FROM range({n}) r(i)),
        ev AS (
            SELECT *, hash(t * 7) % {k} AS si, (hash(t * 7) % {k} + 1 + hash(t * 11) % {k - 1}) % {k} AS ti,
                   lpad(CAST(1 + hash(t * 13) % 20 AS VARCHAR), 2, '0') AS root, hash(t * 17) % 4 AS sub,
                   DATE '2021-01-01' + CAST(hash(t * 19) % 1095 AS INTEGER) AS day
            FROM base)
        SELECT *, CASE WHEN p < 800 THEN 'day' WHEN p < 900 THEN 'week' WHEN p < 970 THEN 'month' ELSE 'year' END
                  AS prec, day + CAST(jitter AS INTEGER) AS d FROM ev""")
    con.execute(f"""
        INSERT INTO events (event_id, doc_key, doc, sentence, sentence_index, span_start, span_end, date,
            date_precision, date_source, source_code, source_country, target_code, target_country, cameo, cameo_root,
            cameo_name, plover, goldstein, modality, quantities, weapons, confidence, rule, trigger, date_start,
            date_end)
        SELECT left(md5(CAST(m.i AS VARCHAR)), 24), 'd' || (hash(m.i * 5) % {n_docs}),
               'synthetic/' || (hash(m.i * 5) % {n_docs}) || '.txt',
               'Synthetic sentence ' || m.i || ' about event ' || m.t || '.', CAST(m.i % 12 AS INTEGER), 0, 40,
               CASE prec WHEN 'day' THEN strftime(d, '%Y-%m-%d')
                         WHEN 'week' THEN strftime(date_trunc('week', d), '%Y-%m-%d')
                         WHEN 'month' THEN strftime(d, '%Y-%m') ELSE strftime(d, '%Y') END,
               prec, 'text', s.code || CASE WHEN m.t % 3 = 0 THEN 'GOV' ELSE '' END, s.code, tc.code, tc.code,
               m.root || CAST(sub AS VARCHAR), m.root, 'synthetic', 'SYNTH',
               CASE WHEN m.root <= '08' THEN 4.0 ELSE -5.0 END, 'asserted', '[]', '[]',
               0.5 + (hash(m.i * 3) % 45) / 100.0, 'synthetic:' || m.t, 'did',
               CASE prec WHEN 'day' THEN d WHEN 'week' THEN CAST(date_trunc('week', d) AS DATE)
                         WHEN 'month' THEN CAST(date_trunc('month', d) AS DATE)
                         ELSE CAST(date_trunc('year', d) AS DATE) END,
               CASE prec WHEN 'day' THEN d WHEN 'week' THEN CAST(date_trunc('week', d) AS DATE) + 6
                         WHEN 'month' THEN last_day(d)
                         ELSE CAST(date_trunc('year', d) + INTERVAL 1 YEAR AS DATE) - 1 END
        FROM m JOIN c s ON s.i = m.si JOIN c tc ON tc.i = m.ti""")
    con.execute("COMMIT")
    con.close()


def timed(label: str, fn, runs: int) -> None:  # type: ignore[no-untyped-def]
    times = []
    for r in range(runs):
        t0 = time.perf_counter()
        fn(r)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"  {label:<58} p50 {statistics.median(times):8.1f} ms   p95 {p95:8.1f} ms")


def scale(workdir: Path, n: int, runs: int) -> None:
    import dyads
    from dyads.store import EventStore

    db = workdir / "scale.duckdb"
    t0 = time.perf_counter()
    synthesize(db, n)
    t_ingest = time.perf_counter() - t0
    t0 = time.perf_counter()
    with EventStore(db) as store:
        stats = store.refresh_merge(full=True)
    t_merge = time.perf_counter() - t0
    size = os.path.getsize(db)
    print(f"{n:,} synthetic mentions written in {t_ingest:.1f}s (bulk SQL); full merge {t_merge:.1f}s: "
          f"{stats.blocks:,} blocks -> {stats.merged_events:,} merged events; file {size / 2**20:.0f} MiB "
          f"({size / n:.0f} bytes per mention)")
    rng = random.Random(7)
    with dyads.open(db) as ds:
        truth = ds.sql("""
            WITH x AS (SELECT s.merged_id, e.rule AS t FROM events e JOIN event_sources s USING (event_id))
            SELECT (SELECT count(DISTINCT t) FROM x),
                   (SELECT count(*) FROM (SELECT merged_id FROM x GROUP BY 1 HAVING count(DISTINCT t) > 1)),
                   (SELECT count(*) FROM (SELECT t FROM x GROUP BY 1 HAVING count(DISTINCT merged_id) > 1))""",
                       as_="records")[0]
        true_n, impure, split = truth.values()
        print(f"synthetic truth: {true_n:,} real events; merged events mixing two real events {impure:,} "
              f"(real events of one dyad, root and compatible code within a few days are indistinguishable); "
              f"real events split over several merged events {split:,}")
        ids = [r["merged_id"] for r in ds.sql("SELECT merged_id FROM merged_events USING SAMPLE 200 ROWS",
                                              as_="records")]
        pairs = [(a, b) for a in COUNTRIES[:12] for b in COUNTRIES[:12] if a != b]
        print(f"query latency over {runs} runs (Dataset, as_='records' unless noted):")
        timed("dyad_timeline(a, b, freq='month')",
              lambda r: ds.dyad_timeline(*pairs[r % len(pairs)], freq="month", as_="records"), runs)
        timed("dyad_timeline(a, b, freq='week', both_directions=True)",
              lambda r: ds.dyad_timeline(*pairs[r % len(pairs)], freq="week", both_directions=True,
                                         as_="records"), runs)
        timed("events(source, target, since, root, limit=50)",
              lambda r: ds.events(source=pairs[r % len(pairs)][0], target=pairs[r % len(pairs)][1],
                                  since="2022-01-01", root=f"{1 + r % 20:02d}", limit=50, as_="records"), runs)
        timed("events(source, limit=50, offset=500)  [newest first]",
              lambda r: ds.events(source=COUNTRIES[r % 40], limit=50, offset=500, as_="records"), runs)
        timed("events(limit=50)  [whole store, newest first]",
              lambda r: ds.events(limit=50, offset=50 * r, as_="records"), runs)
        timed("events(merged=False, source, target, limit=50)  [mentions]",
              lambda r: ds.events(merged=False, source=pairs[r % len(pairs)][0], target=pairs[r % len(pairs)][1],
                                  limit=50, as_="records"), runs)
        timed("events(source, target) -> pandas, all rows of a dyad",
              lambda r: ds.events(source=pairs[r % len(pairs)][0], target=pairs[r % len(pairs)][1],
                                  as_="pandas"), runs)
        timed("top_dyads(limit=20)", lambda r: ds.top_dyads(limit=20), runs)
        timed("top_dyads(limit=20, since=year, root)",
              lambda r: ds.top_dyads(limit=20, since=str(2021 + r % 3), root=f"{1 + r % 20:02d}"), runs)
        timed("sources(merged_id)", lambda r: ds.sources(ids[r % len(ids)]), runs)
        timed("event(merged_id)", lambda r: ds.event(ids[r % len(ids)]), runs)
        timed("events(q='event 12345', limit=50)  [sentence text]",
              lambda r: ds.events(q=f"event {rng.randrange(n // 3)}.", limit=50, as_="records"), max(5, runs // 4))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("merge", "scale", "all"), default="all")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--keep", type=Path, help="Keep the databases in this folder.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        if args.part in ("merge", "all"):
            print("== merge quality (benchmarks/merge_corpus) ==")
            merge_quality(workdir)
        if args.part in ("scale", "all"):
            print(f"== scale ({args.events:,} mentions) ==")
            scale(workdir, args.events, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
