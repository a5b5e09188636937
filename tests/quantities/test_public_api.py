"""The public surface of dyads.quantities, and that importing it reads no table."""

from __future__ import annotations

import subprocess
import sys

import dyads.quantities


def test_exports_exactly_the_five_functions() -> None:
    assert sorted(dyads.quantities.__all__) == ["deal_status", "find_counts", "find_money", "find_weapons", "to_usd"]
    for name in dyads.quantities.__all__:
        assert callable(getattr(dyads.quantities, name))
        assert getattr(dyads.quantities, name).__doc__


def test_import_reads_no_table() -> None:
    code = (
        "import sys\n"
        "import dyads.quantities as q\n"
        "lexicon, money = sys.modules['dyads.quantities._lexicon'], sys.modules['dyads.quantities.money']\n"
        "status, exchange = sys.modules['dyads.quantities.deal_status'], sys.modules['dyads.quantities.exchange']\n"
        "caches = [lexicon.load_lexicon, money.currency_table, money.money_patterns, lexicon.calibre_pattern,\n"
        "          status.load_cues, exchange._rate_rows, lexicon.load_systems]\n"
        "assert all(c.cache_info().currsize == 0 for c in caches)\n"
        "q.find_counts('12 Rafale jets for $3 billion')\n"
        "assert all(c.cache_info().currsize == 1 for c in caches[:4])\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_functions_accept_empty_text() -> None:
    assert dyads.quantities.find_money("") == []
    assert dyads.quantities.find_counts("") == []
    assert dyads.quantities.find_weapons("") == []
    assert dyads.quantities.deal_status("") is None
