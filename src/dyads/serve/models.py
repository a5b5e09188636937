"""Request parameters and response bodies of the web API, as pydantic models (they make the OpenAPI schema).

Query-parameter models forbid unknown parameters, so a misspelt filter (``?sorce=CHN``) is an error, not a silent
no-op. Patterns are strict: actor codes are 2-15 upper-case letters/digits, dates ``YYYY[-MM[-DD]]``, CAMEO
codes 2-4 digits; free text is at most 200 characters and is matched literally.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from dyads.serve.queries import SORT_COLUMNS
from dyads.store.filters import date_bound

MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000

ACTOR_RE = r"^[A-Z0-9]{2,15}$"
DATE_RE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
SORT_KEYS = sorted(SORT_COLUMNS) + sorted("-" + k for k in SORT_COLUMNS)
SortKey = Literal[tuple(SORT_KEYS)]  # type: ignore[valid-type]
Modality = Literal["asserted", "intended", "demanded", "refused", "negated", "reported", "hypothetical", "denied"]


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


# Constraints sit on the ``str`` inside ``X | None``: a blank value becomes None before validation, and pydantic
# cannot apply a pattern to None (it raised TypeError, a 500, for ``?code=``).
ActorText = Annotated[str, StringConstraints(pattern=ACTOR_RE)]
ActorCode = Annotated[ActorText | None, BeforeValidator(_upper), BeforeValidator(_blank_to_none),
                      Field(default=None, description="Country (CHN) or actor code prefix (CHNGOV).")]
def _real_date(value: str) -> str:
    """A period that exists ("0000" and "2023-02-30" match the pattern but name no day): the store's own check."""
    date_bound(value, 0)
    return value


DateText = Annotated[Annotated[str, StringConstraints(pattern=DATE_RE), AfterValidator(_real_date)] | None,
                     BeforeValidator(_blank_to_none),
                     Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
FreeText = Annotated[str, StringConstraints(min_length=2, max_length=200)]


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Dated(_Params):
    since: DateText = None
    until: DateText = None

    @model_validator(mode="after")
    def _ordered(self) -> _Dated:
        if self.since and self.until and self.since > self.until + "~":
            raise ValueError("since is after until")
        return self


class EventParams(_Dated):
    """Filters, paging and sorting of ``GET /api/events``."""

    source: ActorCode = None
    target: ActorCode = None
    either: bool = Field(False, description="With source and target: the dyad in both directions.")
    code: Annotated[Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")] | None, BeforeValidator(_blank_to_none),
                    Field(default=None, description="CAMEO code prefix, e.g. 07 or 0332.")] = None
    root: Annotated[Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1\d|20)$")] | None,
                    BeforeValidator(_blank_to_none), Field(default=None, description="CAMEO root, 01-20.")] = None
    plover: Annotated[Annotated[str, StringConstraints(pattern=r"^[A-Z_]{2,20}$")] | None, BeforeValidator(_upper),
                      BeforeValidator(_blank_to_none), Field(default=None, description="PLOVER type, e.g. AGREE.")] = None
    modality: Modality | None = None
    q: Annotated[FreeText | None, BeforeValidator(_blank_to_none),
                 Field(default=None, description="Words in the sentence.")] = None
    arms: bool = Field(False, description="Only events that name weapons.")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
    sort: list[SortKey] = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["date"], max_length=3,
        description="Sort keys, repeated for ties; '-' for descending, e.g. sort=-goldstein.")


class TimelineParams(_Dated):
    """The two actors of ``GET /api/timeline`` and the bucket size."""

    a: Annotated[str, BeforeValidator(_upper), Field(pattern=ACTOR_RE)]
    b: Annotated[str, BeforeValidator(_upper), Field(pattern=ACTOR_RE)]
    freq: Literal["month", "quarter", "year"] = "month"


class DyadParams(_Dated):
    """``GET /api/dyads``: the most active dyads, optionally those involving one actor."""

    actor: ActorCode = None
    limit: int = Field(30, ge=1, le=200)


class ActorParams(_Params):
    limit: int = Field(500, ge=1, le=MAX_LIMIT)


class DocumentParams(_Params):
    status: Literal["coded", "duplicate", "failed", "skipped", "empty"] | None = None
    q: Annotated[FreeText | None, BeforeValidator(_blank_to_none), Field(default=None)] = None
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ArmsParams(_Dated):
    supplier: ActorCode = None
    recipient: ActorCode = None
    either: bool = Field(False, description="With supplier and recipient: deals in both directions.")
    limit: int = Field(200, ge=1, le=MAX_LIMIT)


