"""Claim kinds: one module per kind, found by the registry.

A module of this package that defines `KIND` (an instance of `verify.kinds.base.Kind`) is a
claim kind; modules without one hold code several kinds share. Adding a kind is adding one
module here (and its tests): extraction, alignment and judgement pick it up through `Registry`.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator

from .base import Kind, Rule


class UnknownRule(LookupError):
    """No rule has that name."""


class Registry:
    """The claim kinds of a run, by name, and their rules."""

    def __init__(self, kinds: Iterable[Kind]):
        self._kinds = {kind.name: kind for kind in kinds}

    @classmethod
    def default(cls) -> Registry:
        """Every kind defined in this package, in module order."""
        kinds = []
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            module = importlib.import_module(f"{__name__}.{info.name}")
            kind = getattr(module, "KIND", None)
            if isinstance(kind, Kind):
                kinds.append(kind)
        return cls(kinds)

    def __iter__(self) -> Iterator[Kind]:
        return iter(self._kinds.values())

    def __len__(self) -> int:
        return len(self._kinds)

    def get(self, name: str) -> Kind:
        return self._kinds[name]

    def names(self) -> list[str]:
        return list(self._kinds)

    def rules(self) -> list[tuple[Kind, Rule]]:
        """Every rule with the kind that applies it, kinds in registry order, rules in their order."""
        return [(kind, r) for kind in self for r in kind.all_rules]

    def find_rule(self, name: str) -> tuple[list[Kind], Rule]:
        """A rule by name, with every kind that applies it (some rules are shared)."""
        users = [(kind, r) for kind, r in self.rules() if r.name == name]
        if not users:
            raise UnknownRule(name)
        return [kind for kind, _ in users], users[0][1]
