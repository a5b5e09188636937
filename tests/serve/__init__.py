"""Tests of the web server and page (a package, so test_api.py does not clash with tests/ingest/test_api.py)."""
