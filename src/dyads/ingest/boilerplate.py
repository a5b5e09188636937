"""Remove boilerplate from scraped text (no tags left), line by line.

Each line gets the named features of `dyads.ingest.features`; `score_line` turns them into a content score
with a small hand-weighted sum, and names the feature that pulled the line down most (the reason recorded
when the line is removed). Context then decides what one line's score cannot:

0. clean text: a text with no page furniture (no repeated short line, no section heading, no menu, hardly
   any line with boilerplate evidence) keeps its extent; only lines with boilerplate evidence are dropped;
1. repetition: a short line seen more than once (menus, a caption shown twice) is dropped, every copy;
   a long prose line that is simply repeated keeps its first copy;
2. sections: a "Related"-like heading with the title lines under it, and comment-section headings, are
   dropped; they also cost the main block dearly, so comments and teaser lists are not joined to it;
3. the main block: the stretch of lines with the most prose (Kadane's maximum-sum run), where each line
   that is not prose costs a little, a prose line with no prose neighbour counts half (teasers and
   comments alternate with short lines; article paragraphs follow one another), and prose at the very end
   of a long page or after a comments heading counts less (legal notices, author boxes, comments);
4. a list announced by a colon at the end of the main block ("Tour dates:") joins the block;
5. inside the block, five or more lines in a row without prose are navigation (short lines between
   short lines); any other line is dropped when its score is below `drop_score`, unless its only faults
   are being short or title-like and prose lies on both sides (a subheading, a dateline, a one-line
   quote), or when it is not quite prose and carries clear boilerplate evidence (a newsletter pitch);
6. the headline: the first substantial title-like line above the block becomes the title (the first line,
   for clean text); lines that repeat it are dropped.
"""

from __future__ import annotations

import re

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from dyads.ingest.features import LineFeatures, line_features
from dyads.ingest.headline import lead_title, pick_title, title_copies
from dyads.ingest.options import DEFAULT_OPTIONS, HARD_EVIDENCE, MENU_ITEM_WORDS, BoilerplateOptions
from dyads.ingest.resources import stopwords
from dyads.ingest.scoring import LineScore, score_line
from dyads.ingest.sections import LIST_ITEM, section_blocks
from dyads.model import RemovedLine

REASONS = (
    "navigation", "consent", "paywall", "share-widget", "loading", "byline", "caption", "related-articles",
    "comments", "footer", "repeated", "short-fragment", "headline", "promotion", "outside-article",
)
"""Every reason a removed line can carry: a cue family, a feature, or a context step."""
HEADER_LINES = 6
"""How many removed lines above the article `CleanedText.header` keeps (where bylines and dates sit)."""


@dataclass(frozen=True, slots=True)
class CleanedText:
    """Result of `remove_boilerplate`: title, kept paragraphs, removed lines with reasons."""

    title: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[RemovedLine, ...] = field(default=())
    header: tuple[str, ...] = field(default=())
    """Removed lines just above the first kept paragraph, nearest first: bylines and date lines."""

    @property
    def text(self) -> str:
        """The kept paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)


def repeated_to_drop(features: Sequence[LineFeatures], options: BoilerplateOptions) -> dict[int, str]:
    """Step 1: short repeated lines go (all copies); long prose repeated keeps its first copy.

    Short lines repeat when they are near-identical (same words, digits aside: "34 Comments", "35 comments");
    a long prose line only when its text is the same. With a trusted extent (`main_block` off) short
    repeated lines stay: in an article they are list items.
    """
    seen: set[str] = set()
    drop: dict[int, str] = {}
    for f in features:
        if f.repeats < 2:
            continue
        if f.n_words >= options.repeat_keep_words and f.terminal == "sentence":
            exact = " ".join(f.text.lower().split())
            if exact in seen:
                drop[f.index] = "repeated"
            seen.add(exact)
        elif options.main_block:
            drop[f.index] = "repeated"
    return drop


def block_weights(features: Sequence[LineFeatures], scores: Sequence[LineScore], dropped: Mapping[int, str],
                  headings: Mapping[int, str], options: BoilerplateOptions) -> list[float]:
    """Step 3: the weight of each line for the main-block search.

    Prose lines weigh their words (up to `max_prose_weight`), times `tail_factor` in the last lines of a long
    page, `after_comments_factor` after a comments heading and `isolated_factor` without a prose neighbour.
    Other lines cost `neutral_cost`, or `boiler_cost` when dropped or scored below `drop_score`; headings
    cost `barrier_cost` (comments) or `related_cost`.
    """
    weights: list[float] = []
    tail_from = 1 - options.edge_share if len(features) >= options.edge_min_lines else 2.0
    for f, s in zip(features, scores, strict=True):
        if f.index in headings:
            weights.append(-(options.barrier_cost if headings[f.index] == "comments" else options.related_cost))
        elif f.index in dropped or s.score < options.drop_score:
            weights.append(-options.boiler_cost)
        elif s.score >= options.prose_score:
            tail = options.tail_factor if f.position >= tail_from else 1.0
            weights.append(min(f.n_words, options.max_prose_weight) * tail)
        else:
            weights.append(-options.neutral_cost)
    first_comments = min((i for i, kind in headings.items() if kind == "comments"), default=len(features))
    for i in range(first_comments, len(weights)):
        if weights[i] > 0:
            weights[i] *= options.after_comments_factor
    return [w * options.isolated_factor if w > 0 and not _has_prose_neighbour(weights, i) else w
            for i, w in enumerate(weights)]


def _has_prose_neighbour(weights: Sequence[float], i: int) -> bool:
    return (i > 0 and weights[i - 1] > 0) or (i + 1 < len(weights) and weights[i + 1] > 0)


def main_block(weights: Sequence[float]) -> tuple[int, int]:
    """The stretch ``[start, end)`` of lines with the largest total weight."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end


