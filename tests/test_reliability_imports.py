"""Hostile trend CSVs and hostile web servers: ≥ 200 cases each, 0 tracebacks, 0 hangs.

RELIABILITY.md, "bad imports": every CSV goes through the real import path (the sandboxed
reader, then `series_from_table`, then one edit on an open map); every URL goes through
`read_article` against a stub server on 127.0.0.1. Cases of one kind share one sandbox child
so the file stays fast; each call still has its own time limit, and a watchdog thread turns
a hang into a failure instead of a stuck test run.
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import random
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from test_import_support import FIXTURES, fill_with_mutants, make_pdf, mutate

from model.argmap import ArgumentMap
from model.importer.article import Article
from model.trends import guess_columns
from storage.articles import ArticleError, read_article
from storage.document import MapDocument
from storage.sandbox import MEMORY_LIMIT, Sandbox
from storage.trenddata import ImportResult, TrendDataError, read_table_sandboxed, series_from_table

EPOCH = Path(__file__).parent / "fixtures" / "epoch_sample.csv"
EPOCH_MAP = {"date": "Publication date", "value": "Training compute (FLOP)", "label": "Model"}
HANG = 30.0  # a call that runs this long is a hang, whatever the machine's load
N = 200


def bounded(fn: Callable[[], Any], limit: float = HANG) -> Any:
    """Run fn in a watchdog thread: its result or exception, or a 'hang' failure after `limit`."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller below
            box["error"] = exc

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(limit)
    if t.is_alive():
        pytest.fail(f"hang: the call did not return within {limit:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


def assert_user_message(msg: str, case: str) -> None:
    """One readable line: no traceback, no repr of an exception object, not empty."""
    assert msg.strip(), case
    assert "\n" not in msg and "Traceback" not in msg, (case, msg)
    assert "took longer than" not in msg, f"{case} hung in the parser: {msg}"
    assert "object at 0x" not in msg, (case, msg)


_CHILD_PEAKS: list[int] = []  # VmHWM of each sandbox child this module's tests stopped


def _vm_hwm(pid: int) -> int:
    """A live process's own peak resident set, in bytes (0 when it is gone). Not
    RUSAGE_CHILDREN: at exec Linux folds the *parent's* peak into the child's ru_maxrss, so
    that figure grows with the test process, not with the parser."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(ln.split()[1]) * 1024 for ln in status.splitlines()
                 if ln.startswith("VmHWM:")), 0)  # fmt: skip


@pytest.fixture(autouse=True)
def _record_child_peaks(monkeypatch):  # noqa: ANN001, ANN202
    """Every sandbox child's own peak is read just before it is stopped or killed."""
    _CHILD_PEAKS.clear()
    close, kill = Sandbox.close, Sandbox._kill

    def closing(self: Sandbox) -> None:
        if self._proc is not None:
            _CHILD_PEAKS.append(_vm_hwm(self._proc.pid))
        close(self)

    def killing(self: Sandbox, proc) -> None:  # noqa: ANN001
        _CHILD_PEAKS.append(_vm_hwm(proc.pid))
        kill(self, proc)

    monkeypatch.setattr(Sandbox, "close", closing)
    monkeypatch.setattr(Sandbox, "_kill", killing)


def children_peak_rss() -> int:
    """Largest resident set any sandbox child of the test reached, in bytes."""
    assert any(_CHILD_PEAKS), "no sandbox child was measured"
    return max(_CHILD_PEAKS)


# =================================================================== malformed CSV files
def _csv(rows: list[str], sep: str = ",") -> bytes:
    return ("\n".join(sep.join(r.split(",")) for r in rows) + "\n").encode()


def csv_specials() -> list[tuple[str, bytes]]:
    """Hand-made bad CSVs, one per way a real file goes wrong."""
    ok = ["date,value,label", "2019,1e21,A", "2020-06,3e22,B", "2021-03-15,4e23,C"]
    epoch = EPOCH.read_bytes()
    rng = random.Random(11)
    cases = {
        "binary": rng.randbytes(10_000),
        "png": b"\x89PNG\r\n\x1a\n" + rng.randbytes(500),
        "gzip": gzip.compress(epoch),
        "nul_in_cell": _csv(ok).replace(b"3e22", b"3e\x0022"),
        "nuls_only": b"\x00" * 4096,
        "invalid_utf8_cells": _csv(ok).replace(b"B", b"\xff\xfe\xc3("),
        "undefined_cp1252": b"date,value\n" + b"\x81\x8d\x8f\x90\x9d" * 400,
        "latin1_epoch": epoch.decode("utf-8").encode("cp1252", "replace"),
        "utf16_epoch": epoch.decode("utf-8").encode("utf-16"),
        "utf16_no_bom": epoch.decode("utf-8").encode("utf-16-le"),
        "utf8_bom": b"\xef\xbb\xbf" + _csv(ok),
        "bom_only": b"\xef\xbb\xbf",
        "empty": b"",
        "whitespace": b" \n\t\r\n  ",
        "space_delimited": _csv(ok, " "),
        "colon_delimited": _csv(ok, ":"),
        "semicolon_decimal_commas": b"date;value\n2020;1,5\n2021;2,5\n",
        "tab": _csv(ok, "\t"),
        "pipe": _csv(ok, "|"),
        "mixed_delimiters": b"date,value\n2020;1\n2021\t2\n2022,3\n",
        "one_mb_field": b"date,value\n2020," + b"9" * (1 << 20) + b"\n",
        "one_mb_quoted": b'date,value\n2020,"' + b"x\n" * (1 << 19) + b'"\n',
        "one_mb_header": b"d" * (1 << 20) + b",value\n2020,1\n",
        "all_empty_value": b"date,value,label\n2020,,a\n2021,,b\n2022, ,c\n",
        "all_empty_date": b"date,value\n,1\n,2\n",
        "ragged": b"date,value\n2020,1\n2021\n2022,3,4,5\n,\n2023,8\n",
        "all_ragged": b"date,value\n1,2,3\n4\n5,6,7,8\n",
        "quote_storm": b'"' * 100_000,
        "quote_storm_rows": b'date,value\n"2020,"1\n' + b'""",""",' * 20_000 + b"\n",
        "unclosed_quote": b'date,value\n"2020,1\n2021,2\n2022,3\n',
        "quoted_header_break": b'"da\nte",value\n2020,1\n',
        "many_lines": b"date,value\n"
        + b"".join(b"%d,%d\n" % (1900 + i % 120, i + 1) for i in range(20_000)),
        "many_blank_lines": b"date,value\n" + b"\n" * 200_000 + b"2020,1\n",
        "too_many_columns": b",".join(b"c%d" % i for i in range(800))
        + b"\n"
        + b"1," * 799
        + b"1\n",
        "comma_line": b"," * 1_000_000 + b"\n",
        "duplicate_header": b"date,value,value\n2020,1,2\n",
        "blank_header_name": b"date,,value\n2020,x,1\n",
        "header_only": b"date,value\n",
        "cr_only": _csv(ok).replace(b"\n", b"\r"),
        "crlf": _csv(ok).replace(b"\n", b"\r\n"),
        "formula_cells": b"date,value,label\n2020,1,=cmd|' /C calc'!A0\n2021,2,+SUM(A1)\n",
        "non_finite": b"date,value\n2020,inf\n2021,nan\n2022,1e400\n2023,-1e400\n",
        "odd_numbers": b"date,value\n2020,-5\n2021,0\n2022,1_000\n2023,\xc2\xa01 234\n",
        "bad_dates": b"date,value\n0000-00-00,1\n2020-13-01,2\n2021-02-30,3\n-2000,4\n99999,5\n",
        "low_high_inverted": b"date,value,low,high\n2020,5,9,1\n2021,5,1,9\n",
        "control_chars": b"date,value\n" + bytes(range(1, 32)) * 50,
        "rtl_and_zero_width": "date,value,label\n2020,1,\u202eevil\u200b\n".encode(),
        "sniffer_bait": b'"a",' * 250_000 + b'"b"\n1,2\n',
        "only_newlines_in_quotes": b'"\n\n\n","\n"\n"\n","\n"\n',
        "epoch_truncated": epoch[: len(epoch) // 3],
        "epoch_header_only": epoch.split(b"\n", 1)[0] + b"\n",
    }
    return list(cases.items())


def malformed_csvs(n: int = N, seed: int = 5) -> list[tuple[str, bytes]]:
    """The specials, then random mutations of the Epoch-style fixture up to n files."""
    return fill_with_mutants(csv_specials(), EPOCH.read_bytes(), n, random.Random(seed))


@dataclass
class Outcome:
    case: str
    result: ImportResult | None = None
    error: str = ""


def import_csv_into(doc: MapDocument, box: Sandbox, path: Path, case: str, i: int) -> Outcome:
    """The app's import path: sandboxed read → map columns → one edit adding the series."""
    try:
        table = read_table_sandboxed(path, timeout=15.0, box=box)
        mapping = EPOCH_MAP if case.startswith("mut") and i % 2 else guess_columns(table.header)
        result = bounded(lambda: series_from_table(table, mapping, f"s{i}", source=path.name))
    except TrendDataError as exc:
        return Outcome(case, error=str(exc))
    with doc.map.batch(f"Import trend data s{i}"):
        doc.map.put_series(result.series)
    return Outcome(case, result=result)


@pytest.fixture
def open_map(tmp_path: Path) -> Iterator[MapDocument]:
    amap = ArgumentMap()
    amap.add_node("thesis", "Scaling today's LLMs leads to AGI")
    doc = MapDocument.create(tmp_path / "m.cruxmap", amap)
    yield doc
    doc.close()


def test_malformed_csvs_fail_cleanly_or_add_one_series(tmp_path, open_map) -> None:
    doc = open_map
    edits: list[list] = []
    doc.map.subscribe(edits.append)
    cases = malformed_csvs()
    assert len(cases) >= N
    outcomes: list[Outcome] = []
    with Sandbox(timeout=15.0) as box:
        for i, (case, data) in enumerate(cases):
            path = tmp_path / f"{case}.csv"
            path.write_bytes(data)
            before = hashlib.sha256(doc.path.read_bytes()).hexdigest()
            n_edits = len(edits)
            out = import_csv_into(doc, box, path, case, i)
            outcomes.append(out)
            if out.error:
                assert_user_message(out.error, case)
                assert len(edits) == n_edits, f"{case}: a failed import edited the map"
                assert hashlib.sha256(doc.path.read_bytes()).hexdigest() == before, case
            else:
                assert len(edits) == n_edits + 1, f"{case}: the import was not one edit"
                assert {c.kind for c in edits[-1]} == {"series"}, case
                s = out.result.series
                assert s.points and all(p.value == p.value for p in s.points), case
                assert out.result.rows_read == len(s.points), case
    assert children_peak_rss() <= MEMORY_LIMIT
    reopened = MapDocument.open(doc.path)
    try:
        assert reopened.map.series == doc.map.series  # every acknowledged import is on disk
    finally:
        reopened.close()
    by_case = {o.case: o for o in outcomes}
    # the spread is real: many refusals, and the readable files still import
    assert sum(1 for o in outcomes if o.error) >= 50
    assert sum(1 for o in outcomes if o.result) >= 20
    for case in ("binary", "png", "nul_in_cell", "nuls_only", "gzip"):
        assert "binary" in by_case[case].error or "text" in by_case[case].error, case
    assert "longer than 100,000 characters" in by_case["one_mb_field"].error
    assert "one column" in by_case["space_delimited"].error
    assert "empty in every row" in by_case["all_empty_value"].error
    assert by_case["latin1_epoch"].result and by_case["crlf"].result and by_case["tab"].result
    assert by_case["utf16_epoch"].result, by_case["utf16_epoch"].error
    ragged = by_case["ragged"].result
    assert ragged and {r.line for r in ragged.rejected} >= {3, 4}


# =================================================================== hostile web servers
ARTICLE = (FIXTURES / "compute_wall.html").read_bytes()
TEXT = (FIXTURES / "plain_debate.txt").read_bytes()
PDF = make_pdf(["Scaling laws held across many orders of magnitude of compute.",
                "Critics answer that the stock of human text runs out by 2028."])  # fmt: skip
BOMB = gzip.compress(b"\0" * (64 << 20), compresslevel=9)  # 64 MB of zeros in ~64 KB
HTML_BOMB = gzip.compress(b"<p>scaling data compute</p>" * (2 << 20), compresslevel=9)
STOP = threading.Event()  # set when a test ends: endless responses stop writing


@dataclass(frozen=True)
class Reply:
    """What the stub server does for one path."""

    status: int = 200
    ctype: str = "text/html"
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    length: str | None = "auto"  # "auto" = len(body); None = no Content-Length header
    delay: float = 0.0  # before anything is sent
    trickle: float = 0.0  # seconds between body bytes, for ever
    endless: bool = False  # body repeats until the client goes away
    cut: bool = False  # close after half the promised body
    raw: bytes = b""  # bytes written instead of an HTTP response


class Stub(http.server.BaseHTTPRequestHandler):
    routes: dict[str, Reply] = {}
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        r = self.routes.get(self.path.split("?")[0], Reply(404, "text/plain", b"not found"))
        self.close_connection = True
        if r.delay and STOP.wait(r.delay):
            return
        if r.raw:
            self.wfile.write(r.raw)
            return
        self.send_response(r.status)
        self.send_header("Content-Type", r.ctype)
        for k, v in r.headers:
            self.send_header(k, v)
        if r.length == "auto" and not (r.endless or r.trickle):
            self.send_header("Content-Length", str(len(r.body)))
        elif r.length not in (None, "auto"):
            self.send_header("Content-Length", r.length)
        self.send_header("Connection", "close")
        self.end_headers()
        self._body(r)

    def _body(self, r: Reply) -> None:
        try:
            if r.trickle:
                for _ in range(int(10 / r.trickle)):
                    if STOP.wait(r.trickle):
                        return
                    self.wfile.write(b"x")
                    self.wfile.flush()
            elif r.endless:
                while not STOP.is_set():
                    self.wfile.write(r.body)
            elif r.cut:
                self.wfile.write(r.body[: len(r.body) // 2])
            else:
                self.wfile.write(r.body)
        except OSError:
            pass  # the client hung up: that is what a capped reader does

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def stub(routes: dict[str, Reply]) -> Iterator[str]:
    STOP.clear()
    Stub.routes = routes
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        STOP.set()
        server.shutdown()
        server.server_close()


def _raw(status_line: bytes, headers: bytes = b"", body: bytes = b"") -> Reply:
    return Reply(raw=status_line + b"\r\n" + headers + b"\r\n" + body)


def url_routes() -> dict[str, tuple[Reply, str]]:
    """path → (reply, what must happen: "ok", "error", or "either")."""
    rng = random.Random(3)
    r: dict[str, tuple[Reply, str]] = {
        "/ok/html": (Reply(body=ARTICLE, ctype="text/html; charset=utf-8"), "ok"),
        "/ok/text": (Reply(body=TEXT, ctype="text/plain"), "ok"),
        "/ok/pdf": (Reply(body=PDF, ctype="application/pdf"), "ok"),
        "/ok/gzip": (
            Reply(body=gzip.compress(ARTICLE), headers=(("Content-Encoding", "gzip"),)),
            "ok",
        ),
        "/ok/deflate": (
            Reply(body=zlib.compress(ARTICLE), headers=(("Content-Encoding", "deflate"),)),
            "ok",
        ),
        "/ok/no-length": (Reply(body=ARTICLE, length=None), "ok"),
        "/ok/html-as-octets": (Reply(body=ARTICLE, ctype="application/octet-stream"), "ok"),
        "/ok/redirected": (Reply(302, headers=(("Location", "/ok/html"),)), "ok"),
        "/slow/head": (Reply(body=ARTICLE, delay=3.0), "error"),
        "/slow/trickle": (Reply(trickle=0.05), "error"),
        "/cut/html": (Reply(body=ARTICLE, cut=True), "error"),
        "/cut/pdf": (Reply(body=PDF, ctype="application/pdf", cut=True), "error"),
        "/huge/length": (Reply(body=ARTICLE, length=str(10**15)), "error"),
        "/huge/endless": (Reply(body=b"<p>more</p>" * 1000, endless=True), "error"),
        "/huge/endless-no-length": (
            Reply(body=b"word " * 2000, endless=True, length=None),
            "error",
        ),
        "/bad/length-text": (Reply(body=ARTICLE, length="lots"), "either"),
        "/bad/length-negative": (Reply(body=ARTICLE, length="-5"), "either"),
        "/bomb/zeros": (Reply(body=BOMB, headers=(("Content-Encoding", "gzip"),)), "error"),
        "/bomb/html": (Reply(body=HTML_BOMB, headers=(("Content-Encoding", "gzip"),)), "error"),
        "/bomb/undeclared": (Reply(body=BOMB, ctype="text/html"), "error"),
        "/bomb/corrupt": (
            Reply(body=BOMB[:1000] + b"junk" * 10, headers=(("Content-Encoding", "gzip"),)),
            "error",
        ),
        "/bomb/unknown-encoding": (
            Reply(body=ARTICLE, headers=(("Content-Encoding", "br"),)),
            "either",
        ),
        "/loop/self": (Reply(302, headers=(("Location", "/loop/self"),)), "error"),
        "/loop/a": (Reply(301, headers=(("Location", "/loop/b"),)), "error"),
        "/loop/b": (Reply(307, headers=(("Location", "/loop/a"),)), "error"),
        "/loop/no-location": (Reply(302), "error"),
        "/loop/to-file": (Reply(302, headers=(("Location", "file:///etc/passwd"),)), "error"),
        "/loop/to-ftp": (Reply(302, headers=(("Location", "ftp://127.0.0.1:1/x"),)), "error"),
        "/loop/to-data": (Reply(302, headers=(("Location", "data:text/html,<p>hi</p>"),)), "error"),
        "/type/pdf-but-html": (Reply(body=ARTICLE, ctype="application/pdf"), "either"),
        "/type/html-but-pdf": (Reply(body=PDF, ctype="text/html"), "ok"),
        "/type/image": (
            Reply(body=b"\x89PNG\r\n\x1a\n" + rng.randbytes(3000), ctype="image/png"),
            "error",
        ),
        "/type/json": (
            Reply(body=b'{"a": [1, 2, {"b": null}]}', ctype="application/json"),
            "error",
        ),
        "/bin/random": (Reply(body=rng.randbytes(50_000), ctype="text/html"), "error"),
        "/bin/elf": (Reply(body=b"\x7fELF" + rng.randbytes(4000), ctype="text/plain"), "error"),
        "/bin/zip": (Reply(body=b"PK\x03\x04" + rng.randbytes(4000)), "error"),
        "/bin/nuls": (Reply(body=b"\x00" * 10_000), "error"),
        "/bin/utf16": (Reply(body=TEXT.decode().encode("utf-16"), ctype="text/plain"), "either"),
        "/empty/body": (Reply(body=b""), "error"),
        "/empty/spaces": (Reply(body=b" \r\n\t " * 100), "error"),
        "/empty/204": (Reply(204), "error"),
        "/empty/tags": (Reply(body=b"<html><body></body></html>"), "error"),
        "/deep/divs": (
            Reply(body=b"<div>" * 100_000 + b"Scaling is all you need" + b"</div>" * 100_000),
            "either",
        ),
        "/deep/unclosed": (Reply(body=b"<span><b>" * 50_000 + ARTICLE), "either"),
        "/proto/garbage": (Reply(raw=b"HELLO THERE\r\n\r\n"), "error"),
        "/proto/http09": (Reply(raw=ARTICLE), "error"),
        "/proto/long-header": (
            _raw(b"HTTP/1.1 200 OK", b"X-A: " + b"a" * 70_000 + b"\r\n"),
            "error",
        ),
        "/proto/many-headers": (
            _raw(b"HTTP/1.1 200 OK", b"".join(b"X-%d: 1\r\n" % i for i in range(150))),
            "error",
        ),
        "/proto/bad-chunk": (
            _raw(
                b"HTTP/1.1 200 OK", b"Transfer-Encoding: chunked\r\n", b"zz\r\nhello\r\n0\r\n\r\n"
            ),
            "error",
        ),
        "/proto/short-chunk": (
            _raw(b"HTTP/1.1 200 OK", b"Transfer-Encoding: chunked\r\n", b"ffff\r\n<p>short</p>"),
            "error",
        ),
        "/proto/bad-status": (_raw(b"HTTP/1.1 abc Weird"), "error"),
        "/proto/closed": (Reply(raw=b"\r\n"), "error"),
    }
    for code in (400, 401, 403, 404, 410, 418, 429, 451, 500, 502, 503, 504, 599):
        r[f"/status/{code}"] = (Reply(code, "text/html", ARTICLE), "error")
    return r


def url_mutations(n: int, seed: int = 9) -> dict[str, tuple[Reply, str]]:
    """Mutated bodies of a real article under random (often wrong) content types."""
    rng = random.Random(seed)
    bases = [ARTICLE, TEXT, PDF]
    ctypes = ["text/html", "text/plain", "application/pdf", "application/octet-stream",
              "image/jpeg", "text/html; charset=utf-16", "", "text/html; charset=nonsense"]  # fmt: skip
    out = {}
    for i in range(n):
        data = rng.choice(bases)
        for _ in range(rng.randint(1, 3)):
            data = mutate(data, rng)
        out[f"/mut/{i}"] = (Reply(body=data, ctype=rng.choice(ctypes)), "either")
    return out


def test_hostile_servers_give_messages_not_tracebacks_or_hangs() -> None:
    routes = url_routes()
    routes.update(url_mutations(N + 10 - len(routes)))
    assert len(routes) >= N
    timeout, cap = 0.5, 2_000_000
    failures: list[str] = []
    with stub({p: rep for p, (rep, _) in routes.items()}) as base, Sandbox(timeout=15) as box:
        for path, (_, expect) in routes.items():
            t = time.monotonic()
            try:
                art = bounded(lambda p=path: read_article(base + p, timeout=timeout,
                                                          max_bytes=cap, box=box))  # fmt: skip
            except ArticleError as exc:
                assert_user_message(str(exc), path)
                assert "cruxmap-import-" not in str(exc), f"{path}: names a temp file: {exc}"
                if expect == "ok":
                    failures.append(f"{path} should import: {exc}")
            except Exception as exc:  # noqa: BLE001 - a traceback in the app: list them all
                failures.append(f"{path} raised {type(exc).__name__}: {exc}"[:300])
            else:
                assert isinstance(art, Article) and art.text.strip() and art.url, path
                if expect == "error":
                    failures.append(f"{path} should be refused, got {art.text[:60]!r}")
            if not path.startswith("/mut/"):  # network stalls are bounded by ~the timeout
                assert time.monotonic() - t < HANG / 2, f"{path} took too long"
    assert children_peak_rss() <= MEMORY_LIMIT
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("path", "needle"), [
    ("/slow/head", "did not answer within 0.5 s"),
    ("/slow/trickle", "did not finish"),
    ("/huge/length", "too large"),
    ("/huge/endless", "larger than the import limit"),
    ("/bomb/zeros", "larger than the import limit"),
    ("/bomb/html", "larger than the import limit"),
    ("/bomb/corrupt", "damaged"),
    ("/loop/self", "redirect"),
    ("/loop/to-file", "redirect"),
    ("/status/404", "404"),
    ("/status/503", "503"),
    ("/cut/html", "closed the connection"),
    ("/proto/garbage", "did not send a valid web page"),
    ("/empty/body", "empty"),
    ("/type/image", "PNG image"),
])  # fmt: skip
def test_each_failure_says_what_went_wrong(path: str, needle: str) -> None:
    routes = {p: rep for p, (rep, _) in url_routes().items()}
    with stub(routes) as base:
        with pytest.raises(ArticleError, match=needle):
            bounded(lambda: read_article(base + path, timeout=0.5, max_bytes=2_000_000))


def test_a_gzip_bomb_never_inflates_past_the_cap() -> None:
    routes = {p: rep for p, (rep, _) in url_routes().items()}
    cap = 1_000_000
    with stub(routes) as base:
        tracemalloc.start()
        try:
            for path in ("/bomb/zeros", "/bomb/html", "/huge/endless"):
                with pytest.raises(ArticleError, match="limit"):
                    read_article(base + path, timeout=2, max_bytes=cap)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 8 * cap  # 64 MB of zeros were offered; a few copies of the cap at most
