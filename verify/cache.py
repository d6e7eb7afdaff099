"""Per-article cache of extracted claims and mentions, and a cache of embeddings.

Entries live under `.verify-cache/` and are keyed by the article file's sha256, its id, the
tool version and the models, so an edited article, a new verify or another model never reads a
stale entry. Everything is stored as JSON or NumPy arrays (never pickle); an entry that cannot be
read is ignored and rebuilt.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from .kinds import Registry
from .records import Claim, ClaimContext, EventMention

DATE_FIELDS = {"date_low", "date_high", "article_date"}
TUPLE_FIELDS = {"participants"}


def _encode_claim(claim: Claim) -> dict:
    row = {f.name: getattr(claim, f.name) for f in dataclasses.fields(claim)}
    row["value"] = claim.value.to_json()
    row["context"] = claim.context.to_json()
    row["article_date"] = claim.article_date.isoformat() if claim.article_date else None
    return row


def _decode_claim(row: dict, kinds: Registry) -> Claim:
    row = dict(row)
    row["value"] = kinds.get(row["kind"]).decode(row["value"])
    row["context"] = ClaimContext.from_json(row["context"])
    row["article_date"] = dt.date.fromisoformat(row["article_date"]) if row["article_date"] else None
    return Claim(**row)


def _encode(record) -> dict:
    row = dataclasses.asdict(record)
    for key in DATE_FIELDS & row.keys():
        row[key] = row[key].isoformat() if row[key] else None
    for key in TUPLE_FIELDS & row.keys():
        row[key] = list(row[key])
    return row


def _decode(cls, row: dict):
    fields = {f.name for f in dataclasses.fields(cls)}
    row = {k: v for k, v in row.items() if k in fields}
    for key in DATE_FIELDS & row.keys():
        row[key] = dt.date.fromisoformat(row[key]) if row[key] else None
    for key in TUPLE_FIELDS & row.keys():
        row[key] = tuple(row[key])
    return cls(**row)


class ArticleCache:
    """Extraction results per article file."""

    def __init__(self, root: str | Path, tool_version: str, models: str, kinds: Registry):
        self.kinds = kinds
        key = hashlib.sha256(f"{tool_version}|{models}".encode()).hexdigest()[:16]
        self.folder = Path(root) / "extract" / key
        self.hits = 0
        self.misses = 0

    def _path(self, article_id: str, sha256: str) -> Path:
        # Article ids come from file names anyone can choose: only a hash of them becomes a path.
        name = hashlib.sha256(f"{sha256}|{article_id}".encode()).hexdigest()
        return self.folder / f"{name}.json"

    def load(self, article_id: str, sha256: str) -> tuple[list[Claim], list[EventMention]] | None:
        path = self._path(article_id, sha256)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            claims = [_decode_claim(row, self.kinds) for row in data["claims"]]
            mentions = [_decode(EventMention, row) for row in data["mentions"]]
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1  # a corrupt entry is rebuilt
            return None
        self.hits += 1
        return claims, mentions

    def store(self, article_id: str, sha256: str, claims: list[Claim], mentions: list[EventMention]) -> None:
        payload = {"claims": [_encode_claim(c) for c in claims], "mentions": [_encode(m) for m in mentions]}
        _atomic_bytes(self._path(article_id, sha256), json.dumps(payload, ensure_ascii=False).encode("utf-8"))


class EmbeddingCache:
    """Vectors by text hash, in one .npz file per model: a `keys` array and a `vectors` matrix (one array per
    vector, as earlier versions wrote, is still read, but takes a second per 7,000 vectors to load)."""

    def __init__(self, root: str | Path, model: str):
        self.path = Path(root) / "embeddings" / f"{hashlib.sha256(model.encode()).hexdigest()[:16]}.npz"

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def load(self) -> dict[str, np.ndarray]:
        try:
            with np.load(self.path, allow_pickle=False) as data:
                if {"keys", "vectors"} <= set(data.files):
                    keys, vectors = data["keys"], data["vectors"]
                    return {str(k): v for k, v in zip(keys, vectors)} if vectors.ndim == 2 else {}
                return {k: data[k] for k in data.files}
        except (OSError, ValueError, KeyError):
            return {}  # missing or corrupt: start afresh

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".embeddings.", suffix=".npz", dir=self.path.parent)
        os.close(fd)
        try:
            keys = sorted(vectors)
            matrix = np.stack([vectors[k] for k in keys]) if keys else np.zeros((0, 0), dtype=np.float32)
            np.savez(tmp, keys=np.array(keys, dtype=str), vectors=matrix.astype(np.float32))
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


def _atomic_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
