"""Weapons named in news text: designations ("Su-35", "J-10C", "Leopard 2A6") and generic terms ("drones").

`find_weapons` runs these steps (tables and patterns in `dyads.quantities._lexicon`):

1. designations from ``systems.tsv``, longest form first at each word ("S-400 Triumf" over "S-400");
2. calibres with a gun or shell noun ("155 mm howitzers" -> "155 mm howitzer", category artillery);
3. generic terms from ``generic.tsv`` that no designation or calibre covers; blocking phrases ("think
   tank") are matched and dropped;
4. forms listed in ``ambiguous.tsv`` ("Patriot", "Typhoon", "K2", "fighter") are kept only when a weapon word
   is within four words ("Patriot batteries", "air defence systems such as Patriot"): first designations,
   which an ambiguous generic term may support ("Typhoon fighters"), then generic terms;
5. a generic term or calibre that follows a designation, with at most three modifier words between, is
   part of its mention ("12 Rafale jets" gives Rafale with text "Rafale jets", not also "jet");
6. each name is reported once, at its first mention, and generic terms whose category a designation
   already covers are dropped (a text about "J-10C fighters" and "the jets" gives J-10C only).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

from dyads.model import Weapon
from dyads.quantities._lexicon import (
    BLOCK,
    CONTEXT_WORDS,
    WORD_START,
    Lexicon,
    System,
    calibre_head,
    calibre_pattern,
    generic_pattern,
    load_lexicon,
    lookup_keys,
    plural_forms,
    specific_pattern,
)

CONTEXT_WINDOW = 4
"""Words either side of an ambiguous form searched for weapon words."""

MAX_GAP_WORDS = 3
"""Modifier words allowed between a designation and the generic term it absorbs ("J-10C multirole jets")."""

GAP_MODIFIERS = frozenset(
    "multirole stealth advanced new modern additional upgraded used surplus light heavy combat attack fighter "
    "strike main battle mobile tracked wheeled towed portable reconnaissance armed armoured armored unmanned "
    "guided ballistic cruise naval military air defence defense missile rocket artillery tactical strategic "
    "medium long short range latest older second more extra further interceptor".split()
)
"""Words that may stand between a designation and the generic term it absorbs; hyphenated and capitalised
words may too ("J-10C multirole fighter jets", "S-400 Triumf systems", "K9 self-propelled howitzers")."""
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True, slots=True)
class WeaponMatch:
    """One weapon mention with its character span."""

    start: int
    end: int
    weapon: Weapon
    specific: bool
    ambiguous: bool = False
    block: bool = False


_Groups = TypeVar("_Groups")


def _first_hit(
    index: Mapping[str, object], compile_key: Callable[[str], tuple[re.Pattern[str], _Groups]], text: str, start: int
) -> tuple[re.Match[str], _Groups] | None:
    """The longest-key pattern that matches at ``start``, trying the word and its singulars as keys."""
    word = WORD_START.match(text, start)
    if word is None:
        return None
    for key in lookup_keys(word.group(0)):
        if key in index:
            pattern, groups = compile_key(key)
            hit = pattern.match(text, start)
            if hit is not None and hit.lastgroup is not None:
                return hit, groups
    return None


_BARE_TAILS = ("", "s", "'s", "’s", "'", "’")


def _specific_hit(lexicon: Lexicon, text: str, start: int) -> tuple[re.Match[str], System, bool] | None:
    """The designation at ``start``: (match, system, matched without a variant suffix).

    A prefixed form with a variant suffix ("Chengdu J-10" + "C") yields to a form that starts inside it and
    matches to the same end without a suffix ("J-10C"), keeping the whole span.
    """
    found_hit = _first_hit(lexicon.specific_index, specific_pattern, text, start)
    if found_hit is None:
        return None
    hit, groups = found_hit
    assert hit.lastgroup is not None
    system = groups[hit.lastgroup][1]
    bare = text[hit.end(hit.lastgroup) : hit.end()] in _BARE_TAILS
    if not bare:
        for word in WORD_START.finditer(text, start + 1, hit.end()):
            inner = _first_hit(lexicon.specific_index, specific_pattern, text, word.start())
            if inner is None or inner[0].end() < hit.end() or inner[0].lastgroup is None:
                continue
            inner_hit, inner_groups = inner
            assert inner_hit.lastgroup is not None
            if text[inner_hit.end(inner_hit.lastgroup) : inner_hit.end()] in _BARE_TAILS:
                return hit, inner_groups[inner_hit.lastgroup][1], True
    return hit, system, bare


def _is_ambiguous(surface: str, lexicon: Lexicon) -> bool:
    """Whether a designation written this way needs context: as written, or in any case if it has a digit."""
    if any(c.isdigit() for c in surface):
        return surface.casefold() in lexicon.ambiguous_folded
    return surface in lexicon.ambiguous


def _specific_matches(text: str) -> list[WeaponMatch]:
    lexicon: Lexicon = load_lexicon()
    found: list[WeaponMatch] = []
    position = 0
    for word in WORD_START.finditer(text):
        if word.start() < position:
            continue
        result = _specific_hit(lexicon, text, word.start())
        if result is None:
            continue
        hit, system, bare = result
        assert hit.lastgroup is not None
        base = hit.group(hit.lastgroup)
        weapon = Weapon(name=system.name, category=system.category, producer=system.producer, text=hit.group(0))
        ambiguous = bare and _is_ambiguous(base, lexicon)
        found.append(WeaponMatch(hit.start(), hit.end(), weapon, specific=True, ambiguous=ambiguous))
        position = hit.end()
    return found


def _generic_matches(text: str) -> list[WeaponMatch]:
    lexicon = load_lexicon()
    found: list[WeaponMatch] = []
    position = 0
    for word in WORD_START.finditer(text):
        if word.start() < position:
            continue
        found_hit = _first_hit(lexicon.generic_index, generic_pattern, text, word.start())
        if found_hit is None:
            continue
        hit, groups = found_hit
        assert hit.lastgroup is not None
        term = groups[hit.lastgroup]
        category = lexicon.generic_categories[term]
        weapon = Weapon(name=term, category=category if category != BLOCK else "", text=hit.group(0))
        ambiguous = term in lexicon.ambiguous
        found.append(WeaponMatch(hit.start(), hit.end(), weapon, False, ambiguous, block=category == BLOCK))
        position = hit.end()
    return found


def _calibre_matches(text: str) -> list[WeaponMatch]:
    found = []
    for hit in calibre_pattern().finditer(text):
        calibre = hit.group("cal")
        category = "small arms" if float(calibre) < 20 else "artillery"
        name = f"{calibre} mm {calibre_head(hit.group('head'))}"
        weapon = Weapon(name=name, category=category, text=hit.group(0))
        found.append(WeaponMatch(hit.start(), hit.end(), weapon, specific=False))
    return found


def _overlaps(a: WeaponMatch, others: list[WeaponMatch]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in others)


def _has_context(match: WeaponMatch, text: str, supports: list[WeaponMatch]) -> bool:
    """Whether a weapon word, or a weapon that needs no context, lies within `CONTEXT_WINDOW` words."""
    tokens = [(t.start(), t.end(), t.group(0).lower()) for t in _TOKEN.finditer(text)]
    inside = [i for i, (s, e, _) in enumerate(tokens) if s < match.end and match.start < e]
    if not inside:
        return False
    lo = max(inside[0] - CONTEXT_WINDOW, 0)
    hi = min(inside[-1] + CONTEXT_WINDOW, len(tokens) - 1)
    window_start, window_end = tokens[lo][0], tokens[hi][1]
    for i in range(lo, hi + 1):
        if i not in inside and tokens[i][2] in CONTEXT_WORDS:
            return True
    return any(s is not match and s.start < window_end and window_start < s.end for s in supports)


def _gap_ok(gap: str) -> bool:
    words = gap.split()
    if len(words) > MAX_GAP_WORDS:
        return False
    return all(
        re.fullmatch(r"[A-Za-z][\w-]*", w) and (w.lower() in GAP_MODIFIERS or "-" in w or w[0].isupper())
        for w in words
    )


def _absorb(matches: list[WeaponMatch], text: str) -> list[WeaponMatch]:
    """Merge a generic term or calibre that follows a designation into the designation's mention."""
    result: list[WeaponMatch] = []
    for match in matches:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.specific
            and not match.specific
            and _gap_ok(text[previous.end : match.start])
        ):
            end = match.end
            weapon = previous.weapon.model_copy(update={"text": text[previous.start : end]})
            result[-1] = replace(previous, end=end, weapon=weapon)
            continue
        result.append(match)
    return result


