"""The process pool and the Dask path give the same report as the serial path."""
from __future__ import annotations

import pytest
from conftest import SEEDS

from verify.pipeline import run
from verify.report import to_json


def comparable(report) -> dict:
    payload = to_json(report)
    payload.pop("generated_at", None)
    return payload


def test_process_pool_gives_the_serial_report(seeds_report):
    pooled = run([str(SEEDS)], workers=2)
    assert comparable(pooled) == comparable(seeds_report)


def test_dask_local_cluster_gives_the_serial_report(seeds_report):
    distributed = pytest.importorskip("distributed", reason="pip install 'verify[dask]' to test the Dask path")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        on_dask = run([str(SEEDS)], dask=client)
    assert comparable(on_dask) == comparable(seeds_report)
