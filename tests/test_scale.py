"""What keeps large runs usable: report.json streamed item by item, the worker count, and the sentence model
under ONNX Runtime giving sentence-transformers' vectors."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from verify.cli import cli
from verify.embed import Embedder, _onnx_ready, default_model_path
from verify.pipeline import AUTO_MIN_ARTICLES, worker_count
from verify.report import GENERATED_AT, atomic_write_all, write_json

AWKWARD = {
    "schema_version": 1, "empty": [], "nothing": None, "nested": [[1, [2, []]], {"a": []}],
    "claims": [{"text": "line one\nline two \u2028 «quoted» \"x\" \\ é", "low": 1.5, "items": ["a", "b"]},
               {"text": "", "sides": [[], ["c1"]], "n": 10**20}],
    "summary": {"by_status": {"agree": 2}, "empty": {}},
}


def test_streamed_report_json_is_what_json_dumps_writes(tmp_path):
    path = tmp_path / "report.json"
    payload = dict(AWKWARD)
    atomic_write_all({path: write_json(payload, path)})
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    assert list(payload)[-1] == "generated_at" and GENERATED_AT in text


def test_unchanged_report_json_keeps_its_time_and_file(tmp_path):
    path = tmp_path / "report.json"
    atomic_write_all({path: write_json(dict(AWKWARD), path)})
    first, stamp = path.read_text(encoding="utf-8"), path.stat().st_mtime_ns
    atomic_write_all({path: write_json(dict(AWKWARD), path)})
    assert path.read_text(encoding="utf-8") == first and path.stat().st_mtime_ns == stamp
    changed = dict(AWKWARD, schema_version=2)
    atomic_write_all({path: write_json(changed, path)})
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2


def test_a_failed_stream_leaves_the_previous_report_json(tmp_path):
    path = tmp_path / "report.json"
    path.write_text('{"old": true}\n', encoding="utf-8")

    def broken(fh):
        fh.write('{"half": ')
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write_all({path: broken})
    assert path.read_text(encoding="utf-8") == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_auto_workers_need_enough_new_articles_for_each():
    assert worker_count(3, 10) == 3  # a number is taken as given
    assert worker_count("auto", AUTO_MIN_ARTICLES - 1) == 1
    assert 1 <= worker_count("auto", 100 * AUTO_MIN_ARTICLES) <= 8


def test_workers_option_refuses_what_is_not_a_count():
    result = CliRunner().invoke(cli, ["report", "seeds", "--workers", "zero"])
    assert result.exit_code == 2 and "neither a number of processes" in result.output


def test_onnx_vectors_equal_sentence_transformers(tmp_path):
    from sentence_transformers import SentenceTransformer

    texts = ["Defence ministers from 30 countries met in Brussels on Thursday.", "31 countries", "a",
             "The death toll rose to 23 after rescuers reached the village. " * 40]  # past the 256-token cut
    onnx = Embedder(models_folder=tmp_path / "models")
    vectors = onnx.encode(texts)
    assert onnx.backend == "onnx" and list((tmp_path / "models").glob("*.onnx"))
    reference = SentenceTransformer(default_model_path(), device="cpu").encode(texts, normalize_embeddings=True)
    assert np.abs(vectors - reference).max() < 1e-5


def test_a_model_onnx_cannot_stand_for_runs_under_sentence_transformers(tmp_path):
    model = tmp_path / "model"
    shutil.copytree(default_model_path(), model)
    assert _onnx_ready(str(model))
    config = model / "1_Pooling" / "config.json"
    pooling = json.loads(config.read_text())
    config.write_text(json.dumps(dict(pooling, pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)))
    assert not _onnx_ready(str(model))


def test_embedding_cache_round_trip_and_the_older_layout(tmp_path):
    from verify.cache import EmbeddingCache

    store = EmbeddingCache(tmp_path, "model")
    vectors = {EmbeddingCache.key(t): np.full(4, n, dtype=np.float32) for n, t in enumerate(["a", "b", "c"])}
    store.save(vectors)
    loaded = store.load()
    assert set(loaded) == set(vectors) and all(np.array_equal(loaded[k], vectors[k]) for k in vectors)
    np.savez(store.path, **vectors)  # one array per vector, as verify wrote before
    assert set(store.load()) == set(vectors)
