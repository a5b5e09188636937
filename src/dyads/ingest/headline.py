"""The headline of a text: which line it is, and which other lines repeat it."""

from __future__ import annotations

from collections.abc import Sequence

from dyads.ingest.features import LineFeatures, line_key, words
from dyads.ingest.options import BoilerplateOptions
from dyads.ingest.scoring import LineScore


def _is_title_like(f: LineFeatures, s: LineScore) -> bool:
    return 2 <= f.n_words <= 30 and f.terminal != "sentence" and (s.soft or s.score > -3)


#: Words of a footer line that names the page's owner ("© 2024 Caucasus Monitor. All rights reserved.").
FOOTER_CUES = ("©", "copyright", "all rights reserved")


def is_site_name(f: LineFeatures, features: Sequence[LineFeatures]) -> bool:
    """A short line that the page repeats inside its footer's copyright line or inside two or more other lines
    ("Get Quanta Magazine delivered to your inbox") names the site, not the story."""
    key = line_key(f.text)
    if not key or f.n_words > 4:
        return False
    inside = [g for g in features if g.index != f.index and key in line_key(g.text) and line_key(g.text) != key]
    return len(inside) >= 2 or any(cue in g.text.lower() for g in inside for cue in FOOTER_CUES)


#: Words by which a site speaks to its reader ("Support OUR reporting", "Sign up for YOUR briefing").
READER_WORDS = frozenset({"our", "us", "you", "your"})


def _boilerplate_like(f: LineFeatures) -> bool:
    """A line with a boilerplate cue (cookies, subscriptions), a call to the reader ("Support our reporting ..."),
    or words with no function word between them: a menu ("Armenia  Azerbaijan  Georgia  Analysis") or tags."""
    return (f.cue_family is not None or f.imperative or f.you_ratio > 0
            or bool(READER_WORDS & {w.lower() for w in words(f.text)})
            or (f.n_words >= 3 and f.stopword_ratio == 0))


def pick_title(features: Sequence[LineFeatures], scores: Sequence[LineScore], *, before: int) -> int | None:
    """Step 6: index of the headline, the first title-like line near the top and above line ``before``. A site name
    at the top is passed over: the headline is then the first title-like line of four or more words above the
    article (``before``) that is not a menu, a call to the reader or other boilerplate."""
    limit = min(before, max(3, int(len(features) * 0.15) + 1))
    for f, s in zip(features[:limit], scores[:limit], strict=True):
        if _is_title_like(f, s):
            if is_site_name(f, features):
                return _headline_below(features, scores, after=f.index, before=before)
            return f.index
        if f.n_words >= 4 and f.terminal == "sentence":
            return None  # the text starts with prose: no headline
    return None


def _headline_below(features: Sequence[LineFeatures], scores: Sequence[LineScore], *, after: int,
                    before: int) -> int | None:
    for f, s in zip(features[after + 1:before], scores[after + 1:before], strict=True):
        if f.n_words >= 4 and _is_title_like(f, s) and not _boilerplate_like(f):
            return f.index
    return None


def title_keys(title: str) -> set[str]:
    """Normalised forms of a title, with and without a " - Site" / " | Site" suffix."""
    keys = {line_key(title)}
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        if sep in title:
            keys.add(line_key(title.rsplit(sep, 1)[0]))
    return {k for k in keys if k}


def lead_title(features: Sequence[LineFeatures]) -> int:
    """For clean text: 1 when the first line reads as a headline over prose (3+ words, no sentence end,
    followed by a line that ends a sentence), else 0."""
    if len(features) > 1 and features[0].n_words >= 3 and features[0].terminal == "none" \
            and features[1].terminal == "sentence":
        return 1
    return 0


def title_copies(features: Sequence[LineFeatures], title: str, options: BoilerplateOptions) -> list[int]:
    """Lines that repeat the title: the same words (with or without a " - Site" suffix), or, for a line that
    does not end a sentence, mostly the same words (an edited headline: "HS Roundup" / "High School")."""
    keys = title_keys(title)
    theirs = {w.lower() for w in words(title)}
    found = []
    for f in features:
        if line_key(f.text) in keys:
            found.append(f.index)
        elif f.terminal != "sentence" and f.n_words <= 2 * len(theirs):
            ours = {w.lower() for w in words(f.text)}
            if ours and len(ours & theirs) / len(ours | theirs) >= options.title_overlap:
                found.append(f.index)
    return found


