"""The per-line scorer: a hand-weighted sum of named features, and the reason a low score stands for."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from dyads.ingest.features import LineFeatures
from dyads.ingest.options import DEFAULT_OPTIONS, HARD_EVIDENCE, BoilerplateOptions

TERM_REASONS = MappingProxyType({
    "length": "short-fragment",
    "terminal": "short-fragment",
    "stopwords": "navigation",
    "title_case": "navigation",
    "separators": "navigation",
    "links": "share-widget",
    "digits": "byline",
    "address": "promotion",
    "credit": "caption",
})
"""The reason a removed line gets when a term is its strongest negative one; cue terms use their family."""
SOFT_TERMS = frozenset({"length", "terminal", "stopwords", "title_case", "address"})
"""Terms that mark a line as short or title-like, not as boilerplate: such lines stay between prose lines."""
_FAMILY_REASON = MappingProxyType({"related": "related-articles"})


@dataclass(frozen=True, slots=True)
class LineScore:
    """The content score of one line, its strongest negative term and the reason that term stands for."""

    score: float
    term: str
    reason: str
    hardness: float = 0.0
    """How much the terms that are not soft pull the line down (cues, links, separators, digits)."""

    @property
    def soft(self) -> bool:
        """True when the line's faults are mostly being short or title-like, not boilerplate evidence."""
        return self.hardness < HARD_EVIDENCE


def score_line(f: LineFeatures, *, has_stopwords: bool, options: BoilerplateOptions = DEFAULT_OPTIONS) -> LineScore:
    """Score one line: positive for prose, negative for boilerplate.

    Terms (the reason is the most negative one):
      length      +0.1 per word up to 30; -1 under 4 words
      terminal    +1.5 sentence end, +0.5 colon, -1 none
      stopwords   5 x (share - 0.2), when the language has a profile (menus have no function words)
      title_case  -1.5 when most words are capitalised and the line does not end a sentence
      separators  -4 per "|", "/", "»" ... per word
      links       -3 x link-ish share (URLs, handles, "click", "share", "here")
      digits      -3 x (digit share - 0.15)
      address     -1.5 when the line opens with a call-to-action verb, -3 x share of "you"/"your"
      credit      -4 when the line ends with a picture credit ("... Credit: Getty", "(Image: AFP)")
      cue:FAMILY  -(6 x share + 1 x words, at most 3) of the strongest cue family, fading to 0 at
                  `cue_max_words` words (a long sentence that mentions "privacy" or "by" is prose), or at
                  `edge_cue_max_words` in the last lines, where promotions and notices gather
    """
    n = f.n_words
    terms: dict[str, float] = {
        "length": min(n, 30) / 10 if n >= 4 else -1.0,
        "terminal": {"sentence": 1.5, "colon": 0.5}.get(f.terminal, -1.0),
        "separators": -4 * f.separator_ratio,
        "links": -3 * f.link_ratio,
        "digits": -3 * max(0.0, f.digit_ratio - 0.15),
        "address": -(1.5 if f.imperative else 0.0) - 3 * f.you_ratio,
        "credit": -4.0 if f.credit else 0.0,
    }
    if has_stopwords:
        terms["stopwords"] = 5 * (f.stopword_ratio - 0.2)
    if f.capitalised_ratio > 0.7 and n >= 2 and f.terminal != "sentence":
        terms["title_case"] = -1.5
    limit = options.edge_cue_max_words if f.position >= 1 - options.edge_share else options.cue_max_words
    if f.cue_family and n < limit:
        fade = 1 - n / limit
        terms["cue:" + f.cue_family] = -(6 * f.cue_share + 1.0 * min(f.cue_hits, 3)) * fade
    term = min(terms, key=lambda k: terms[k])
    reason = TERM_REASONS.get(term) or _FAMILY_REASON.get(term[4:], term[4:])
    hardness = -sum(v for k, v in terms.items() if k not in SOFT_TERMS and v < 0)
    return LineScore(sum(terms.values()), term, reason, hardness)


