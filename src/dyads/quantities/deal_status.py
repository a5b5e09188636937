"""The status of an arms deal from the language of one sentence: agreed, delivered, cancelled, rumoured ...

`deal_status` looks for the cues of ``data/weapons/deal_status.tsv`` (whose header documents the cue
syntax) and decides in three steps, numbered as in the code:

1. overlapping cues: the one with more words wins ("agreed to buy" over "buy"; a blocker such as "in order
   to" silences the "order" inside it);
2. a cue is dropped when a negation precedes it in the same clause ("has not delivered", "no contract had
   been signed", "have yet to deliver"); cues of things done are dropped when a future or infinitive marker
   precedes them ("will deliver", "to be delivered") or a future word follows them ("the first batch will
   arrive");
3. the highest remaining status in `PRECEDENCE` wins.

Lemmas are guessed from the word form (English suffixes plus a short list of irregular verbs), so the
function needs no language model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dyads.tables import data_path, read_tsv, split_multi

STATUSES = (
    "discussed", "requested", "agreed", "ordered", "delivered", "delayed", "cancelled", "refused", "denied",
    "rumoured",
)
PRECEDENCE = (
    "denied", "rumoured", "cancelled", "refused", "delayed", "delivered", "ordered", "agreed", "requested",
    "discussed",
)
"""Highest first: a denial or an unconfirmed report qualifies the rest; a deal that ended outranks one that
progressed; otherwise the further a deal has gone, the higher."""

BLOCK = "none"
GAP = "..."
MAX_GAP = 4
"""Most words a ``...`` in a cue may stand for."""

NEGATION_WINDOW = 3
NEGATORS = frozenset({"not", "never", "no", "nor", "neither", "without", "yet", "failed", "fail", "fails", "cannot"})
FUTURE_BEFORE = frozenset({"will", "would", "shall", "'ll", "’ll", "to", "could", "may", "might", "should"})
FUTURE_AFTER = frozenset({"will", "would", "shall", "due", "expected", "scheduled", "slated"})
DONE_STATUSES = frozenset({"agreed", "ordered", "delivered", "delayed", "cancelled", "refused"})
"""Statuses of things that happened, which a future or infinitive marker turns into plans or demands
("will deliver", "urged Turkey to halt arms sales")."""

IRREGULAR = {
    "bought": "buy", "sought": "seek", "sold": "sell", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "made": "make", "held": "hold", "began": "begin", "begun": "begin", "sent": "send",
    "struck": "strike", "won": "win", "withdrew": "withdraw", "withdrawn": "withdraw", "froze": "freeze",
    "frozen": "freeze", "said": "say", "came": "come", "went": "go", "got": "get", "told": "tell",
    "paid": "pay", "brought": "bring", "drew": "draw", "chose": "choose", "chosen": "choose", "put": "put",
    "set": "set", "cut": "cut", "hit": "hit", "let": "let", "shut": "shut", "understood": "understand",
}
_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]")
_CLAUSE = frozenset(",;:.!?()\"“”[]—–")


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue phrase: its words (``=`` marks an exact form), gaps as `GAP`, and its status."""

    words: tuple[str, ...]
    status: str

    @property
    def size(self) -> int:
        return sum(w != GAP for w in self.words)


@dataclass(frozen=True, slots=True)
class Hit:
    cue: Cue
    start: int
    end: int
    """Index of the last token."""


def lemmas(word: str) -> frozenset[str]:
    """Possible lemmas of a word form: "delivered" -> {"delivered", "deliver", "delivere"}; a guess."""
    w = word.lower().replace("’", "'")
    out = {w}
    if w in IRREGULAR:
        out.add(IRREGULAR[w])
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)),
                                 ("ed", ("", "e")), ("ing", ("", "e"))):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            for r in replacements:
                out.add(stem + r)
            if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])
    if w.endswith("d") and len(w) > 3:
        out.add(w[:-1])
    return frozenset(out)


