"""The scraped-text boilerplate remover, one class of page furniture at a time."""

from __future__ import annotations

import pytest
from conftest import ARTICLE, ARTICLE_PARAGRAPHS, scraped_page

from dyads.ingest.boilerplate import REASONS, remove_boilerplate


def _reasons(result, lines):
    by_text = {r.text: r.reason for r in result.removed}
    return [by_text.get(line) for line in lines]


def _assert_article_kept(result):
    assert result.paragraphs == ARTICLE_PARAGRAPHS


CASES = {
    "navigation": dict(top=["Home", "World", "Africa", "Middle East", "Home » World » Africa", "Skip to main content"]),
    "consent": dict(top=["We use cookies to give you the best experience. Manage your cookie preferences.",
                         "Accept all cookies", "Cookie settings", "Home", "World"]),
    "paywall": dict(bottom=["Subscribe now for unlimited access", "Sign up for our daily newsletter",
                            "Already a subscriber? Log in"]),
    "share-widget": dict(middle=["Share on Facebook", "Share on Twitter", "Email this article"]),
    "loading": dict(middle=["Loading...", "Please enable JavaScript in your browser to load this video."]),
    "byline": dict(top=["Home", "World", "By Amina Hassan, Cairo correspondent", "Updated 14 June 2024 09:12 GMT",
                        "5 min read"]),
    "caption": dict(middle=["Sameh Shoukry arrives for the talks. Photo: Getty Images",
                            "Sameh Shoukry arrives for the talks. Photo: Getty Images"]),
    "related-articles": dict(bottom=["Related stories", "Egypt warns over Nile water share",
                                     "Ethiopia completes third filling of dam", "What is the Renaissance Dam?"]),
    "comments": dict(bottom=["12 Comments", "Leave a reply", "Log in to comment"]),
    "footer": dict(bottom=["© 2024 Nile Daily. All rights reserved.", "Terms of use", "Contact us"]),
}
EXPECTED = {
    "navigation": {"navigation", "short-fragment"},
    "consent": {"consent"},
    "paywall": {"paywall", "comments"},
    "share-widget": {"share-widget"},
    "loading": {"loading"},
    "byline": {"byline", "short-fragment", "navigation"},
    "caption": {"repeated", "caption"},
    "related-articles": {"related-articles"},
    "comments": {"comments"},
    "footer": {"footer"},
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_removes_boilerplate_class_and_keeps_every_paragraph(kind):
    page_parts = CASES[kind]
    result = remove_boilerplate(scraped_page(**page_parts))
    _assert_article_kept(result)
    furniture = [line for part in page_parts.values() for line in part]
    reasons = _reasons(result, furniture)
    assert None not in reasons, f"kept boilerplate: {furniture}"
    assert set(reasons) <= EXPECTED[kind] | {"navigation", "short-fragment", "outside-article"}
    assert set(reasons) & EXPECTED[kind]


def test_every_reason_is_documented():
    page = scraped_page(top=CASES["consent"]["top"] + CASES["byline"]["top"],
                        middle=CASES["share-widget"]["middle"] + CASES["caption"]["middle"],
                        bottom=CASES["related-articles"]["bottom"] + CASES["footer"]["bottom"])
    result = remove_boilerplate(page)
    assert {r.reason for r in result.removed} <= set(REASONS)


def test_clean_article_passes_through_unchanged():
    result = remove_boilerplate(ARTICLE)
    assert result.text == ARTICLE
    assert result.removed == ()
    assert result.title is None


def test_headline_becomes_title_and_its_copy_leaves_the_body():
    result = remove_boilerplate(scraped_page())
    assert result.title == "Nile dam talks resume in Khartoum | Nile Daily"
    assert "Nile dam talks resume in Khartoum" not in result.paragraphs
    assert ("Nile dam talks resume in Khartoum", "headline") in {(r.text, r.reason) for r in result.removed}


def test_given_title_is_kept_and_not_guessed():
    result = remove_boilerplate("Dam talks resume\n\n" + ARTICLE, title="Dam talks resume")
    assert result.title == "Dam talks resume"
    assert result.paragraphs == ARTICLE_PARAGRAPHS


def test_repeated_long_prose_keeps_its_first_copy():
    paragraph = ARTICLE_PARAGRAPHS[0]
    result = remove_boilerplate(ARTICLE + "\n" + paragraph)
    assert result.paragraphs.count(paragraph) == 1
    assert ("repeated" in {r.reason for r in result.removed})


def test_menu_repeated_at_top_and_bottom_is_dropped_everywhere():
    menu = ["World", "Business", "Sport", "Culture"]
    result = remove_boilerplate(scraped_page(top=menu, bottom=menu))
    _assert_article_kept(result)
    assert not set(menu) & set(result.paragraphs)


def test_short_subheading_between_paragraphs_is_kept():
    page = scraped_page(middle=["A long dispute"])
    result = remove_boilerplate(page)
    assert "A long dispute" in result.paragraphs


def test_related_block_of_title_lines_after_heading_is_dropped():
    bottom = ["You may also like", "Sudan floods displace thousands", "Cairo hosts regional water summit"]
    result = remove_boilerplate(scraped_page(bottom=bottom))
    _assert_article_kept(result)
    assert _reasons(result, bottom) == ["related-articles"] * 3


def test_teaser_list_after_article_is_not_joined_to_it():
    teasers = []
    for n in range(6):
        teasers += [f"Headline number {n} about another story", "A short teaser sentence that describes another "
                    f"story on the site in about twenty words, number {n}, for readers."]
    result = remove_boilerplate(scraped_page(bottom=["More from Nile Daily", *teasers]))
    _assert_article_kept(result)


def test_comment_section_after_article_is_dropped():
    comments = ["34 responses to this story"]
    for n in range(8):
        comments += [f"reader{n} says:", "November 19, 2019 at 6:34 am",
                     "I do not think the talks will succeed, they never have before and nothing has changed."]
    result = remove_boilerplate(scraped_page(bottom=comments))
    _assert_article_kept(result)


def test_list_announced_by_colon_is_kept():
    items = ["June 9 - Cairo, Egypt", "June 12 - Khartoum, Sudan", "June 15 - Addis Ababa, Ethiopia"]
    page = "\n".join(["Talks schedule", *ARTICLE_PARAGRAPHS, "The next rounds of talks:", *items, "Share on Facebook"])
    result = remove_boilerplate(page)
    assert result.paragraphs[-4:] == ("The next rounds of talks:", *items)


def test_empty_text_gives_no_paragraphs():
    result = remove_boilerplate("\n\n  \n")
    assert result.paragraphs == ()
    assert result.text == ""


def test_clean_article_keeps_its_lists_and_subheadings():
    text = "\n\n".join([
        "Egypt and Sudan agree to resume dam talks",
        *ARTICLE_PARAGRAPHS[:2],
        "What each side wants",
        "- Egypt: a guaranteed yearly flow",
        "- Sudan: data sharing",
        "- Ethiopia: no binding quota",
        *ARTICLE_PARAGRAPHS[2:],
    ])
    result = remove_boilerplate(text)
    assert result.title == "Egypt and Sudan agree to resume dam talks"
    assert result.text == text.split("\n\n", 1)[1]


def test_one_promotion_line_in_clean_text_is_dropped():
    result = remove_boilerplate(ARTICLE + "\n\nFollow us on Twitter @niledaily and Facebook")
    assert result.paragraphs == ARTICLE_PARAGRAPHS
    assert [r.reason for r in result.removed] == ["share-widget"]


def test_picture_credit_line_is_a_caption():
    caption = "Sameh Shoukry arrives at the talks in Khartoum on Tuesday (Image: Getty)"
    result = remove_boilerplate(scraped_page(middle=[caption]))
    _assert_article_kept(result)
    assert _reasons(result, [caption]) == ["caption"]


def test_legal_notice_after_the_footer_menu_is_not_article():
    notice = ("The information on this website is provided for general purposes only and does not constitute "
              "professional advice of any kind, and no liability is accepted for its use by readers.")
    furniture = ["About us", "Contact", "Careers", "Advertise", "Sitemap", "Privacy", "Terms"]
    top = ["Home", "World", "Africa", "Middle East", "Business", "Sport"] * 3
    result = remove_boilerplate(scraped_page(top=[f"{t} {i}" for i, t in enumerate(top)],
                                             bottom=furniture * 2 + [notice]))
    _assert_article_kept(result)


SITE_NAME_PAGE = """BALTIC LEDGER
Estonia   Latvia   Lithuania   Opinion   Podcasts
We use cookies to improve your experience. Accept | Manage
Keep our newsroom independent — donate from $3 a month
Estonia to buy K9 howitzers from South Korea in second batch
Marta Kask
Tallinn, 12 March 2024
TALLINN — Estonia will buy a second batch of K9 self-propelled howitzers from South Korea, the defence ministry said on Tuesday, doubling the guns its artillery battalion will field by 2026.
The ministry did not give the value of the order but said deliveries would start next year.
Officials in Seoul welcomed the decision and said training for Estonian crews would begin in the spring.
Related stories
© 2024 Baltic Ledger. All rights reserved.
"""


def test_a_site_name_above_the_headline_is_not_the_title():
    result = remove_boilerplate(SITE_NAME_PAGE)
    assert result.title == "Estonia to buy K9 howitzers from South Korea in second batch"
    assert result.paragraphs[0].startswith("TALLINN — Estonia will buy")


def test_a_short_first_line_that_is_not_the_site_name_stays_the_title():
    page = SITE_NAME_PAGE.replace("BALTIC LEDGER", "Howitzer order doubled").replace("Baltic Ledger", "the owners")
    assert remove_boilerplate(page).title == "Howitzer order doubled"
