"""Grouping transfer mentions into ledger rows: one row per (supplier, recipient, weapon, status).

The same deal told by several articles is one row that keeps every supporting sentence. Number and value take the
largest stated figure (reports of the same stage usually repeat or round the same figure); the first and last
dates of the supporting mentions are kept (the order date for ordered/agreed rows, the delivery date for delivered).
A generic category ("155mm howitzer") folds into a designation of the same category for the same dyad and stage
when one is named elsewhere, so "36 CAESAR howitzers" and "the howitzers" are one row. A denial answers the
rumour it denies: talk told only by unnamed sources joins the denied row of the same dyad and category.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from dyads.arms.transfers import TransferMention


@dataclass(slots=True)
class LedgerRow:
    supplier: str
    recipient: str
    weapon: str
    category: str
    status: str
    number: float | None = None
    value: float | None = None
    currency: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    sources: list[TransferMention] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return sorted({m.doc for m in self.sources})

    def to_record(self) -> dict[str, object]:
        return {
            "supplier": self.supplier, "recipient": self.recipient, "weapon": self.weapon,
            "category": self.category, "status": self.status, "number": self.number, "value": self.value,
            "currency": self.currency, "first_date": self.first_date, "last_date": self.last_date,
            "documents": self.documents,
            "evidence": [{"doc": m.doc, "sentence_index": m.sentence_index, "sentence": m.sentence, "cue": m.cue,
                          "event_id": m.event_id} for m in self.sources],
        }


def _generic(weapon: str) -> bool:
    return weapon == weapon.lower()  # generic terms are lower case; designations carry capitals or digits


def _as_named_in_document(m: TransferMention, mentions: list[TransferMention]) -> TransferMention:
    """A generic mention ("a long-range missile system") in a story that names exactly one system for the same
    supplier, recipient and stage ("the FK-3") is that system, whatever category the generic words suggest."""
    if not _generic(m.weapon):
        return m
    named = {(n.weapon, n.category) for n in mentions if n.doc == m.doc and not _generic(n.weapon)
             and (n.supplier, n.recipient) == (m.supplier, m.recipient) and n.status == m.status}
    if len(named) != 1:
        return m
    weapon, category = next(iter(named))
    return dataclasses.replace(m, weapon=weapon, category=category)


def build_ledger(mentions: Iterable[TransferMention]) -> list[LedgerRow]:
    known = [m for m in mentions if m.supplier and m.recipient]
    mentions = [_as_named_in_document(m, known) for m in known]
    named = {(m.supplier, m.recipient, m.category, m.status): m.weapon for m in mentions if not _generic(m.weapon)}
    rows: dict[tuple[str, str, str, str], LedgerRow] = {}
    for m in sorted(mentions, key=lambda m: (m.date or "", m.doc, m.sentence_index)):
        weapon = m.weapon
        if _generic(weapon):
            weapon = named.get((m.supplier, m.recipient, m.category, m.status), weapon)
        key = (m.supplier or "", m.recipient or "", weapon, m.status)
        row = rows.get(key)
        if row is None:
            row = rows[key] = LedgerRow(m.supplier or "", m.recipient or "", weapon, m.category, m.status)
        row.sources.append(m)
        if m.number is not None:
            row.number = max(row.number or 0, m.number)
        if m.value is not None and (row.value is None or m.value > row.value):
            row.value, row.currency = m.value, m.currency
        if m.date:
            row.first_date = min(filter(None, [row.first_date, m.date]))
            row.last_date = max(filter(None, [row.last_date, m.date]))
    _fold_denied_rumours(rows)
    return sorted(rows.values(), key=lambda r: (r.supplier, r.recipient, r.weapon, r.status))


def _fold_denied_rumours(rows: dict[tuple[str, str, str, str], LedgerRow]) -> None:
    denied = {(r.supplier, r.recipient, r.category): r for r in rows.values() if r.status == "denied"}
    for key, row in list(rows.items()):
        target = denied.get((row.supplier, row.recipient, row.category))
        if target is not None and row.status == "discussed" and all(m.rumoured for m in row.sources):
            target.sources.extend(row.sources)
            del rows[key]