# -- responses ------------------------------------------------------------------------------------------------
class ActorOut(BaseModel):
    code: str | None
    country: str | None = None
    role: str | None = None
    text: str | None = None
    name: str | None = None
    entry: str | None = None


class EventOut(BaseModel):
    """One coded event: the ``--format jsonl`` record plus its ``event_id`` and CAMEO root."""

    event_id: str
    doc: str
    sentence: str
    sentence_index: int
    span: list[int | None]
    date: str | None
    date_precision: str | None
    date_source: str | None
    source: ActorOut
    target: ActorOut | None
    cameo: str
    cameo_root: str | None = None
    cameo_name: str | None
    plover: str | None
    plover_mode: str | None
    goldstein: float | None
    modality: str | None
    quantities: list[dict[str, Any]]
    weapons: list[dict[str, Any]]
    location: dict[str, Any] | None
    confidence: float | None
    rule: str | None
    trigger: str | None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventOut]


class SiblingOut(BaseModel):
    event_id: str
    source_code: str | None
    target_code: str | None
    cameo: str
    cameo_name: str | None
    rule: str | None
    trigger: str | None


class CopyOut(BaseModel):
    doc_id: str
    url: str | None
    title: str | None
    date: str | None


class SourceOut(BaseModel):
    """One source sentence of an event inside its article: ``text[span[0]:span[1]]`` is the sentence."""

    event_id: str
    doc_key: str
    doc: str
    title: str | None
    url: str | None
    date: str | None
    date_source: str | None
    text: str
    span: list[int]
    sentence: str
    sentence_index: int
    rule: str | None
    trigger: str | None
    confidence: float | None
    same_sentence: list[SiblingOut]
    copies: list[CopyOut]


class Evidence(BaseModel):
    event: EventOut
    sources: list[SourceOut]


class ArmsRow(BaseModel):
    supplier: str | None
    recipient: str | None
    weapon: str | None
    category: str | None
    status: str | None
    number: float | None
    value: float | None
    currency: str | None
    first_date: str | None
    last_date: str | None
    n_documents: int | None
    documents: list[Any]
    evidence: list[dict[str, Any]]


class Period(BaseModel):
    period: str
    events: int
    ab: int = Field(description="Events from a to b.")
    ba: int = Field(description="Events from b to a.")
    goldstein_mean: float | None
    goldstein_sum: float
    by_root: dict[str, int]
    arms_events: int


class Timeline(BaseModel):
    a: str
    b: str
    freq: str
    periods: list[Period]
    undated: int = Field(description="Events of the dyad dated too coarsely for the buckets (or not at all).")
    arms: list[ArmsRow]


class DyadOut(BaseModel):
    source: str
    target: str
    events: int
    mean_goldstein: float | None
    arms_events: int


class ActorSummary(BaseModel):
    actor: str
    name: str | None
    events: int
    as_source: int
    as_target: int


class DocumentOut(BaseModel):
    doc_key: str
    doc_id: str
    url: str | None
    title: str | None
    date: str | None
    date_source: str | None
    language: str | None
    status: str
    reason: str | None
    duplicate_of: str | None
    n_sentences: int | None
    n_parsed: int | None
    n_events: int | None


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    documents: list[DocumentOut]


class Info(BaseModel):
    documents: int
    events: int
    arms: int
    first_date: str | None
    last_date: str | None
    read_only: bool
    ingest: bool = Field(description="Whether POST /api/documents is enabled (a token was set at start-up).")


class Codes(BaseModel):
    cameo_roots: dict[str, str]
    plover: list[str]


class ArticleIn(BaseModel):
    """An article to ingest: ``text`` (clean or scraped) or ``html``."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str | None, Field(default=None, min_length=1, max_length=300)] = None
    text: Annotated[str | None, Field(default=None, min_length=1, max_length=1_000_000)] = None
    html: Annotated[str | None, Field(default=None, min_length=1, max_length=1_000_000)] = None
    title: Annotated[str | None, Field(default=None, max_length=1000)] = None
    url: Annotated[str | None, Field(default=None, max_length=2000, pattern=r"^https?://\S+$")] = None
    date: Annotated[str | None, Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")] = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class IngestReport(BaseModel):
    doc_id: str
    status: str
    reason: str
    events: int
    date: str | None
    date_source: str
    event_ids: list[str]