def _is_hard(s: LineScore, options: BoilerplateOptions) -> bool:
    return s.score < options.drop_score and not s.soft


def extend_list(features: Sequence[LineFeatures], scores: Sequence[LineScore], dropped: Mapping[int, str],
                end: int, options: BoilerplateOptions) -> int:
    """Step 4: when the block's last line, or the line after it, ends with a colon, take in the list that
    follows: lines of two or more words without boilerplate cues, up to the first that is not."""
    colon_at = next((i for i in (end - 1, end) if 0 <= i < len(features) and features[i].terminal == "colon"
                     and i not in dropped and not _is_hard(scores[i], options)), None)
    if colon_at is None:
        return end
    new_end = colon_at + 1
    for f in features[colon_at + 1: colon_at + 1 + options.max_list_lines]:
        s = scores[f.index]
        if f.index in dropped or _is_hard(s, options) or f.n_words < 2:
            break
        new_end = f.index + 1
    return new_end


def is_boilerplate(s: LineScore, *, protected: bool, options: BoilerplateOptions) -> bool:
    """Step 5: the verdict on a line inside the main block.

    Boilerplate when the score is below `drop_score` (unless the line is only short or title-like and
    ``protected``: between prose lines, in a list, or in trusted extractor output), or when the line is not
    quite prose and carries clear boilerplate evidence (a newsletter pitch written as a sentence).
    """
    if s.score < options.drop_score and not (s.soft and protected):
        return True
    return s.score < options.prose_score and s.hardness >= options.pitch_hardness


def navigation_runs(features: Sequence[LineFeatures], prose: Sequence[bool], start: int, end: int,
                    options: BoilerplateOptions) -> dict[int, str]:
    """Runs of `nav_run` or more lines without prose inside ``[start, end)``, list items excepted."""
    drop: dict[int, str] = {}
    run: list[int] = []
    for i in range(start, end + 1):
        if i < end and not prose[i] and not LIST_ITEM.match(features[i].text):
            run.append(i)
            continue
        if len(run) >= options.nav_run:
            drop.update({j: "navigation" for j in run})
        run = []
    return drop


def _sandwiched(i: int, keep_like: Sequence[bool], reach: int = 2) -> bool:
    """True when a prose line lies within ``reach`` lines on both sides of line ``i``."""
    before = any(keep_like[j] for j in range(max(0, i - reach), i))
    after = any(keep_like[j] for j in range(i + 1, min(len(keep_like), i + 1 + reach)))
    return before and after


