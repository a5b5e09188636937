"""Scoring coded events against gold sentences (the format of ``../shared/eval/coded_sentences/dev.jsonl``).

Gold: one JSON object per sentence: ``id``, ``text``, ``date``, ``expected``: a list of
``{"source", "target", "cameo", "plover"}`` (actor codes such as ``FRAGOV``; a gold event carries either a CAMEO
code or a PLOVER type). A gold event with an empty target matches any predicted target.

Two levels: *root* (source country, target country, CAMEO root or PLOVER type) and *full* (the complete CAMEO
code; PLOVER-only gold is compared by type at both levels). Reported per CAMEO root too, with the misses listed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def actor_country(actor: Mapping[str, Any] | str | None) -> str:
    """The country part of an actor: its ISO3 ``country``, else the first three letters of its code."""
    if isinstance(actor, Mapping):
        value = actor.get("country") or (actor.get("code") or "")[:3]
    else:
        value = (actor or "")[:3]
    value = (value or "").upper()
    return "" if value in ("---", "***") else value


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class EvalReport:
    root: Counts = field(default_factory=Counts)
    full: Counts = field(default_factory=Counts)
    by_root: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    type_hits: int = 0
    sentences_with_events: int = 0
    no_event_sentences: int = 0
    events_on_no_event: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        return self.type_hits / self.sentences_with_events if self.sentences_with_events else 0.0


def _gold_key(g: Mapping[str, Any], full: bool) -> tuple[str, str, str]:
    if g.get("cameo"):
        kind = g["cameo"] if full else g["cameo"][:2]
        return actor_country(g.get("source")), actor_country(g.get("target")) or "*", "C" + kind
    return actor_country(g.get("source")), actor_country(g.get("target")) or "*", "P" + (g.get("plover") or "").upper()


def _pred_key(p: Mapping[str, Any], uses_cameo: bool, full: bool) -> tuple[str, str, str]:
    if uses_cameo:
        code = p.get("cameo") or ""
        kind = "C" + (code if full else code[:2])
    else:
        kind = "P" + (p.get("plover") or "").upper()
    return actor_country(p.get("source")), actor_country(p.get("target")), kind


def _match(items: set[tuple[str, str, str]], got: set[tuple[str, str, str]], counts: Counts) -> tuple[set, set]:
    matched: set[tuple[str, str, str]] = set()
    missed: set[tuple[str, str, str]] = set()
    for s, t, k in items:
        hit = {q for q in got if q[0] == s and q[2] == k and (t == "*" or q[1] == t)}
        if hit:
            counts.tp += 1
            matched |= hit
        else:
            counts.fn += 1
            missed.add((s, t, k))
    counts.fp += len(got - matched)
    return matched, missed


def evaluate(gold: Sequence[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]) -> EvalReport:
    """Score predicted event records (``doc`` = the gold ``id``) against the gold sentences."""
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for p in predicted:
        by_doc[str(p.get("doc"))].append(p)
    report = EvalReport()
    for g in gold:
        preds = by_doc.get(str(g["id"]), [])
        expected = g.get("expected") or []
        if not expected:
            report.no_event_sentences += 1
            report.events_on_no_event += len(preds)
            if preds:
                report.false_alarms.append({"id": g["id"], "text": g["text"], "predicted": preds})
            continue
        uses_cameo = any(x.get("cameo") for x in expected)
        report.sentences_with_events += 1
        root_items = {_gold_key(x, False) for x in expected}
        root_got = {_pred_key(p, uses_cameo, False) for p in preds}
        report.type_hits += bool({i[2] for i in root_items} & {x[2] for x in root_got})
        _, missed = _match(root_items, root_got, report.root)
        _match({_gold_key(x, True) for x in expected}, {_pred_key(p, uses_cameo, True) for p in preds}, report.full)
        for item in root_items:
            root = item[2][1:] if item[2].startswith("C") else item[2][1:]
            c = report.by_root[root]
            if item in missed:
                c.fn += 1
            else:
                c.tp += 1
        for item in root_got:
            if not any(item[0] == i[0] and item[2] == i[2] and (i[1] == "*" or i[1] == item[1]) for i in root_items):
                report.by_root[item[2][1:]].fp += 1
        if missed:
            report.misses.append({
                "id": g["id"], "text": g["text"],
                "missed": [f"{s or '?'} -> {t} {k[1:]}" for s, t, k in sorted(missed)],
                "predicted": [f"{s or '?'} -> {t or '-'} {k[1:]}" for s, t, k in sorted(root_got)],
            })
    return report
