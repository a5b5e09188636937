"""Named, testable features of one line of scraped text, for the boilerplate scorer.

Each feature is a small function of the line (or of the line and the document, for position and repetition),
so a test can pin one behaviour at a time. `line_features` computes them all for a document's lines.

    n_words            length in words (CJK characters count as half a word each)
    terminal           "sentence" (ends in . ! ? … or a closing quote after one), "colon", or "none"
    stopword_ratio     share of words that are function words of the document's language
    capitalised_ratio  share of words that start with a capital (title-case menus and headlines)
    separator_ratio    "|" "/" "»" "›" "•" "·" ">" per word (breadcrumbs, menus); 0 for a "| table | row |"
    link_ratio         URLs, e-mail addresses, @handles and link-ish words ("click", "here", "share") per word
    digit_ratio        share of characters that are digits (dates, scores, prices, counters)
    position           index / (number of lines - 1): 0 at the top, 1 at the bottom
    repeats            how many lines of the document have the same normalised text (1 = unique)
    credit             the line ends with a picture credit ("... Credit: Getty", "(Image: AFP)", "Photo: Reuters")
    imperative         the line opens with a call-to-action verb ("Get", "Follow", "Sign up"), outside quotes
    you_ratio          share of second-person words ("you", "your"): promotions talk to the reader
    cue_family         the cue-word family with most words in the line ("consent", "paywall", ...),
                       with its number of words (cue_hits) and their share of the line (cue_share)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dyads.ingest.resources import call_to_action, cue_families, cue_index, link_words

_WORD = re.compile(r"\w+(?:['’.]\w+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LINKISH = re.compile(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.\w+|(?<!\w)@\w+|\b\w+\.(?:com|org|net)\b", re.I)
_SEPARATORS = re.compile(r"[|/»›•·>«‹]")
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]*)$")
_COLON_END = re.compile(r"[:：]$")
CREDIT_TAIL_CHARS = 60
_CREDIT = re.compile(r"(?:^|[\s(\[|])(\w+)\s*(?::|\bby\b)\s*[^.:;!?()]{1,40}?[)\]]?\s*$", re.IGNORECASE)
_KEY = re.compile(r"[\W\d_]+")


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """The features of one non-blank line (see the module docstring for their meaning)."""

    index: int
    text: str
    n_words: float
    terminal: str
    stopword_ratio: float
    capitalised_ratio: float
    separator_ratio: float
    link_ratio: float
    digit_ratio: float
    position: float
    repeats: int
    cue_family: str | None
    cue_share: float
    cue_hits: int
    imperative: bool
    credit: bool
    you_ratio: float


def words(line: str) -> list[str]:
    """The word tokens of a line (letters, digits and inner apostrophes or dots)."""
    return _WORD.findall(line)


def word_count(line: str, tokens: Sequence[str]) -> float:
    """Length in words; a CJK character counts as half a word, since those scripts do not use spaces."""
    if line.isascii():
        return float(len(tokens))
    cjk = len(_CJK.findall(line))
    if not cjk:
        return float(len(tokens))
    latin = sum(1 for t in tokens if not _CJK.search(t))
    return latin + cjk / 2


def terminal(line: str) -> str:
    """How a line ends: ``sentence``, ``colon`` or ``none``."""
    stripped = line.rstrip()
    if _SENTENCE_END.search(stripped):
        return "sentence"
    if _COLON_END.search(stripped):
        return "colon"
    return "none"


def stopword_ratio(tokens: Sequence[str], stop: frozenset[str]) -> float:
    """Share of tokens that are function words; prose has many, menus and names almost none."""
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t.lower() in stop) / len(tokens)


def capitalised_ratio(tokens: Sequence[str]) -> float:
    """Share of alphabetic tokens that start with a capital letter."""
    alpha = [t for t in tokens if t[0].isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for t in alpha if t[0].isupper()) / len(alpha)


def separator_ratio(line: str, n_words: float) -> float:
    """Menu and breadcrumb separators per word; a table row ("| a | b |") has none, it is content."""
    if line.startswith("|") and line.endswith("|"):
        return 0.0
    return len(_SEPARATORS.findall(line)) / max(n_words, 1.0)


def link_ratio(line: str, tokens: Sequence[str], vocabulary: frozenset[str]) -> float:
    """URLs, addresses and handles, plus link-ish vocabulary, per word (capped at 1)."""
    hits = len(_LINKISH.findall(line)) * 2 + sum(1 for t in tokens if t.lower() in vocabulary)
    return min(1.0, hits / max(len(tokens), 1))


def digit_ratio(line: str) -> float:
    """Share of non-space characters that are digits."""
    chars = len(line) - sum(map(str.isspace, line))
    return sum(map(str.isdigit, line)) / chars if chars else 0.0


def imperative(line: str, tokens: Sequence[str], verbs: frozenset[str]) -> bool:
    """True when the line opens with a call-to-action verb (a quoted line is speech, not a button)."""
    return bool(tokens) and tokens[0].lower() in verbs and line[:1].isalpha()


def picture_credit(line: str, caption_words: frozenset[str]) -> bool:
    """True when the line ends with a credit label: a caption word then ":" or "by" and a short name."""
    match = _CREDIT.search(line[-CREDIT_TAIL_CHARS:])
    return match is not None and match.group(1).lower() in caption_words


def line_key(line: str) -> str:
    """Normalised text for repetition: lower case, letters only (so "3 comments" = "5 Comments")."""
    return _KEY.sub(" ", line.lower()).strip()


def strongest_cue(line: str, tokens: Sequence[str], index: Mapping[str, tuple[str, ...]],
                  order: Sequence[str]) -> tuple[str | None, int]:
    """The cue-word family with most words in the line (the © sign counts as a word), and that count.

    ``index`` maps a cue word to its families; ties go to the family first in ``order`` (the data file's).
    """
    counts: dict[str, int] = {}
    for token in [t.lower() for t in tokens] + ["©"] * line.count("©"):
        for family in index.get(token, ()):
            counts[family] = counts.get(family, 0) + 1
    if not counts:
        return None, 0
    best = max(counts, key=lambda family: (counts[family], -order.index(family)))
    return best, counts[best]


def line_features(lines: Sequence[str], stop: frozenset[str]) -> list[LineFeatures]:
    """Compute `LineFeatures` for every line of a document (lines already stripped and non-blank)."""
    families, vocabulary, address = cue_families(), link_words(), call_to_action()
    by_word, order = cue_index(), tuple(families)
    verbs, second_person = address.get("verb", frozenset()), address.get("you", frozenset())
    keys = [line_key(line) for line in lines]
    counts = Counter(keys)
    last = max(len(lines) - 1, 1)
    features = []
    for index, line in enumerate(lines):
        tokens = words(line)
        n_words = word_count(line, tokens)
        family, hits = strongest_cue(line, tokens, by_word, order)
        features.append(
            LineFeatures(
                index=index,
                text=line,
                n_words=n_words,
                terminal=terminal(line),
                stopword_ratio=stopword_ratio(tokens, stop),
                capitalised_ratio=capitalised_ratio(tokens),
                separator_ratio=separator_ratio(line, n_words),
                link_ratio=link_ratio(line, tokens, vocabulary),
                digit_ratio=digit_ratio(line),
                position=index / last,
                repeats=counts[keys[index]] if keys[index] else 1,
                cue_family=family,
                cue_share=hits / max(len(tokens), 1),
                cue_hits=hits,
                imperative=imperative(line, tokens, verbs),
                credit=picture_credit(line, families.get("caption", frozenset())),
                you_ratio=stopword_ratio(tokens, second_person),
            )
        )
    return features