def weapon_matches(text: str) -> list[WeaponMatch]:
    """Every accepted mention in order, after steps 1-5 of the module docstring (no de-duplication)."""
    return list(_weapon_matches(text))


@lru_cache(maxsize=256)
def _weapon_matches(text: str) -> tuple[WeaponMatch, ...]:
    """`weapon_matches`, kept for the last sentences seen: weapons and counts both read each coded sentence."""
    # 1-3. designations, then calibres and generic terms where no designation (or calibre) is
    specific = _specific_matches(text)
    calibres = [c for c in _calibre_matches(text) if not _overlaps(c, specific)]
    generic = [g for g in _generic_matches(text) if not _overlaps(g, specific) and not _overlaps(g, calibres)]
    candidates = sorted([*specific, *calibres, *(g for g in generic if not g.block)], key=lambda m: m.start)
    # 4a. an ambiguous designation needs a weapon word, a calibre, a designation that needs no context, or a
    #     generic term (even an ambiguous one: "Typhoon fighters") nearby
    supports = [m for m in candidates if not (m.ambiguous and m.specific)]
    accepted = [m for m in candidates if not (m.ambiguous and m.specific) or _has_context(m, text, supports)]
    # 4b. an ambiguous generic term ("fighters") needs a weapon word or an accepted mention nearby
    supports = [m for m in accepted if not (m.ambiguous and not m.specific)]
    accepted = [m for m in accepted if not (m.ambiguous and not m.specific) or _has_context(m, text, supports)]
    # 5. a designation absorbs the generic term or calibre that follows it
    return tuple(_absorb(accepted, text))


