"""The FastAPI application: the JSON API under ``/api`` and the analysts' page at ``/``.

`create_app` opens the database once (read-only unless an ingest token is given, see `dyads.serve.database`) and
wires the routes. Every route validates its parameters with the models in `dyads.serve.models`; every query is in
`dyads.serve.queries`. Request bodies are capped (`BodyLimit`), and responses carry a strict content policy: the
page loads nothing from elsewhere.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from dyads import __version__
from dyads.serve import queries
from dyads.serve.database import RETRY_AFTER_S, Database
from dyads.store.locking import DatabaseBusy
from dyads.serve.ingest import Ingestor
from dyads.serve.models import (
    ActorParams,
    ActorSummary,
    ArmsParams,
    ArmsRow,
    ArticleIn,
    Codes,
    DocumentPage,
    DocumentParams,
    DyadOut,
    DyadParams,
    EventOut,
    EventPage,
    EventParams,
    Evidence,
    Info,
    IngestReport,
    Timeline,
    TimelineParams,
)

STATIC = Path(__file__).parent / "static"
MAX_BODY = 2 * 1024 * 1024
EventId = Annotated[str, PathParam(pattern=r"^[0-9a-f]{8,64}$", description="An event id (hex).")]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with 413, by header or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_bytes):
                await JSONResponse({"detail": "request body too large"}, status_code=413)(scope, receive, send)
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(413, "request body too large")
            return message

        await self.app(scope, limited, send)


SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def create_app(db_path: str | Path, token: str | None = None, *,
               pipeline_factory: Callable[[], Any] | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The web app over the DuckDB file ``db_path``; ``token`` enables ``POST /api/documents`` (and opens the file
    read-write); ``pipeline_factory`` builds the coding pipeline for ingest (default: `dyads.pipeline.Pipeline`)."""
    token = token or None
    db = Database(db_path, writable=token is not None)
    ingestor = Ingestor(db, pipeline_factory) if token else None

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        yield
        db.close()

    app = FastAPI(
        title="dyads", version=__version__, lifespan=lifespan,
        description="Political events coded from news (CAMEO/PLOVER), with the sentences that support them.",
    )
    app.state.db = db
    app.add_middleware(BodyLimit, max_bytes=max_body)  # type: ignore[arg-type]

    @app.exception_handler(DatabaseBusy)
    async def database_busy(_: Request, exc: DatabaseBusy) -> JSONResponse:
        """Another process writes the database (DuckDB lets no one else open it meanwhile): try again later."""
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"retry-after": str(RETRY_AFTER_S)})

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("cache-control", "no-store")
        return response

    # -- reading ----------------------------------------------------------------------------------------------
    @app.get("/api/info", response_model=Info, tags=["read"])
    def info() -> dict[str, Any]:
        """What the database holds and whether ingest is enabled."""
        summary = db.cached(("counts",), queries.counts)
        return {**summary, "read_only": not db.writable, "ingest": ingestor is not None}

    @app.get("/api/codes", response_model=Codes, tags=["read"])
    def codes() -> dict[str, Any]:
        """CAMEO roots with their names, and the PLOVER types."""
        return queries.code_tables()

    @app.get("/api/events", response_model=EventPage, tags=["read"])
    def events(p: Annotated[EventParams, Query()]) -> dict[str, Any]:
        """Events, filtered, sorted and paged; each with its sentence, rule and confidence."""
        f = queries.EventFilter(source=p.source, target=p.target, either=p.either, since=p.since, until=p.until,
                                code=p.code, root=p.root, plover=p.plover, modality=p.modality, q=p.q,
                                arms_only=p.arms)
        with db.reader() as con:
            total, rows = queries.events(con, f, sort=p.sort, limit=p.limit, offset=p.offset)
        return {"total": total, "limit": p.limit, "offset": p.offset, "events": rows}

    @app.get("/api/events/{event_id}", response_model=EventOut, tags=["read"])
    def event(event_id: EventId) -> dict[str, Any]:
        """One event by id."""
        with db.reader() as con:
            rec = queries.event(con, event_id)
        if rec is None:
            raise HTTPException(404, "no such event")
        return rec

    @app.get("/api/events/{event_id}/evidence", response_model=Evidence, tags=["read"])
    def evidence(event_id: EventId) -> dict[str, Any]:
        """An event with each source sentence inside its article (``text[span[0]:span[1]]``), the rule that coded
        it, the other codings of the same sentence and the other sites that carried the story."""
        with db.reader() as con:
            rec = queries.event(con, event_id)
            if rec is None:
                raise HTTPException(404, "no such event")
            return {"event": rec, "sources": queries.sources(con, event_id)}

    @app.get("/api/timeline", response_model=Timeline, tags=["read"])
    def timeline(p: Annotated[TimelineParams, Query()]) -> dict[str, Any]:
        """The dyad a-b in both directions per month, quarter or year: counts, mean Goldstein, counts per CAMEO
        root, arms events, and the arms-ledger rows between the two."""
        with db.reader() as con:
            return queries.dyad_timeline(con, p.a, p.b, freq=p.freq, since=p.since, until=p.until)

    @app.get("/api/dyads", response_model=list[DyadOut], tags=["read"])
    def dyads(p: Annotated[DyadParams, Query()]) -> list[dict[str, Any]]:
        """The most active directed dyads, with mean Goldstein."""
        key = ("dyads", p.actor, p.since, p.until, p.limit)
        return db.cached(key, lambda con: queries.top_dyads(con, limit=p.limit, since=p.since, until=p.until,
                                                            actor=p.actor))

    @app.get("/api/actors", response_model=list[ActorSummary], tags=["read"])
    def actors(p: Annotated[ActorParams, Query()]) -> list[dict[str, Any]]:
        """Actors by number of events (as source or target), with their names."""
        return db.cached(("actors", p.limit), lambda con: queries.actors(con, limit=p.limit))

    @app.get("/api/documents", response_model=DocumentPage, tags=["read"])
    def documents(p: Annotated[DocumentParams, Query()]) -> dict[str, Any]:
        """Documents seen: date and how it was found, status, reason, duplicates (without their text)."""
        with db.reader() as con:
            total, rows = queries.documents(con, status=p.status, q=p.q, limit=p.limit, offset=p.offset)
        return {"total": total, "limit": p.limit, "offset": p.offset, "documents": rows}

    @app.get("/api/arms", response_model=list[ArmsRow], tags=["read"])
    def arms(p: Annotated[ArmsParams, Query()]) -> list[dict[str, Any]]:
        """The arms-transfer ledger, with the sentences behind each row."""
        with db.reader() as con:
            return queries.arms(con, supplier=p.supplier, recipient=p.recipient, either=p.either, since=p.since,
                                until=p.until, limit=p.limit)

    # -- writing ----------------------------------------------------------------------------------------------
    @app.post("/api/documents", response_model=IngestReport, status_code=201, tags=["write"],
              responses={401: {"description": "missing or wrong token"}, 403: {"description": "ingest disabled"},
                         413: {"description": "body too large"}})
    async def ingest(article: ArticleIn,
                     authorization: Annotated[str | None, Header(max_length=600)] = None) -> dict[str, Any]:
        """Code one article with the full pipeline and store its events. Needs ``Authorization: Bearer <token>``
        with the token the server was started with; without one configured, ingest is disabled (403)."""
        if ingestor is None or token is None:
            raise HTTPException(403, "ingest is disabled: start the server with --token (or DYADS_TOKEN)")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})
        return await run_in_threadpool(ingestor.ingest, article.model_dump())

    # -- the page ---------------------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def page() -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
