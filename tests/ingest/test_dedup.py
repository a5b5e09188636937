"""Near-duplicate groups: one wire story on several sites is one group; other stories are not."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from dyads.ingest import NearDuplicateIndex
from dyads.ingest.dedup import THRESHOLD, normalise_words, shingle_hashes

WIRE_STORY = (
    ("The foreign ministers of Egypt, Ethiopia and Sudan agreed on Tuesday to resume negotiations over the Grand "
     "Ethiopian Renaissance Dam after a pause of almost three months, officials said after a meeting in Khartoum."),
    ("The three countries will hold technical talks in Addis Ababa next week and aim to reach a binding agreement "
     "on the filling and operation of the dam before the start of the rainy season in July, according to a joint "
     "statement read out at the end of the meeting."),
    ("Egypt, which depends on the Nile for almost all of its fresh water, has long said the dam threatens its "
     "water security, while Ethiopia says the project is essential for its economic development and will not harm "
     "the countries downstream."),
    ("Sudan's foreign minister told reporters that the talks had been frank and that all three delegations had "
     "shown a willingness to compromise on the timetable for filling the reservoir during years of drought."),
    ("The African Union, which has mediated between the three governments since 2020, welcomed the decision and "
     "offered to host the technical committee of engineers and legal experts at its headquarters."),
    ("Previous rounds of talks collapsed in April after Egypt and Sudan accused Ethiopia of acting unilaterally by "
     "beginning the second filling of the reservoir without an agreement."),
    ("Ethiopia's water minister said on Tuesday that the third filling would go ahead as planned but that his "
     "government was ready to share data on the dam's operation with its neighbours."),
    ("Egyptian officials have said that a prolonged drought combined with a rapid filling of the reservoir could "
     "cut the flow of water to farmers in the Nile valley and the delta, where most of the country's food is grown."),
    ("Sudan has said the dam could bring benefits such as cheaper electricity and better flood control, but that "
     "its own Roseires dam, a short distance downstream, could be at risk without an exchange of data."),
    ("The dam, on the Blue Nile close to the border with Sudan, is the largest hydroelectric project in Africa and "
     "is expected to produce more than five thousand megawatts of electricity when it is completed."),
    ("The United States and the European Union have urged the three countries to settle the dispute through "
     "negotiation and have offered technical assistance."),
)
"""A wire story of about 400 words."""

SAME_TOPIC_STORY = (
    ("Egypt warned on Thursday that it would not accept any move by Ethiopia to fill the reservoir of the Grand "
     "Ethiopian Renaissance Dam without a legally binding agreement, raising tensions a week before talks resume."),
    ("Egypt's president told a meeting of army commanders in Cairo that the Nile was a matter of life and death "
     "for his country and that all options remained open to protect its share of the river's water."),
    ("Ethiopia's prime minister responded in a speech to parliament that no force could stop the completion of "
     "the dam, which he described as a symbol of national unity and a source of electricity for millions."),
    ("Sudan, caught between its two larger neighbours, called for calm and asked the African Union and the United "
     "Nations to help bring the two sides back to the negotiating table in Khartoum."),
    ("Analysts said the exchange of warnings was aimed at domestic audiences and that a military confrontation "
     "remained unlikely, but that the dispute over the dam had become the region's most dangerous water conflict."),
    ("The United States said it was concerned by the rhetoric and urged all three countries to settle the dispute "
     "through negotiation, offering technical assistance for the talks."),
)
"""Another story on the same dispute, with the same names and much of the same vocabulary."""


def _site_copy(intro: str, *, old: str, new: str, extra: str, extra_at: int) -> str:
    """The wire story as one site ran it: its own intro line, one word changed, one boilerplate line added."""
    paragraphs = [p.replace(old, new, 1) for p in WIRE_STORY]
    assert paragraphs != list(WIRE_STORY), "the word to change must occur in the story"
    paragraphs.insert(extra_at, extra)
    return "\n\n".join([intro, *paragraphs])


SITE_COPIES = {
    "nile-daily/dam-talks": _site_copy("KHARTOUM, June 14 (Nile Wire) -", old="frank", new="candid",
                                       extra="Follow Nile Daily on Twitter and Facebook for the latest news.",
                                       extra_at=len(WIRE_STORY)),
    "cairo-post/2024/06/14/gerd": _site_copy("Here is what we know about the resumed Nile dam talks.",
                                             old="collapsed", new="broke", extra="Advertisement", extra_at=4),
    "addis-herald/news/551": _site_copy("By Amina Hassan, Nile Wire correspondent", old="welcomed",
                                        new="praised", extra="Read more: Ethiopia completes third filling",
                                        extra_at=6),
}
OTHER_STORY = "\n\n".join(SAME_TOPIC_STORY)


def _unrelated(n: int, seed: int) -> dict[str, str]:
    """Unrelated documents: random sentences from a small news vocabulary."""
    rng = random.Random(seed)
    vocabulary = ["the", "minister", "said", "talks", "would", "resume", "on", "Monday", "after", "protests", "in",
                  "capital", "over", "prices", "of", "fuel", "and", "bread", "while", "army", "denied", "reports",
                  "clashes", "near", "border", "with", "its", "neighbour"]
    return {f"unrelated-{i}": " ".join(rng.choice(vocabulary) for _ in range(120)) for i in range(n)}


def test_lightly_edited_copies_of_a_wire_story_share_one_group():
    index = NearDuplicateIndex()
    groups = [index.add(doc_id, text) for doc_id, text in SITE_COPIES.items()]
    first = next(iter(SITE_COPIES))
    assert groups == [first, first, first]
    assert {index.group(doc_id) for doc_id in SITE_COPIES} == {first}


def test_another_story_on_the_same_topic_is_its_own_group():
    index = NearDuplicateIndex()
    for doc_id, text in SITE_COPIES.items():
        index.add(doc_id, text)
    assert index.add("egypt-warns", OTHER_STORY) == "egypt-warns"


def _interleave(related: list[tuple[str, str]], unrelated: list[tuple[str, str]], seed: int):
    """The related documents in their order, the unrelated ones shuffled and scattered around them."""
    rng = random.Random(seed)
    others = unrelated[:]
    rng.shuffle(others)
    slots = set(rng.sample(range(len(related) + len(others)), len(related)))
    related_iter, others_iter = iter(related), iter(others)
    return [next(related_iter) if slot in slots else next(others_iter) for slot in range(len(related) + len(others))]


def test_groups_do_not_depend_on_where_unrelated_documents_come():
    related = [*SITE_COPIES.items(), ("egypt-warns", OTHER_STORY)]
    unrelated = list(_unrelated(60, seed=0).items())
    runs = []
    for seed in range(4):
        index = NearDuplicateIndex()
        for doc_id, text in _interleave(related, unrelated, seed):
            index.add(doc_id, text)
        runs.append({doc_id: index.group(doc_id) for doc_id, _ in related + unrelated})
    assert all(run == runs[0] for run in runs)
    first = next(iter(SITE_COPIES))
    assert {runs[0][doc_id] for doc_id in SITE_COPIES} == {first}
    assert runs[0]["egypt-warns"] == "egypt-warns"
    assert all(runs[0][doc_id] == doc_id for doc_id, _ in unrelated)


def test_group_is_the_first_member_in_insertion_order():
    index = NearDuplicateIndex()
    ids = list(SITE_COPIES)[::-1]
    assert [index.add(doc_id, SITE_COPIES[doc_id]) for doc_id in ids] == [ids[0]] * 3


def test_same_text_respaced_and_recased_is_a_duplicate():
    text = "\n\n".join(WIRE_STORY)
    index = NearDuplicateIndex()
    index.add("a", text)
    assert index.add("b", "  ".join(text.upper().split())) == "a"


def test_adding_a_doc_id_again_keeps_its_group():
    index = NearDuplicateIndex()
    index.add("a", OTHER_STORY)
    assert index.add("a", "\n\n".join(WIRE_STORY)) == "a"
    assert len(index) == 1 and "a" in index


def test_text_without_words_is_a_group_of_its_own():
    index = NearDuplicateIndex()
    assert [index.add("x", ""), index.add("y", "  ... "), index.add("z", "")] == ["x", "y", "z"]


def test_short_texts_compare_as_one_shingle():
    index = NearDuplicateIndex()
    assert index.add("a", "Talks resume.") == "a"
    assert index.add("b", "talks RESUME") == "a"
    assert index.add("c", "Talks collapse.") == "c"


def test_unknown_doc_id_is_a_key_error():
    with pytest.raises(KeyError):
        NearDuplicateIndex().group("nope")


def test_bad_threshold_is_refused():
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=0)


def test_shingles_are_word_five_grams_of_normalised_words():
    assert normalise_words("Egypt's  FOREIGN minister—said") == ["egypt", "s", "foreign", "minister", "said"]
    assert len(shingle_hashes("one two three four five six seven")) == 3
    assert (shingle_hashes("One, two; three four five!") == shingle_hashes("one two three four five")).all()


def test_threshold_is_documented_as_point_eight():
    assert THRESHOLD == 0.8


def test_signatures_are_the_same_in_another_process():
    text = "\n\n".join(WIRE_STORY)
    here = NearDuplicateIndex().signature(text).hashvalues.tolist()
    code = ("import json, sys; from dyads.ingest.dedup import NearDuplicateIndex; "
            "print(json.dumps(NearDuplicateIndex().signature(sys.stdin.read()).hashvalues.tolist()))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, env=env,
                         check=True)
    assert json.loads(out.stdout) == here
