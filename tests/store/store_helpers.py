"""Hand-made events and documents for the store tests (imported by conftest and the test modules)."""

from __future__ import annotations

import hashlib
from pathlib import Path


from dyads.model import Actor, Document, Event, Weapon


def make_event(doc: str, source: str, target: str | None, cameo: str, date: str | None, *, precision: str = "day",
               index: int = 0, sentence: str | None = None, confidence: float = 0.7, modality: str = "asserted",
               weapons: tuple[str, ...] = (), weapon_category: str = "aircraft", goldstein: float = 7.0,
               name: str | None = None) -> Event:
    return Event(
        doc=doc, sentence=sentence or f"{source} did {cameo} to {target}.", sentence_index=index, span=(0, 30),
        date=date, date_precision=precision, source=Actor(code=source, country=source[:3], role=source[3:] or None,
                                                         name=name),
        target=Actor(code=target, country=target[:3]) if target else None, cameo=cameo, cameo_name=f"code {cameo}",
        plover="AID", goldstein=goldstein, modality=modality, confidence=confidence, rule="test", trigger="did",
        weapons=[Weapon(name=w, category=weapon_category) for w in weapons],
    )


def make_doc(doc_id: str, date: str = "2023-03-06", url: str | None = None) -> Document:
    return Document(doc_id=doc_id, text=f"text of {doc_id}", date=date, url=url,
                    content_hash=hashlib.sha256(doc_id.encode()).hexdigest()[:16])
