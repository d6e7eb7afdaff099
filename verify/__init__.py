"""verify: cross-check the claims of several news articles about the same events."""

__version__ = "0.1.0"
