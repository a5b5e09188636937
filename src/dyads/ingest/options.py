"""The one options object of the boilerplate remover: every weight and threshold, with what it does."""

from __future__ import annotations

from dataclasses import dataclass

MENU_ITEM_WORDS = 3
"""A menu item has at most this many words."""
HARD_EVIDENCE = 2.5
"""A line whose other (cue, link, separator, digit) terms sum below minus this is boilerplate evidence."""


@dataclass(frozen=True, slots=True)
class BoilerplateOptions:
    """Weights and thresholds of the remover, in one object passed explicitly."""

    prose_score: float = 2.0
    """A line scoring at least this is prose: it pulls the main block towards itself."""
    drop_score: float = -1.0
    """A line scoring below this is boilerplate even inside the main block (unless sandwiched, step 5)."""
    neutral_cost: float = 3.0
    """What a line that is neither prose nor boilerplate costs the main block, in words."""
    boiler_cost: float = 8.0
    """What a boilerplate line costs the main block, in words."""
    barrier_cost: float = 40.0
    """What a comment-section heading costs the main block, in words."""
    related_cost: float = 20.0
    """What a related-articles heading costs the main block, in words (such boxes often sit inside articles)."""
    after_comments_factor: float = 0.5
    """Weight kept by prose lines after a comment-section heading (likely comments)."""
    tail_factor: float = 0.3
    """Weight kept by prose lines in the last `edge_share` of a page (legal notices, author boxes), on pages
    of at least `edge_min_lines` lines (a short text is all article, its end included)."""
    edge_min_lines: int = 40
    isolated_factor: float = 0.5
    """Weight kept by a prose line with no prose line next to it (teasers and comments alternate)."""
    max_prose_weight: float = 60.0
    """A prose line counts its words up to this many."""
    cue_max_words: int = 30
    """Cue words only count on lines up to this long: a long sentence that mentions "privacy" is prose."""
    edge_cue_max_words: int = 60
    """The same limit for lines in the last `edge_share` of the text, where promotions and notices gather."""
    edge_share: float = 0.15
    repeat_keep_words: int = 15
    """A repeated line at least this long that ends a sentence keeps its first copy."""
    pitch_hardness: float = 2.0
    """A line below `prose_score` whose cue, link and address terms sum below minus this is dropped."""
    nav_run: int = 5
    """Inside the main block, a run of at least this many lines that are not prose (and not list items) is
    navigation: short lines between short lines. 0 turns the rule off."""
    title_overlap: float = 0.6
    """A line that does not end a sentence and shares this share of its words with the title repeats it."""
    menu_run: int = 4
    """This many short lines (at most `MENU_ITEM_WORDS` words, no sentence end) in a row are a menu."""
    clean_max_evidence: float = 0.05
    """Share of lines with boilerplate evidence up to which a text counts as clean (see `looks_clean`)."""
    max_list_lines: int = 80
    """Longest list a colon line may bring into the main block (step 4)."""
    main_block: bool = True
    """Keep only the main block (scraped pages); False trusts the input's extent (extractor output)."""


DEFAULT_OPTIONS = BoilerplateOptions()


