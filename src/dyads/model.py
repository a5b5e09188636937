"""The record types that cross stage boundaries.

Every stage is a function from one of these types to another, so each can be tested with hand-made values:

    RawDocument --ingest.clean--> Document --nlp--> sentences --actors/events--> Event --store--> DuckDB

`Event` is the one record users see: the CLI's ``--format jsonl``, the store and the API all serialise it with
`Event.to_record()`, whose keys are a stable contract for other tools.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
"""``week`` dates are written as the ISO date of the week's Monday."""


class Modality(str, Enum):
    """How the sentence presents the event: done, intended, refused, and so on."""

    ASSERTED = "asserted"
    INTENDED = "intended"
    DEMANDED = "demanded"
    REFUSED = "refused"
    NEGATED = "negated"
    REPORTED = "reported"
    HYPOTHETICAL = "hypothetical"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes as a source handed them over, plus what the source knew about them."""

    doc_id: str
    """A stable name: the file path, or the ``id`` of a JSONL record."""
    data: bytes
    kind: str
    """``text``, ``html`` or ``record`` (an already-decoded JSONL record whose text is in ``data``)."""
    url: str | None = None
    title: str | None = None
    date: str | None = None
    """A date the source gave (JSONL ``date`` field), ISO format."""
    html: str | None = None


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the boilerplate cleaner dropped, with the reason (for audit)."""

    text: str
    reason: str


@dataclass(slots=True)
class Document:
    """Clean article text with its metadata; the input of the language stages."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    """Publication date (ISO ``YYYY-MM-DD``) or None when unknown."""
    date_source: str = "unknown"
    """How the date was found: ``given``, ``metadata``, ``text:<evidence>``, ``override`` or ``unknown``."""
    language: str | None = None
    content_hash: str = ""
    author: str | None = None
    site: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    duplicate_of: str | None = None
    """The id of the earlier document this one is a near-duplicate of (the same wire story on another site)."""


class Actor(BaseModel):
    """One side of an event, coded.

    ``code`` follows CAMEO's composition: country (ISO3) then role (``CHNGOV``); organisations use their own
    code (``IGOUNO``, ``LBNREBHEZ``). ``country`` is None for actors that belong to no state.
    """

    model_config = ConfigDict(frozen=True)

    code: str | None
    country: str | None = None
    role: str | None = None
    text: str = ""
    name: str | None = None
    entry: str | None = Field(default=None, description="The dictionary entry that matched (for the evidence view).")


class Quantity(BaseModel):
    """A number found with an event: money, a count of items."""

    kind: Literal["money", "count"]
    value: float
    unit: str | None = None
    """Currency code (``USD``) for money; the counted noun for counts."""
    approximate: bool = False
    text: str = ""


class Weapon(BaseModel):
    """A weapon system or category named with an event."""

    name: str
    category: str
    producer: str | None = None
    text: str = ""


class Location(BaseModel):
    name: str
    country: str | None = None


class Event(BaseModel):
    """A coded event: who did what to whom, when, with the evidence and the reason for the coding."""

    doc: str
    sentence: str
    sentence_index: int
    span: tuple[int, int]
    """Character offsets of the sentence in the document's clean text."""
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    date_source: str = "unknown"
    source: Actor
    target: Actor | None = None
    cameo: str
    cameo_name: str
    plover: str | None = None
    plover_mode: str | None = None
    goldstein: float | None = None
    modality: Modality = Modality.ASSERTED
    quantities: list[Quantity] = Field(default_factory=list)
    weapons: list[Weapon] = Field(default_factory=list)
    location: Location | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str
    trigger: str = ""
    """The words that expressed the event (verb and particles, or the event noun)."""
    clause: str = ""
    """The sentence less the clauses of other events under this one: where this event's own cues are read."""

    def to_record(self) -> dict[str, Any]:
        """The stable JSON shape used by ``--format jsonl``, the store and the API."""
        return self.model_dump(mode="json")
