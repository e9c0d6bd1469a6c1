"""≥ 200 malformed files per type through the sandboxed readers: 0 tracebacks, 0 hangs.

Files of one type share one child process (read_many), so the run stays fast; each file still
has its own time limit, and a crash only restarts the child.
"""

from __future__ import annotations

import time

import pytest
from test_import_support import malformed

from model.importer.article import Article
from storage.articles import ArticleError, read_many

N = 200


@pytest.mark.parametrize("kind", ["html", "md", "txt", "pdf"])
def test_malformed_files_never_crash_or_hang(tmp_path, kind) -> None:
    files = malformed(kind, N)
    paths = []
    for name, data in files:
        p = tmp_path / name
        p.write_bytes(data)
        paths.append(str(p))
    t = time.monotonic()
    results = read_many(paths, timeout=10.0)
    elapsed = time.monotonic() - t
    assert len(results) == N
    for (name, _), r in zip(files, results):
        assert isinstance(r, (Article, ArticleError)), name
        if isinstance(r, ArticleError):
            msg = str(r)
            assert msg and "Traceback" not in msg and "\n" not in msg, (name, msg)
            assert "longer than" not in msg, f"{name} hung: {msg}"
        else:
            assert isinstance(r.text, str) and r.text.strip()
    assert elapsed < 30, f"{kind}: {elapsed:.1f}s"
