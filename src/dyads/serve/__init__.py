"""The web server: a read API over an event database and the analysts' page (``dyads serve``)."""

from dyads.serve.app import create_app

__all__ = ["create_app"]
