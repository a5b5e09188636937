"""The first pass: the trigger screen lists every word form the lemmatizer maps to a lexicon verb, and selective
parsing codes what parsing every sentence codes."""

from __future__ import annotations

from pathlib import Path

from dyads.ingest import clean, iter_sources
from dyads.model import RawDocument

DEMO = Path(__file__).resolve().parents[1] / "src" / "dyads" / "data" / "demo"


def demo_documents(n: int = 12):
    items = [i for i in iter_sources([str(p) for p in sorted(DEMO.glob("[0-9]*"))[:n]])]
    return [clean(i) for i in items if isinstance(i, RawDocument)]


def test_every_form_the_lemmatizer_maps_to_a_verb_entry_is_screened_in(pipeline) -> None:
    screen = pipeline.triggers
    verbs = {k.split()[0] for k in pipeline.extractor.lexicon.verbs}
    seen = 0
    for doc in demo_documents():
        for sent in pipeline.nlp.pipe(s.text for s in pipeline.splitter(doc.text)):
            for tok in sent:
                if tok.lemma_.lower() in verbs:
                    seen += 1
                    assert tok.lower_ in screen.bare or tok.lower_ in screen.needs, (tok.text, tok.lemma_)
    assert seen > 100


def test_irregular_and_inflected_forms(pipeline) -> None:
    explain = pipeline.triggers.explain
    assert explain({"china", "sent", "troops"})
    assert explain({"they", "sanctioned", "iran"})
    assert explain({"held", "talks", "with"})
    assert explain({"the", "weather", "was", "mild"}) is None


def test_selective_parsing_codes_what_parsing_everything_codes(pipeline) -> None:
    from dyads.pipeline import Pipeline

    docs = demo_documents()
    every = Pipeline(parse_all=True)

    def key(e):  # type: ignore[no-untyped-def]
        return e.to_record() | {"span": list(e.span)}

    selective = [key(e) for c in pipeline.code_many(docs) for e in c.events]
    parsed = sum(c.parsed for c in pipeline.code_many(docs))
    full = [key(e) for c in every.code_many(docs) for e in c.events]
    assert selective == full
    assert parsed < sum(c.sentences for c in every.code_many(docs))
