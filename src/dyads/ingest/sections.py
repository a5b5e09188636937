"""Section headings ("Related", "More stories", "34 Comments") and the related-articles blocks under them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dyads.ingest.features import LineFeatures, words
from dyads.ingest.options import BoilerplateOptions
from dyads.ingest.resources import section_headings
from dyads.ingest.scoring import LineScore

_LABEL = re.compile(r"^\W*(\w+(?:\s+\w+)?)\s*:\s*\S")
LIST_ITEM = re.compile(r"^(?:[-*•–·]|\d{1,2}[.)])\s")
"""A bulleted or numbered list item."""


def heading_kind(f: LineFeatures, headings: Mapping[str, frozenset[str]]) -> str | None:
    """``related-articles`` or ``comments`` when the line is a heading opening such a section, else None.

    A heading has at most 6 words (12 for a comments heading with a count: "34 responses to ..."), does not
    end a sentence (a trailing "..." is no sentence end) and is not a list item; "-weak" heading words count
    only on lines of at most 4 words, "-counted" ones only next to a number. A line led by a related-heading
    word and a colon ("Related: ...", "SEE MORE: ...") counts too.
    """
    related = headings.get("related-articles", frozenset()) | headings.get("related-articles-weak", frozenset())
    label = _LABEL.match(f.text)
    if label and {t.lower() for t in words(label.group(1))} & related:
        return "related-articles"
    ends_sentence = f.terminal == "sentence" and not f.text.rstrip().endswith(("...", "…"))
    if ends_sentence or f.n_words > 12 or LIST_ITEM.match(f.text):
        return None
    tokens = words(f.text)
    lowered = {t.lower() for t in tokens}
    counted = any(t.isdigit() for t in tokens)
    for name, cues in headings.items():
        kind = name.removesuffix("-weak").removesuffix("-counted")
        limit = 4 if name.endswith("-weak") else 6
        if kind == "comments" and counted:
            limit = 12
        elif name.endswith("-counted"):
            continue
        if f.n_words <= limit and lowered & cues:
            return kind
    return None


def section_blocks(features: Sequence[LineFeatures], scores: Sequence[LineScore],
                   options: BoilerplateOptions) -> tuple[dict[int, str], dict[int, str]]:
    """Step 2: lines of related-articles blocks and comment headings, and the headings with their kind.

    After a related heading, the lines that do not end a sentence (article titles, bylines) are dropped too,
    up to the next prose line.
    """
    drop: dict[int, str] = {}
    headings_at: dict[int, str] = {}
    table = section_headings()
    for f in features:
        kind = heading_kind(f, table)
        if kind is None:
            continue
        drop[f.index] = kind
        headings_at[f.index] = kind
        if kind == "related-articles":
            for g in features[f.index + 1:]:
                if scores[g.index].score >= options.prose_score or g.terminal == "sentence":
                    break
                drop[g.index] = kind
    return drop, headings_at


