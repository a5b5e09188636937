"""Cross-article merge: the same real-world event told by many stories becomes one event with N sources.

Pure functions over `Mention` values (no database). Two mentions may be the same event when

- they have the same source and target at country level (the actor code for actors of no state) and the same
  CAMEO root (this is the *block* the store recomputes);
- their codes are compatible: one is a prefix of the other (``07`` / ``072``) or they share the 3-digit base;
- their dates are compatible given each date's precision: the intervals (a day, an ISO week, a month, a year),
  each widened by `TOLERANCE_DAYS`, overlap; a mention with no date fits any date;
- their modalities are of the same class (done / intended / demanded / not done / hypothetical);
- their evidence does not conflict: when both name weapons they share one (or its category: a "Leopard 2" and
  "Leopard tanks" are the same delivery), when both count the same thing the
  numbers agree within 25 %, when both name a location country it is the same.

A mention joins a cluster only if it is compatible with every member and its interval overlaps the cluster's
(the intersection of its members' intervals), so a vague "in 2023" cannot chain two distinct March events
together. Mentions are taken most precise date first, then by date, then by id; among several clusters a mention
fits, the one whose sentences share most words with it wins, then the larger, then the earlier-made. The result
is a function of the set of mentions only, so any ingest order gives the same merged events.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

TOLERANCE_DAYS = 1
"""Each mention's interval is widened by this much on both sides: two day-precise reports up to 2 days apart
(a time-zone, a "yesterday" resolved against a late-filed story) are the same event."""

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
MODALITY_CLASS = {
    "asserted": "done", "reported": "done",
    "intended": "intended", "demanded": "demanded", "hypothetical": "hypothetical",
    "refused": "not", "negated": "not", "denied": "not",
}
QUANTITY_TOLERANCE = 0.25
_WORD = re.compile(r"[a-z0-9]{4,}")
_STOP = frozenset("said says that with from this have will would were been their there which about after".split())


def date_bounds(text: str | None, precision: str | None) -> tuple[date | None, date | None]:
    """The first and last day a stored date can mean at its precision (``week``: the ISO week from its Monday)."""
    if not text:
        return None, None
    try:
        if precision == "year" or len(text) == 4:
            y = int(text[:4])
            return date(y, 1, 1), date(y, 12, 31)
        if precision == "month" or len(text) == 7:
            y, m = int(text[:4]), int(text[5:7])
            start = date(y, m, 1)
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return start, nxt - timedelta(days=1)
        day = date.fromisoformat(text[:10])
    except ValueError:
        return None, None
    if precision == "week":
        return day, day + timedelta(days=6)
    return day, day


def quad_class(root: str) -> int:
    """CAMEO root to GDELT's QuadClass: 01-05 verbal cooperation 1, 06-08 material cooperation 2, 09-14 verbal
    conflict 3, 15-20 material conflict 4 (0 when the root is not a CAMEO root)."""
    try:
        r = int(root[:2])
    except ValueError:
        return 0
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 14:
        return 3
    if 15 <= r <= 20:
        return 4
    return 0


def _generic(code: str) -> str:
    """CAMEO's "not specified below" codes (``190``, ``040``) say no more than their root."""
    return code[:2] if len(code) == 3 and code.endswith("0") else code


def codes_compatible(a: str, b: str) -> bool:
    """One code refines the other (a root's "not specified" code ``190`` counts as the root ``19``), or both share
    the 3-digit base code."""
    a, b = _generic(a), _generic(b)
    return a.startswith(b) or b.startswith(a) or (len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3])


@dataclass(slots=True)
class Mention:
    """One coded mention (a stored ``events`` row) with what the merge needs; ``row`` keeps the rest."""

    event_id: str
    doc_key: str
    sentence_index: int
    source_key: str
    target_key: str
    cameo: str
    date: str | None
    precision: str
    start: date | None
    end: date | None
    modality: str
    confidence: float
    sentence: str = ""
    weapons: frozenset[str] = frozenset()
    """Weapon names and ``category:`` entries, lower case."""
    counts: tuple[tuple[str, float], ...] = ()
    location_country: str | None = None
    row: dict[str, Any] = field(default_factory=dict)
    _words: frozenset[str] | None = None

    @property
    def block(self) -> tuple[str, str, str]:
        return self.source_key, self.target_key, self.cameo[:2]

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(w for w in _WORD.findall(self.sentence.lower()) if w not in _STOP)
        return self._words

    def padded(self) -> tuple[int, int] | None:
        if self.start is None or self.end is None:
            return None
        return self.start.toordinal() - TOLERANCE_DAYS, self.end.toordinal() + TOLERANCE_DAYS

    def sort_key(self) -> tuple[int, int, str]:
        return (PRECISION_RANK.get(self.precision, 4), self.start.toordinal() if self.start else 10**9,
                self.event_id)


