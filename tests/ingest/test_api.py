"""The public surface of the ingest stage is exactly these names."""

import dyads.ingest


def test_public_names_are_pinned():
    assert sorted(dyads.ingest.__all__) == ["NearDuplicateIndex", "clean", "content_hash", "decode_bytes",
                                            "describe", "iter_sources"]
    for name in dyads.ingest.__all__:
        assert callable(getattr(dyads.ingest, name))
