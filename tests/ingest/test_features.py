"""The named line features, one behaviour each."""

from __future__ import annotations

from dyads.ingest.features import (
    capitalised_ratio,
    digit_ratio,
    line_features,
    line_key,
    link_ratio,
    separator_ratio,
    stopword_ratio,
    terminal,
    word_count,
    words,
)
from dyads.ingest.resources import link_words, stopwords
from dyads.ingest.scoring import score_line

EN = stopwords()["en"]


def test_terminal_kinds():
    assert terminal("Troops withdrew.") == "sentence"
    assert terminal("“We will stay,” he said.”") == "sentence"
    assert terminal("Is it over?") == "sentence"
    assert terminal("The dates:") == "colon"
    assert terminal("World News") == "none"


def test_word_count_counts_cjk_characters_as_half_words():
    assert word_count("Troops withdrew today", words("Troops withdrew today")) == 3
    assert word_count("政府表示", words("政府表示")) == 2


def test_stopword_ratio_separates_prose_from_menus():
    prose = words("The talks will resume in the capital after a pause of two weeks")
    menu = words("World Business Sport Culture Travel")
    assert stopword_ratio(prose, EN) > 0.3
    assert stopword_ratio(menu, EN) == 0


def test_capitalised_ratio_flags_title_case():
    assert capitalised_ratio(words("Most Read Stories Today")) == 1
    assert capitalised_ratio(words("the talks resume today")) == 0


def test_separator_ratio_counts_menu_separators_but_not_table_rows():
    assert separator_ratio("Home » World » Africa", 3) > 0.5
    assert separator_ratio("| Kenya | 12 | 4 |", 3) == 0


def test_link_ratio_sees_urls_handles_and_link_words():
    vocabulary = link_words()
    assert link_ratio("Follow us @niledaily", words("Follow us @niledaily"), vocabulary) > 0.5
    assert link_ratio("www.niledaily.com", words("www.niledaily.com"), vocabulary) == 1
    assert link_ratio("Troops withdrew from the town", words("Troops withdrew from the town"), vocabulary) == 0


def test_digit_ratio():
    assert digit_ratio("12:45 19/11/2019") > 0.7
    assert digit_ratio("no digits") == 0


def test_line_key_ignores_case_digits_and_punctuation():
    assert line_key("34 Comments") == line_key("12 comments!")


def test_position_repeats_and_cues_from_the_document():
    lines = ["Share on Facebook", "Troops withdrew from the town on Monday, the army said.", "Share on Facebook"]
    first, middle, last = line_features(lines, EN)
    assert (first.position, last.position) == (0, 1)
    assert first.repeats == 2 and middle.repeats == 1
    assert first.cue_family == "share-widget" and first.cue_hits == 2
    assert middle.cue_family is None


def test_call_to_action_features():
    get, quote = line_features(["Get our newsletter in your inbox", "“Get out,” the crowd shouted at you."], EN)
    assert get.imperative and get.you_ratio > 0
    assert not quote.imperative


def test_scorer_names_the_strongest_feature():
    cookie, prose, menu = line_features(
        ["Accept all cookies", "The army said on Monday that its troops had withdrawn from the town.", "World News"],
        EN)
    assert score_line(cookie, has_stopwords=True).reason == "consent"
    assert score_line(prose, has_stopwords=True).score > 2
    assert score_line(menu, has_stopwords=True).reason in {"navigation", "short-fragment"}


def test_long_sentence_mentioning_a_cue_word_stays_prose():
    (line,) = line_features(["The minister said the new privacy law would be debated in parliament next week, "
                             "after months of delay."], EN)
    assert score_line(line, has_stopwords=True).score > 2