@lru_cache(maxsize=1)
def weapon_terms() -> frozenset[str]:
    """Every designation and alias of systems.tsv that needs no context, case-folded, with its plurals ("mig-29",
    "mig-29s", "rafales"): names that stand for equipment wherever they are written."""
    lexicon = load_lexicon()
    forms = [form for form, _ in lexicon.forms if form.casefold() not in lexicon.ambiguous_folded]
    return frozenset(p.casefold() for form in forms for p in plural_forms(form))


def find_weapons(text: str) -> list[Weapon]:
    """Weapon systems and generic weapon terms named in ``text``.

    Args:
        text: a sentence or a longer text.

    Returns:
        One `Weapon` per distinct name, in order of first mention: ``name`` the canonical designation
        ("Su-35") or generic term ("fighter jet"), ``category``, ``producer`` (ISO3, designations only) and
        ``text``, the words of the first mention.

    >>> [(w.name, w.category, w.producer, w.text) for w in find_weapons("Serbia bought 12 Rafale jets.")]
    [('Rafale', 'combat aircraft', 'FRA', 'Rafale jets')]
    """
    matches = weapon_matches(text)
    covered = {m.weapon.category for m in matches if m.specific}
    seen: set[str] = set()
    weapons: list[Weapon] = []
    for m in matches:
        if m.weapon.name in seen or (not m.specific and m.weapon.category in covered):
            continue
        seen.add(m.weapon.name)
        weapons.append(m.weapon)
    return weapons
