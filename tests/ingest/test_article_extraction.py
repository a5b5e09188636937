"""A check on real pages from the shared article-extraction set; skipped where the set is absent."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from dyads.ingest.boilerplate import remove_boilerplate
from dyads.ingest.html import extract_html
from dyads.ingest.language import detect_language

EVAL = Path("/work/shared/eval/article_extraction")
PAGES = 12

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="article_extraction set not present")


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("aeb_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample(scorer):
    truth = scorer.load_ground_truth(EVAL / "ground-truth.json")
    ids = sorted(i for i in truth if (EVAL / "html" / f"{i}.html.gz").exists())[:PAGES]
    if not ids:
        pytest.skip("no pages in the article_extraction set")
    return truth, ids


def test_html_path_scores_well_on_real_pages(scorer, sample):
    truth, ids = sample
    pred = {i: extract_html(gzip.decompress((EVAL / "html" / f"{i}.html.gz").read_bytes()).decode()).text
            for i in ids}
    result, _ = scorer.score(truth, pred, ids)
    assert result["f1"] > 0.9


def test_scraped_text_path_scores_well_on_real_pages(scorer, sample):
    truth, ids = sample
    pred = {}
    for i in ids:
        path = EVAL / "text" / f"{i}.txt"
        if not path.exists():
            pytest.skip("text corpus not present")
        text = path.read_text(encoding="utf-8")
        pred[i] = remove_boilerplate(text, language=detect_language(text)).text
    result, _ = scorer.score(truth, pred, ids)
    assert result["f1"] > 0.85