def looks_clean(features: Sequence[LineFeatures], scores: Sequence[LineScore], headings: Mapping[int, str],
                options: BoilerplateOptions) -> bool:
    """Step 0: True for text that shows no page furniture: no repeated short line, no section heading, no menu
    (`menu_run` short lines in a row), and at most `clean_max_evidence` of its lines (or one line) with
    boilerplate evidence. Such text (an article from a feed or a JSONL record) keeps its extent; only lines
    with boilerplate evidence are dropped."""
    if headings or any(f.repeats > 1 and f.n_words < options.repeat_keep_words for f in features):
        return False
    run = 0
    for f in features:
        run = run + 1 if f.n_words <= MENU_ITEM_WORDS and f.terminal != "sentence" else 0
        if run >= options.menu_run:
            return False
    evidence = sum(1 for s in scores if s.hardness >= HARD_EVIDENCE and s.score < options.prose_score)
    return evidence <= max(1.0, options.clean_max_evidence * len(features))


def header_lines(lines: Sequence[str], kept_at: Sequence[int], dropped: Mapping[int, str],
                 limit: int = HEADER_LINES) -> tuple[str, ...]:
    """Up to ``limit`` lines above the first kept line, nearest first, leaving out headline copies, repeated lines
    (a photo caption printed twice) and lines of share icons or "Loading…", which would push a date line out."""
    first = kept_at[0] if kept_at else 0
    above: list[str] = []
    for i in range(first - 1, -1, -1):
        line = lines[i]
        if dropped.get(i) == "headline" or line in above or not _has_substance(line):
            continue
        above.append(line)
    return tuple(above[:limit])


def _has_substance(line: str) -> bool:
    """A digit or a word of three letters or more, other than "Loading": not a row of share icons."""
    return any(c.isdigit() for c in line) or any(
        len(w) >= 3 and w.isalpha() and w.lower() != "loading" for w in re.findall(r"\w+", line))




def remove_boilerplate(text: str, *, language: str = "en", title: str | None = None,
                       options: BoilerplateOptions = DEFAULT_OPTIONS) -> CleanedText:
    """Split scraped text into title, article paragraphs and removed lines (steps in the module docstring).

    ``language`` picks the stop-word profile; ``title``, when the source gave one, is used instead of
    guessing the headline (lines repeating it are still dropped).

    >>> result = remove_boilerplate("Home\\nWorld\\nPolitics\\nTalks resume in Doha after a pause of two weeks, "
    ...                             "officials said on Monday.\\nShare on Facebook")
    >>> result.paragraphs
    ('Talks resume in Doha after a pause of two weeks, officials said on Monday.',)
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    stop = stopwords().get(language, frozenset())
    features = line_features(lines, stop)
    scores = [score_line(f, has_stopwords=bool(stop), options=options) for f in features]
    sections, headings = section_blocks(features, scores, options)
    if options.main_block and looks_clean(features, scores, headings, options):
        options = replace(options, main_block=False)
    dropped = repeated_to_drop(features, options)
    dropped.update(sections)
    if options.main_block:
        start, list_start = main_block(block_weights(features, scores, dropped, headings, options))
        end = extend_list(features, scores, dropped, list_start, options)
    else:
        start, list_start, end = 0, len(lines), len(lines)
    title_index = None
    if title is None:
        title_index = pick_title(features, scores, before=start if options.main_block else lead_title(features))
    if title_index is not None:
        title = lines[title_index]
    if title:
        dropped.update({i: "headline" for i in title_copies(features, title, options)})
    prose = [s.score >= options.prose_score and f.index not in dropped for f, s in zip(features, scores, strict=True)]
    if options.main_block and options.nav_run:
        dropped.update(navigation_runs(features, prose, start, list_start, options))
    kept: list[str] = []
    kept_at: list[int] = []
    removed: list[RemovedLine] = []
    for f, s in zip(features, scores, strict=True):
        i = f.index
        if i == title_index:
            continue
        if i in dropped:
            removed.append(RemovedLine(f.text, dropped[i]))
        elif not start <= i < end:
            removed.append(RemovedLine(f.text, s.reason if s.score < options.prose_score else "outside-article"))
        elif is_boilerplate(s, protected=i >= list_start or not options.main_block or _sandwiched(i, prose),
                            options=options):
            removed.append(RemovedLine(f.text, s.reason))
        else:
            kept.append(f.text)
            kept_at.append(i)
    return CleanedText(title, tuple(kept), tuple(removed), header_lines(lines, kept_at, dropped))
