"""Shared helpers for the ingest tests: small articles and pages written for these tests."""

from __future__ import annotations

import pytest

ARTICLE_PARAGRAPHS = (
    "Foreign ministers from Egypt, Ethiopia and Sudan met in Khartoum on Tuesday to resume talks over the "
    "filling of the Grand Ethiopian Renaissance Dam, after a pause of almost three months.",
    "Egypt's foreign minister said his government was ready to compromise on the timetable but would not "
    "accept any arrangement that threatened its share of the Nile's water.",
    "\"We came here to reach an agreement, not to repeat old positions,\" he told reporters.",
    "Ethiopia has said the dam is essential for its development and that it will not harm downstream states.",
    "The talks continue on Wednesday.",
    "Sudan, which sits between the two, has asked the African Union to mediate and offered to host a "
    "technical committee of engineers from all three countries.",
)
"""A clean news article: long and short paragraphs, a quote, a one-sentence paragraph."""

ARTICLE = "\n\n".join(ARTICLE_PARAGRAPHS)


def scraped_page(*, top: list[str] | None = None, middle: list[str] | None = None,
                 bottom: list[str] | None = None, title: str = "Nile dam talks resume in Khartoum | Nile Daily",
                 headline: str = "Nile dam talks resume in Khartoum") -> str:
    """A flattened web page: <title>, menu, headline, the article (with optional lines in the middle), furniture."""
    top = top if top is not None else ["Home", "World", "Africa", "Middle East", "Business", "Sport"]
    paragraphs = list(ARTICLE_PARAGRAPHS)
    lines = [title, *top, headline, *paragraphs[:3], *(middle or []), *paragraphs[3:], *(bottom or [])]
    return "\n".join(lines)


@pytest.fixture
def article_paragraphs() -> tuple[str, ...]:
    return ARTICLE_PARAGRAPHS
