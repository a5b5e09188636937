"""Sentence splitting with offsets, and the cheap screen that decides which sentences get parsed."""

from __future__ import annotations

from dyads.model import Document

TEXT = ("U.S. Secretary of State Antony Blinken met Gen. Abdel Fattah al-Burhan in Jeddah on Friday. "
        "The talks lasted three hours.\n\n"
        "Heavy rain fell on the city. Prices rose 2.5 percent in May.\n\n"
        "He later flew to Cairo.")


def test_sentences_keep_abbreviations_and_map_back_to_the_text(pipeline):
    sentences = list(pipeline.splitter(TEXT))
    assert [s.text for s in sentences] == [
        "U.S. Secretary of State Antony Blinken met Gen. Abdel Fattah al-Burhan in Jeddah on Friday.",
        "The talks lasted three hours.",
        "Heavy rain fell on the city.",
        "Prices rose 2.5 percent in May.",
        "He later flew to Cairo.",
    ]
    assert all(TEXT[s.start:s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == [0, 1, 2, 3, 4]


def test_screen_parses_only_sentences_that_can_hold_an_event(pipeline):
    sentences = list(pipeline.splitter(TEXT))
    flags = []
    named = False
    for s in sentences:
        flag = pipeline.is_candidate(s, named)
        named = named or flag
        flags.append(flag)
    # names an actor; no actor; no actor; no actor; a pronoun after an actor was named
    assert flags == [True, False, False, False, True]


def test_coding_reports_how_many_sentences_were_parsed(pipeline):
    coded = pipeline.code(Document(doc_id="d", text=TEXT, date="2023-05-12"))
    assert (coded.sentences, coded.parsed) == (5, 2)


def test_a_sentence_whose_only_actor_is_misspelt_is_screened_in_and_coded(pipeline):
    text = ("The weather was calm in the capital on Monday. Ethopia expelled the ambassador on Monday. "
            "Bread prices rose again.")
    coded = pipeline.code(Document(doc_id="d", text=text, date="2024-01-02"))
    assert coded.parsed == 1
    assert [(e.source.code, e.cameo[:2]) for e in coded.events] == [("ETH", "16")]
    # a capitalised word that is no name's misspelling is not an actor: nothing to parse
    nothing = pipeline.code(Document(doc_id="e", text="Ethoxia expelled the ambassador on Monday.", date="2024-01-02"))
    assert nothing.parsed == 0
