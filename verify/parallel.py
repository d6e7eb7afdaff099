"""Per-article work (extraction and sentence embeddings) in this process, a process pool, or Dask.

Everything here is per article and independent, so it spreads over processes or machines; the
stages after it (events, alignment, judgement) read the collected claims. Each worker loads the
models once: pool workers in their initializer, Dask workers through a worker plugin. A worker also
encodes every text the later stages compare by meaning (mention sentences, claims' subjects and
frames), so that with several workers the model's work is spread too, and nothing is left to encode
in the main process.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .align import compared_texts
from .records import Article, Claim, EventMention


@dataclass
class ArticleResult:
    """What one article yields: its claims, its event mentions, and the vectors of the texts later stages compare."""

    article: str
    claims: list[Claim]
    mentions: list[EventMention]
    texts: list[str]  # mention sentences and the claims' compared texts, each once
    vectors: np.ndarray | None  # one row per text, when the worker encodes


def texts_to_encode(claims: list[Claim], mentions: list[EventMention], kinds) -> list[str]:
    """What events and alignment will encode for one article: its mention sentences, its claims' compared texts."""
    return list(dict.fromkeys([*(m.sentence for m in mentions), *compared_texts(claims, kinds)]))


class ArticleWorker:
    """Holds the models of one process and processes articles with them.

    Without an embedder it only extracts; the caller then encodes all texts in one batch.
    """

    def __init__(self, resources, embedder=None):
        self.resources = resources
        self.embedder = embedder

    @classmethod
    def load(cls, model_path: str, models_folder=None, threads: int | None = None) -> ArticleWorker:
        from .embed import Embedder
        from .extract import Resources

        return cls(Resources.default(), Embedder(model_path, models_folder=models_folder, threads=threads))

    def batch(self, articles: list[Article]) -> list[ArticleResult]:
        """Extract each article, then encode the batch's texts together (the model is fastest in batches)."""
        from .extract import extract_article

        results = []
        for article in articles:
            claims, mentions = extract_article(article, self.resources)
            texts = texts_to_encode(claims, mentions, self.resources.kinds) if self.embedder is not None else []
            results.append(ArticleResult(article.id, claims, mentions, texts, None))
        if self.embedder is not None:
            given: set[str] = set()
            for result in results:  # a text shared by articles of the batch travels back once
                result.texts = [t for t in result.texts if t not in given]
                given.update(result.texts)
            texts = sorted(given)
            if texts:
                vectors = dict(zip(texts, self.embedder.encode(texts)))
                for result in results:
                    if result.texts:
                        result.vectors = np.stack([vectors[t] for t in result.texts])
        return results


BATCH = 32  # articles per task: enough sentences for efficient model batches, small enough to spread

# Pool workers are separate processes: each keeps its own ArticleWorker here, set by the initializer.
_POOL_WORKER: dict[str, ArticleWorker] = {}


def _init_pool_worker(model_path: str | None, models_folder=None) -> None:
    """Load the models of a pool worker; without a model path it only extracts (no embedding)."""
    if model_path is None:
        import sys

        from .extract import Resources

        # spaCy's thinc imports torch when it can (3-4 s) though extraction never uses it: an
        # extraction-only worker started before this process imported torch is spared that.
        sys.modules.setdefault("torch", None)  # type: ignore[arg-type]
        _POOL_WORKER["worker"] = ArticleWorker(Resources.default())
        return
    from threadpoolctl import threadpool_limits

    # One core per worker process: threads (the model's, and numpy's BLAS under spaCy) would only fight over the cores.
    threadpool_limits(1)
    _POOL_WORKER["worker"] = ArticleWorker.load(model_path, models_folder, threads=1)


def _run_in_pool(articles: list[Article]) -> list[ArticleResult]:
    return _POOL_WORKER["worker"].batch(articles)


def _batches(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def process_serial(articles: list[Article], worker: ArticleWorker, progress) -> list[ArticleResult]:
    results = []
    for n, article in enumerate(articles, 1):
        results.extend(worker.batch([article]))
        progress(n, len(articles))
    return results


def process_beside(articles: list[Article], embedder, progress) -> list[ArticleResult]:
    """Extract a few articles in a second process while this one loads the embedding model.

    Loading spaCy and the sentence-transformers stack take seconds each; on a small incremental run
    (a few new articles) doing both at once on two cores is what the user waits for.
    """
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, initializer=_init_pool_worker, initargs=(None,)) as pool:
        future = pool.submit(_run_in_pool, articles)
        embedder.preload()
        results = future.result()
    progress(len(results), len(articles))
    return results


def process_pool(articles: list[Article], model_path: str, workers: int, progress,
                 models_folder=None) -> list[ArticleResult]:
    """Articles across `workers` processes on this machine; results come back in input order."""
    from concurrent.futures import ProcessPoolExecutor

    results: list[ArticleResult] = []
    size = max(1, min(BATCH, len(articles) // (workers * 2) or 1))
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_pool_worker,
                             initargs=(model_path, models_folder)) as pool:
        for batch in pool.map(_run_in_pool, _batches(articles, size)):
            results.extend(batch)
            progress(len(results), len(articles))
    return results


def process_dask(articles: list[Article], model_path: str, address, progress) -> list[ArticleResult]:
    """Articles on a Dask distributed cluster (an address, or a Client/LocalCluster to use as is)."""
    from distributed import Client, WorkerPlugin

    class VerifyModels(WorkerPlugin):
        name = "verify-models"

        def __init__(self, path: str):
            self.path = path

        def setup(self, worker):
            # The model gets the worker's threads: a LocalCluster of one-thread workers shares the cores out.
            worker.verify_article_worker = ArticleWorker.load(self.path, threads=getattr(worker, "nthreads", None))

    client = address if isinstance(address, Client) else Client(address)
    try:
        client.register_plugin(VerifyModels(model_path))
        futures = client.map(_run_on_dask_worker, _batches(articles, BATCH), pure=False)
        results: list[ArticleResult] = []
        for batch in client.gather(futures):
            results.extend(batch)
            progress(len(results), len(articles))
        return results
    finally:
        if client is not address:
            client.close()


def _run_on_dask_worker(articles: list[Article]) -> list[ArticleResult]:
    from distributed import get_worker

    return get_worker().verify_article_worker.batch(articles)