def mention_from_row(row: dict[str, Any]) -> Mention:
    """A `Mention` from a stored event row (the store's column names; JSON columns as text)."""
    start, end = row.get("date_start"), row.get("date_end")
    if start is None and row.get("date"):
        start, end = date_bounds(row["date"], row.get("date_precision"))
    weapons: frozenset[str] = frozenset()
    raw_w = row.get("weapons")
    if raw_w and raw_w != "[]":
        named = _json(raw_w)
        weapons = frozenset([w["name"].lower() for w in named if w.get("name")]
                            + [f"category:{w['category'].lower()}" for w in named if w.get("category")])
    counts: list[tuple[str, float]] = []
    raw_q = row.get("quantities")
    if raw_q and raw_q != "[]":
        for q in _json(raw_q):
            if q.get("value") is not None:
                counts.append((f"{q.get('kind')}:{(q.get('unit') or '').lower()}", float(q["value"])))
    loc = row.get("location")
    loc_country = _json(loc).get("country") if loc and loc != "null" else None
    return Mention(
        event_id=row["event_id"], doc_key=row["doc_key"], sentence_index=int(row.get("sentence_index") or 0),
        source_key=row.get("source_country") or row.get("source_code") or "",
        target_key=row.get("target_country") or row.get("target_code") or "",
        cameo=row["cameo"], date=row.get("date"), precision=row.get("date_precision") or "unknown",
        start=start, end=end, modality=row.get("modality") or "asserted",
        confidence=float(row.get("confidence") or 0.0), sentence=row.get("sentence") or "", weapons=weapons,
        counts=tuple(sorted(counts)), location_country=loc_country, row=row,
    )


def _json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else (v or {})


def compatible(a: Mention, b: Mention) -> bool:
    """Could these two mentions tell the same event? (Dates are checked against the cluster, not here.)"""
    if a.block != b.block or not codes_compatible(a.cameo, b.cameo):
        return False
    if MODALITY_CLASS.get(a.modality, a.modality) != MODALITY_CLASS.get(b.modality, b.modality):
        return False
    if a.weapons and b.weapons and not (a.weapons & b.weapons):
        return False
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return False
    if a.counts and b.counts:
        bs = dict(b.counts)
        for unit, value in a.counts:
            other = bs.get(unit)
            if other is not None and abs(value - other) > QUANTITY_TOLERANCE * max(abs(value), abs(other)):
                return False
    return True


@dataclass(slots=True)
class Cluster:
    """Mentions taken as one event; ``interval`` is where all their (padded) dates overlap, None if undated."""

    index: int
    members: list[Mention]
    interval: tuple[int, int] | None

    def accepts(self, m: Mention) -> tuple[int, int] | None | bool:
        """The new interval if ``m`` may join (None when both are undated), False when it may not."""
        p = m.padded()
        if p is None:
            new = self.interval
        elif self.interval is None:
            new = p
        else:
            lo, hi = max(p[0], self.interval[0]), min(p[1], self.interval[1])
            if lo > hi:
                return False
            new = (lo, hi)
        if not all(compatible(m, other) for other in self.members):
            return False
        return new

    def similarity(self, m: Mention) -> float:
        words = frozenset().union(*(x.words for x in self.members))
        if not words or not m.words:
            return 0.0
        return len(words & m.words) / len(words | m.words)


