"""Limits on what one document may cost, with the reasons a batch records when a document goes over one.

- **Document size** (`Limits.max_document_bytes`, default 10 MB, ``DYADS_MAX_DOCUMENT_MB``): a file, a gzip
  member once decompressed, a JSONL record or an archived page larger than this is recorded as ``skipped`` with
  "document is 50.0 MB, over the 10 MB limit" and is never read whole (a file is measured before it is read; a gzip
  stream is decompressed only up to the limit, so a gzip bomb costs nothing). A JSONL or WARC file is a container:
  the limit applies to each record, not to the file.
- **Clean text** (`Limits.max_text_chars`, default 500,000 characters, ``DYADS_MAX_TEXT_CHARS``): an article
  whose clean text is longer (a book, a log, a one-line megabyte of text) is ``skipped`` with its length and the
  limit; spaCy refuses texts over 1,000,000 characters anyway.
- **Cleaning time** (`Limits.clean_timeout_s`, default 60 s, ``DYADS_DOCUMENT_TIMEOUT``, 0 turns it off): cleaning
  one document (HTML extraction, boilerplate scoring) that takes longer is ``skipped`` with the time it took. It is
  enforced with ``SIGALRM`` and so only on the main thread of a POSIX process (the command line, a worker process);
  elsewhere (the web server's thread pool) the size limits bound the cost instead. Coding time is bounded by the
  size limits and the sentence limit: sentences of one document are parsed in batches shared with other documents,
  so a per-document clock there would cut other documents' work.

Limits are read from the environment when a batch reads its sources, so ``DYADS_MAX_DOCUMENT_MB=50 dyads ingest``
works for every command, and the values travel to worker processes with their environment.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from dyads.errors import SkippedDocument

ENV_MAX_DOCUMENT_MB = "DYADS_MAX_DOCUMENT_MB"
ENV_MAX_TEXT_CHARS = "DYADS_MAX_TEXT_CHARS"
ENV_DOCUMENT_TIMEOUT = "DYADS_DOCUMENT_TIMEOUT"
DEFAULT_MAX_DOCUMENT_MB = 10.0
DEFAULT_MAX_TEXT_CHARS = 500_000
DEFAULT_CLEAN_TIMEOUT_S = 60.0
MB = 1024 * 1024


def _env_number(name: str, default: float) -> float:
    """A non-negative number from the environment, or ``default`` when unset; a bad value is an error that
    names the variable (it is the user's setting, not a document's fault)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number") from None
    if value < 0:
        raise ValueError(f"{name}={raw!r} must not be negative")
    return value


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost (see the module docstring)."""

    max_document_bytes: int = int(DEFAULT_MAX_DOCUMENT_MB * MB)
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    clean_timeout_s: float = DEFAULT_CLEAN_TIMEOUT_S

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, overridden by ``DYADS_MAX_DOCUMENT_MB``, ``DYADS_MAX_TEXT_CHARS`` and
        ``DYADS_DOCUMENT_TIMEOUT`` where set."""
        return cls(int(_env_number(ENV_MAX_DOCUMENT_MB, DEFAULT_MAX_DOCUMENT_MB) * MB),
                   int(_env_number(ENV_MAX_TEXT_CHARS, DEFAULT_MAX_TEXT_CHARS)),
                   _env_number(ENV_DOCUMENT_TIMEOUT, DEFAULT_CLEAN_TIMEOUT_S))


def current_limits() -> Limits:
    """The limits in force now (the environment is read on every call: it is cheap, and tests change it)."""
    return Limits.from_env()


def _size(n: float) -> str:
    """A byte count for a person: ``50 MB``, ``1.5 MB``, ``12 KB``, ``300 bytes``."""
    if n >= MB:
        return f"{n / MB:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n:.0f} bytes"


def too_large(doc_id: str, size: int | None, limit: int, *, what: str = "document") -> SkippedDocument:
    """The record of a document over the size limit (``size`` None: not measured, it was not read whole)."""
    figure = f"{what} is {_size(size)}, over" if size is not None else f"{what} is over"
    return SkippedDocument(doc_id, f"{figure} the {_size(limit)} limit (set {ENV_MAX_DOCUMENT_MB} to change it)")


def too_long(doc_id: str, chars: int, limit: int) -> SkippedDocument:
    """The record of a document whose clean text is over the character limit."""
    return SkippedDocument(doc_id, f"clean text is {chars:,} characters, over the {limit:,}-character limit "
                                   f"(set {ENV_MAX_TEXT_CHARS} to change it)")


def gunzip_capped(data: bytes, limit: int) -> bytes | None:
    """Decompress gzip ``data`` (every member) up to ``limit`` bytes; None when it would be larger.

    Raises ``zlib.error`` or ``EOFError`` for corrupt or truncated data, like `gzip.decompress`.
    """
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out += inflater.decompress(rest, limit + 1 - len(out))
        if len(out) > limit:
            return None
        if inflater.unconsumed_tail:  # output cap reached exactly at the limit with input left
            return None
        if not inflater.eof:
            raise EOFError("compressed data ended before the end-of-stream marker was reached")
        rest = inflater.unused_data.lstrip(b"\x00")
    return bytes(out)


class CleaningTimeout(Exception):
    """Raised inside a document's cleaning when its time is up (turned into a `SkippedDocument`)."""


@contextmanager
def time_limit(doc_id: str, seconds: float) -> Iterator[None]:
    """Stop the work inside after ``seconds`` with a `SkippedDocument`, on the main thread of a POSIX process;
    elsewhere (or with ``seconds`` 0) a no-op. A library that swallows the interruption cannot hide it: the time
    is checked again on the way out."""
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    start = time.monotonic()

    def expire(signum: int, frame: FrameType | None) -> None:
        raise CleaningTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except CleaningTimeout:
        raise _timed_out(doc_id, seconds) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if time.monotonic() - start > seconds:
        raise _timed_out(doc_id, seconds)


def _timed_out(doc_id: str, seconds: float) -> SkippedDocument:
    return SkippedDocument(doc_id, f"cleaning took more than {seconds:g} s, the per-document time limit "
                                   f"(set {ENV_DOCUMENT_TIMEOUT} to change it)")
