"""dyads: political event data from world news."""

__version__ = "0.1.0"
