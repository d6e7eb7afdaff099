"""The naive approach verify is measured against (benchmarks only, not part of the pipeline).

Every sentence of every article is compared with every other sentence by embedding cosine; pairs
above a threshold that carry numbers with the same unit noun are a conflict when the numbers
differ, an agreement when they match. No events, hedges, scopes, dates or roles.
"""
from __future__ import annotations

import numpy as np

from .embed import Embedder
from .extract.quantities import find_quantities
from .judge import finding_id
from .kinds.quantity import quantity_value
from .read import line_of, read_articles
from .records import Claim, Finding, Report

SIMILAR = 0.75  # cosine above which two sentences are taken to say the same thing
CHUNK = 2048  # rows of the similarity matrix computed at once


def naive_report(paths: list[str], embedder: Embedder | None = None) -> Report:
    articles, warnings = read_articles(paths)
    embedder = embedder or Embedder()
    sentences, claims_of = [], []
    claims: list[Claim] = []
    for article in articles:
        for seg in article.segments:
            if seg.role != "body":
                continue
            found = []
            for q in find_quantities(seg.text):
                unit = (q.unit.split() or [""])[-1]
                if not unit:
                    continue
                claim = Claim(id=f"{article.id}:n{len(claims):05d}", article=article.id, kind=q.kind,
                              attribute=f"{q.kind}:{unit}", subject=unit, value=quantity_value(q, unit=unit),
                              text=q.text, start=seg.start + q.start, end=seg.start + q.end,
                              line=line_of(article.text, seg.start + q.start), sentence=seg.text,
                              sentence_start=seg.start)
                claims.append(claim)
                found.append(claim)
            if found:
                sentences.append(seg.text)
                claims_of.append(found)
    findings: list[Finding] = []
    if sentences:
        vectors = embedder.encode(sentences)
        for top in range(0, len(sentences), CHUNK):
            block = vectors[top:top + CHUNK] @ vectors.T
            rows, cols = np.nonzero(block >= SIMILAR)
            for r, c in zip(rows, cols):
                i, j = top + int(r), int(c)
                if j <= i:
                    continue
                for a in claims_of[i]:
                    for b in claims_of[j]:
                        if a.article == b.article or a.attribute != b.attribute:
                            continue
                        status = "agree" if a.value.point == b.value.point else "conflict"  # type: ignore[attr-defined]
                        findings.append(Finding(id=finding_id("naive", None, a.attribute, [a, b]), status=status,
                                                event=None, attribute=a.attribute, claims=[a.id, b.id],
                                                explanation="similar sentences with numbers of the same unit",
                                                articles=sorted({a.article, b.article}), sides=[[a.id], [b.id]],
                                                rule="naive-similar-sentence"))
    return Report(articles=articles, mentions=[], events=[], claims=claims, findings=findings, warnings=warnings,
                  tool_version="baseline", model=embedder.name)