@lru_cache(maxsize=1)
def load_cues() -> dict[str, tuple[Cue, ...]]:
    """The cues of ``deal_status.tsv``, indexed by their first word (without ``=``)."""
    index: dict[str, list[Cue]] = {}
    for _, row in read_tsv(data_path("weapons/deal_status.tsv"), required=("cue", "status")):
        for phrase in split_multi(row["cue"]):
            words = tuple(w.lower() for w in phrase.split())
            index.setdefault(words[0].lstrip("="), []).append(Cue(words, row["status"]))
    return {key: tuple(cues) for key, cues in index.items()}


def _word_matches(cue_word: str, token: str, token_lemmas: frozenset[str]) -> bool:
    if cue_word.startswith("="):
        return token.lower() == cue_word[1:]
    return cue_word in token_lemmas


def _match(cue: Cue, tokens: list[str], forms: list[frozenset[str]], start: int) -> int | None:
    """Index of the last token of ``cue`` matched from ``start``, or None."""
    if not _word_matches(cue.words[0], tokens[start], forms[start]):
        return None
    position, gap = start, False
    for word in cue.words[1:]:
        if word == GAP:
            gap = True
            continue
        limit = position + 1 + (MAX_GAP if gap else 0)
        for j in range(position + 1, min(limit + 1, len(tokens))):
            if _word_matches(word, tokens[j], forms[j]):
                position = j
                break
            if tokens[j] in _CLAUSE:
                return None
        else:
            return None
        gap = False
    return position


def _hits(tokens: list[str], forms: list[frozenset[str]]) -> Iterator[Hit]:
    index = load_cues()
    for i, candidates in enumerate(forms):
        seen: set[Cue] = set()
        for key in candidates | {tokens[i].lower()}:
            for cue in index.get(key, ()):
                if cue in seen:
                    continue
                seen.add(cue)
                end = _match(cue, tokens, forms, i)
                if end is not None:
                    yield Hit(cue, i, end)


def _negated(tokens: list[str], start: int) -> bool:
    for j in range(start - 1, max(start - 1 - NEGATION_WINDOW, -1), -1):
        word = tokens[j].lower()
        if word in _CLAUSE:
            return False
        if word in NEGATORS or word.endswith(("n't", "n’t")):
            return True
    return False


def _future(tokens: list[str], hit: Hit) -> bool:
    before = [t.lower() for t in tokens[max(hit.start - 2, 0) : hit.start]]
    after = [t.lower() for t in tokens[hit.end + 1 : hit.end + 3]]
    return any(w in FUTURE_BEFORE for w in before) or any(w in FUTURE_AFTER for w in after)


def deal_status(sentence: str) -> tuple[str, str] | None:
    """The status an arms-transfer sentence gives its deal, with the words that showed it.

    Args:
        sentence: one sentence about an arms transfer.

    Returns:
        ``(status, cue)``: status one of `STATUSES`, cue the words of the sentence that expressed it; None
        when no cue is found.

    >>> deal_status("Serbia signed a contract to buy 12 Rafale jets.")
    ('agreed', 'signed a contract')
    >>> deal_status("Egypt has cancelled its order for Su-35 fighters.")
    ('cancelled', 'cancelled')
    """
    spans = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(sentence)]
    tokens = [t for _, _, t in spans]
    forms = [lemmas(t) for t in tokens]
    # 1. overlaps: more cue words, then a longer span, then the higher status wins
    rank = {status: i for i, status in enumerate((*PRECEDENCE, BLOCK))}
    hits = sorted(_hits(tokens, forms), key=lambda h: (-h.cue.size, h.start - h.end, rank[h.cue.status]))
    kept: list[Hit] = []
    for hit in hits:
        if all(hit.end < k.start or k.end < hit.start for k in kept):
            kept.append(hit)
    # 2. negation and future
    live = [
        h for h in kept
        if h.cue.status != BLOCK
        and not _negated(tokens, h.start)
        and not (h.cue.status in DONE_STATUSES and _future(tokens, h))
    ]
    if not live:
        return None
    # 3. precedence
    best = min(live, key=lambda h: (rank[h.cue.status], h.start))
    return best.cue.status, sentence[spans[best.start][0] : spans[best.end][1]]
