"""verify: cross-check the claims of several news articles about the same events.

Python API (see README, "Python API"): `verify.run(paths_or_frame, ...)` returns a `Report`
whose `claims_frame()` and `findings_frame()` are pandas DataFrames; `verify.run_groups`
runs one story per group of table rows; `verify.read` only reads the articles.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "read", "run", "run_groups"]


def __getattr__(name: str):
    # The API loads pandas and the pipeline on first use, so `verify --help` stays fast.
    if name in ("read", "run", "run_groups"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'verify' has no attribute {name!r}")