def cluster_block(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Cluster the mentions of one block; each cluster lists its members in merge order (anchor first)."""
    ordered = sorted(mentions, key=Mention.sort_key)
    clusters: list[Cluster] = []
    by_week: dict[int, list[Cluster]] = defaultdict(list)
    for m in ordered:
        p = m.padded()
        if p is None:
            candidates = clusters
        else:
            seen: dict[int, Cluster] = {}
            for wk in range(p[0] // 7, p[1] // 7 + 1):
                for c in by_week.get(wk, ()):
                    seen[c.index] = c
            candidates = [seen[i] for i in sorted(seen)]  # undated clusters only start after every dated one
        best: tuple[tuple[float, int, int], Cluster, Any] | None = None
        for c in candidates:
            new = c.accepts(m)
            if new is False:
                continue
            score = (c.similarity(m) if len(candidates) > 1 else 0.0, len(c.members), -c.index)
            if best is None or score > best[0]:
                best = (score, c, new)
        if best is not None:
            _, c, new = best
            c.members.append(m)
            if new is not None:
                c.interval = new  # narrower than before: the week index stays a superset
            continue
        c = Cluster(len(clusters), [m], p)
        clusters.append(c)
        if p is not None:
            for wk in range(p[0] // 7, p[1] // 7 + 1):
                by_week[wk].append(c)
    return [c.members for c in clusters]


def cluster_mentions(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Cluster mentions of any blocks; blocks are taken in sorted order so the output order is stable."""
    blocks: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        blocks[m.block].append(m)
    out: list[list[Mention]] = []
    for key in sorted(blocks):
        out.extend(cluster_block(blocks[key]))
    return out


def combined_confidence(members: Sequence[Mention]) -> float:
    """1 - prod(1 - c) over documents, each document counted once with its most confident mention
    (two sentences of one article are not independent witnesses)."""
    best: dict[str, float] = {}
    for m in members:
        best[m.doc_key] = max(best.get(m.doc_key, 0.0), m.confidence)
    miss = 1.0
    for c in best.values():
        miss *= 1.0 - min(max(c, 0.0), 1.0)
    return round(1.0 - miss, 4)


def merged_id(members: Sequence[Mention]) -> str:
    """The merged event's id (24 hex digits), derived from its anchor mention (the most precise, earliest,
    smallest id), so it stays the same while new sources join, unless one brings a more precise date."""
    return hashlib.sha256(("merged:" + members[0].event_id).encode()).hexdigest()[:24]


def gdelt_event_id(mid: str) -> int:
    """A positive 60-bit integer for GDELT's GLOBALEVENTID, derived from the merged id."""
    return int(hashlib.sha256(mid.encode()).hexdigest()[:15], 16)


def _mode(values: Iterable[str | None], *, prefer_long: bool = True) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return max(counts, key=lambda v: (counts[v], len(v) if prefer_long else 0, [-ord(ch) for ch in v]))


def summarise(members: Sequence[Mention]) -> dict[str, Any]:
    """The merged event's row: the code most mentions give (ties: the most specific), the date of the most
    precise mentions, counts of sentences and documents, the combined confidence and a representative sentence."""
    cameo = _mode(m.cameo for m in members) or members[0].cameo
    best_rank = min(PRECISION_RANK.get(m.precision, 4) for m in members)
    precise = [m for m in members if PRECISION_RANK.get(m.precision, 4) == best_rank]
    date_counts = Counter(m.date for m in precise if m.date)
    rep_date = max(date_counts, key=lambda d: (date_counts[d], [-ord(ch) for ch in d])) if date_counts else None
    dated = next((m for m in precise if m.date == rep_date), precise[0])
    by_code = [m for m in members if m.cameo == cameo]
    lead = max(by_code, key=lambda m: (m.confidence, -PRECISION_RANK.get(m.precision, 4), -m.sentence_index,
                                       [-ord(ch) for ch in m.event_id]))
    row = lead.row

    def actor(side: str) -> dict[str, Any]:
        code = _mode(m.row.get(f"{side}_code") for m in members)
        named = next((m.row for m in members if m.row.get(f"{side}_code") == code and m.row.get(f"{side}_name")),
                     None)
        src = next((m.row for m in members if m.row.get(f"{side}_code") == code), row)
        return {f"{side}_code": code, f"{side}_country": src.get(f"{side}_country"),
                f"{side}_role": src.get(f"{side}_role"),
                f"{side}_name": (named or src).get(f"{side}_name")}

    weapons = sorted(w for w in set().union(*(m.weapons for m in members)) if not w.startswith("category:"))
    seen_at = [m.row.get("ingested_at") for m in members if m.row.get("ingested_at") is not None]
    return {
        "merged_id": merged_id(members),
        "source_key": members[0].source_key, "target_key": members[0].target_key, "cameo_root": cameo[:2],
        **actor("source"), **actor("target"),
        "cameo": cameo, "cameo_name": row.get("cameo_name"), "plover": row.get("plover"),
        "plover_mode": row.get("plover_mode"), "goldstein": row.get("goldstein"), "quad_class": quad_class(cameo),
        "modality": _mode((m.modality for m in members), prefer_long=False),
        "date": rep_date, "date_precision": dated.precision if rep_date else "unknown",
        "date_start": dated.start if rep_date else None, "date_end": dated.end if rep_date else None,
        "n_mentions": len(members),
        "n_sources": len({(m.doc_key, m.sentence_index) for m in members}),
        "n_documents": len({m.doc_key for m in members}),
        "n_sites": len({m.row.get("site") or m.row.get("url") or m.doc_key for m in members}),
        "confidence": combined_confidence(members),
        "sentence": lead.sentence, "doc": row.get("doc"), "url": row.get("url"),
        "weapons": json.dumps(weapons), "location": row.get("location"),
        "min_sentence_index": min(m.sentence_index for m in members),
        "first_seen": min(seen_at) if seen_at else None,
    }
