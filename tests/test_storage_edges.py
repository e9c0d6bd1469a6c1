"""The rarer ways storage/ meets bad input or a failing child: each one a clear message.

These close gaps the broad fuzz tests leave (RELIABILITY.md: ≥ 95% branch coverage for
storage/): each test asserts what a user sees — the message, the refusal, the round trip.
"""

from __future__ import annotations

import http.server
import json
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_import_support import make_pdf

from model.argmap import ArgumentMap
from storage import articles, fetch, interchange, trenddata
from storage.articles import ArticleError, parse_file, read_article
from storage.document import DocumentError, MapDocument
from storage.interchange import InterchangeError, export_map, import_map
from storage.sandbox import Sandbox, SandboxError, run_once
from storage.schema import APPLICATION_ID
from storage.trenddata import (
    Table,
    TrendDataError,
    decode,
    default_series,
    parse_table,
    read_table,
    read_table_sandboxed,
    series_from_table,
    sniff_delimiter,
)

MAP = {"date": "date", "value": "value"}


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ------------------------------------------------------------------ trend CSV files
def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path) -> None:
    p = _write(tmp_path, "big.csv", b"date,value\n" + b"2020,1\n" * 200_000)
    with pytest.raises(TrendDataError, match="big.csv is 1.3 MiB; trend files over 1 MiB are not"):
        read_table(p, max_bytes=1 << 20)


def test_a_missing_or_unreadable_file_names_the_reason(tmp_path) -> None:
    with pytest.raises(TrendDataError, match="cannot read nope.csv: No such file"):
        read_table(tmp_path / "nope.csv")
    with pytest.raises(TrendDataError, match="sub.csv is not a regular file"):
        read_table(_mkdir(tmp_path / "sub.csv"))


def _mkdir(p: Path) -> Path:
    p.mkdir()
    return p


def test_windows_1252_text_is_read_and_garbage_bytes_are_refused() -> None:
    assert decode("date,label\n2020,Café ’quoted’\n".encode("cp1252")).endswith("’quoted’\n")
    with pytest.raises(TrendDataError, match="not text in UTF-8 or Windows-1252"):
        decode(b"a,b\n" + b"\x81\x8d\x8f" * 100, "x.csv")
    with pytest.raises(TrendDataError, match="looks like a binary file"):
        decode(b"a,b\n" + b"\x01\x02\x03\x04" * 100, "x.csv")


def test_utf16_with_a_byte_order_mark_reads_like_utf8() -> None:
    text = "date\tvalue\n2020\t1.5\n"
    assert decode(text.encode("utf-16")) == text
    with pytest.raises(TrendDataError, match="broken UTF-16"):
        decode(b"\xff\xfe" + "date,value\n".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate


def test_the_delimiter_is_guessed_from_the_header_even_when_the_sniffer_gives_up() -> None:
    assert sniff_delimiter("date;value;label\n2020;1;a\n") == ";"
    assert sniff_delimiter("date|value\n") == "|"
    assert sniff_delimiter("no delimiter here") == ","  # then "one column" explains it


def test_a_table_survives_the_trip_through_the_sandbox_as_json() -> None:
    table = parse_table('date,value,note\n2020,1,"two\nlines"\n2021,2\n', "t.csv")
    again = Table.from_json(table.as_json())
    assert again == table
    assert again.rows[0] == (2, {"date": "2020", "value": "1", "note": "two\nlines"})
    assert [(r.line, r.reason) for r in again.rejected] == [(4, "has 2 fields, the header has 3")]


def test_the_sandboxed_reader_gives_the_readers_message_or_names_the_file(tmp_path) -> None:
    good = _write(tmp_path, "good.csv", b"date,value\n2020,1\n")
    assert read_table_sandboxed(good).rows == [(2, {"date": "2020", "value": "1"})]
    bad = _write(tmp_path, "bad.csv", b"\x00\x01" * 50)
    with pytest.raises(TrendDataError) as err:
        read_table_sandboxed(bad)
    assert str(err.value) == "bad.csv is a binary file (it contains NUL bytes), not a CSV"
    with pytest.raises(TrendDataError, match=r"^good.csv: parsing took longer than"):
        read_table_sandboxed(good, timeout=0.001)  # the child cannot even start that fast


@pytest.mark.parametrize(("mapping", "name", "message"), [
    ({"date": "date", "value": "Value"}, "s", "no column named 'Value'; the file has: date, value"),
    (MAP, "  ", "the series needs a name"),
    ({"date": "date"}, "s", "choose the column that holds the value"),
])  # fmt: skip
def test_a_mapping_that_cannot_work_says_why(mapping, name, message) -> None:
    table = parse_table("date,value,unit\n2020,1,FLOP\n", "t.csv")
    with pytest.raises(TrendDataError, match=message):
        series_from_table(table, mapping, name)


def test_the_header_list_is_shortened_in_the_unknown_column_message() -> None:
    header = ",".join(f"c{i}" for i in range(20))
    table = parse_table(header + "\n" + ",".join("1" * 20) + "\n")
    with pytest.raises(TrendDataError, match=r"c11…$"):
        series_from_table(table, {"date": "nope", "value": "c1"}, "s")


def test_when_no_row_can_be_read_the_first_reason_is_given() -> None:
    table = parse_table("date,value\nsoon,1\nlater,2\n")
    with pytest.raises(TrendDataError, match="none of the 2 rows could be read .e.g. 'soon'"):
        series_from_table(table, MAP, "s")


def test_an_unclosed_quote_is_suggested_when_no_row_splits() -> None:
    table = parse_table('date,value\n"2020,1\n2021,2\n')
    with pytest.raises(TrendDataError, match="no row could be split .* a quote left open"):
        series_from_table(table, MAP, "s")


def test_a_single_unit_in_the_unit_column_becomes_the_series_unit() -> None:
    one = parse_table("date,value,unit\n2020,1,FLOP\n2021,2,FLOP\n")
    mixed = parse_table("date,value,unit\n2020,1,FLOP\n2021,2,tokens\n")
    with_unit = {**MAP, "unit": "unit"}
    assert series_from_table(one, with_unit, "s").series.unit == "FLOP"
    assert series_from_table(mixed, with_unit, "s").series.unit == ""  # ambiguous: user decides
    assert series_from_table(one, with_unit, "s", unit="FLOP/s").series.unit == "FLOP/s"


def test_a_broken_row_in_the_curated_dataset_is_reported_by_line(tmp_path) -> None:
    good = trenddata.DEFAULT_CSV.read_text(encoding="utf-8").splitlines()
    bad = good[:3] + [good[3].replace(good[3].split(",")[2], "not-a-date", 1)] + good[4:]
    p = _write(tmp_path, "trends.csv", ("\n".join(bad) + "\n").encode())
    with pytest.raises(TrendDataError, match=r"^trends.csv, line 4: "):
        default_series(p)
    assert len(default_series()) >= 10  # the shipped file itself is sound


# ------------------------------------------------------------------ the sandbox child
def test_an_unknown_function_is_refused_before_a_child_starts() -> None:
    box = Sandbox()
    with pytest.raises(ValueError, match="unknown sandbox function 'os.system'"):
        box.call("os.system", "true")
    assert box._proc is None
    box.close()  # closing a box that never started is fine


def test_a_child_killed_mid_parse_is_reported_and_replaced() -> None:
    with Sandbox(timeout=20) as box:
        assert box.call("echo", 1) == 1
        victim = box._proc
        threading.Timer(0.3, victim.kill).start()
        with pytest.raises(SandboxError, match="ran out of memory or crashed"):
            box.call("burn", 10)
        assert box.call("echo", "again") == "again"  # a fresh child


def test_a_child_that_died_between_calls_is_restarted() -> None:
    with Sandbox(timeout=20) as box:
        box.call("echo", 1)
        box._proc.kill()
        box._proc.wait()
        assert box.call("echo", [1, 2]) == [1, 2]


def test_a_dead_pipe_is_a_clear_error(monkeypatch) -> None:
    box = Sandbox(timeout=20)
    box.call("echo", 0)

    def broken(*_: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(box._proc.stdin, "write", broken)
    with pytest.raises(SandboxError, match="could not be started"):
        box.call("echo", 1)
    assert box._proc is None
    box.close()


def test_the_child_turns_parser_failures_into_messages() -> None:
    deep: list = []
    for _ in range(6000):  # deeper than the child's recursion limit (5000)
        deep = [deep]
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(10_000)  # so that this side can still encode it
    try:
        with Sandbox(timeout=20) as box:
            with pytest.raises(SandboxError, match="nested too deeply"):
                box.call("echo", deep)
            with pytest.raises(SandboxError, match=r"could not parse the file \(TypeError\)"):
                box.call("read_trend_table", None)  # a failure without a user message
            assert box.call("burn", 0.05) is None  # a parse within the limit just returns
            assert box.call("hog", 8) == 8 << 20  # and so does one within the memory limit
            assert box.call("echo", "still alive") == "still alive"
    finally:
        sys.setrecursionlimit(old)


def test_run_once_stops_its_child_even_after_a_timeout() -> None:
    t = time.monotonic()
    with pytest.raises(SandboxError, match="longer than 0.5 s"):
        run_once("burn", 30, timeout=0.5)
    assert time.monotonic() - t < 20  # the child was killed, not waited for


# ------------------------------------------------------------------ articles from files
def test_a_utf8_byte_order_mark_does_not_leak_into_the_text(tmp_path) -> None:
    body = "Scaling compute keeps improving models on every benchmark we track. " * 5
    p = _write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + body.encode())
    art = parse_file(str(p), 1 << 20)
    assert not art["text"].startswith("\ufeff") and art["text"].startswith("Scaling")


def test_the_child_rechecks_the_size_it_actually_reads(tmp_path) -> None:
    p = _write(tmp_path, "grew.txt", b"words " * 100)  # grew after the parent's size check
    with pytest.raises(ArticleError, match="grew.txt is too large to import"):
        parse_file(str(p), 100)


def test_a_folder_is_not_an_article(tmp_path) -> None:
    with pytest.raises(ArticleError, match="sub is not a regular file"):
        read_article(str(_mkdir(tmp_path / "sub")))


def test_html_that_breaks_the_extractor_still_yields_its_text(tmp_path, monkeypatch) -> None:
    import trafilatura

    def broken(*_: object, **__: object) -> None:
        raise ValueError("extractor bug")

    monkeypatch.setattr(trafilatura, "extract", broken)
    html = "<html><body><p>" + "Scaling laws predict steady gains from compute. " * 10
    p = _write(tmp_path, "a.html", (html + "</p></body></html>").encode())
    assert "Scaling laws predict" in parse_file(str(p), 1 << 20)["text"]


def _pdf(pages: list[str], password: str = "") -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for text in pages:
        w.add_page(PdfReader(io.BytesIO(make_pdf([text]))).pages[0])
    if password:
        w.encrypt(user_password=password, owner_password="owner")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_a_password_protected_pdf_is_named_as_such(tmp_path) -> None:
    text = "Scaling compute has driven steady gains across language benchmarks so far."
    locked = _write(tmp_path, "locked.pdf", _pdf([text], password="secret"))
    with pytest.raises(ArticleError, match="locked.pdf is a password-protected PDF"):
        parse_file(str(locked), 1 << 20)
    no_password = _write(tmp_path, "open.pdf", _pdf([text], password=""))
    assert "steady gains" in parse_file(str(no_password), 1 << 20)["text"]


def test_only_the_first_pages_of_a_huge_pdf_are_read(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(articles, "MAX_PDF_PAGES", 1)
    p = _write(tmp_path, "two.pdf", _pdf(["First page says scaling works very well indeed.",
                                          "Second page says data runs out quite soon now."]))  # fmt: skip
    text = parse_file(str(p), 1 << 20)["text"]
    assert "First page" in text and "Second page" not in text


# ------------------------------------------------------------------ articles from the web
def test_a_redirect_to_a_host_that_does_not_resolve_is_explained() -> None:
    with _redirect_stub("/r", "http://:80/x") as base:
        with pytest.raises(ArticleError, match="Could not reach 127.0.0.1 .* you are online"):
            read_article(base + "/r", timeout=2)


def test_garbage_compressed_data_is_called_damaged() -> None:
    body = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 64
    with _redirect_stub("/z", "", body=body, encoding="gzip") as base:
        with pytest.raises(ArticleError, match="sent damaged compressed data"):
            read_article(base + "/z", timeout=2)


def test_an_unexpected_failure_in_the_download_is_still_a_message(monkeypatch) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("surprise")

    monkeypatch.setattr(fetch.urllib.request, "build_opener", boom)
    with pytest.raises(ArticleError, match=r"Could not download the page at example.org \(Runtime"):
        read_article("http://example.org/x", timeout=2)


@contextmanager
def _redirect_stub(
    path: str, location: str, body: bytes = b"", encoding: str = ""
) -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            self.send_response(302 if location else 200)
            if location:
                self.send_header("Location", location)
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------ the map document
def test_creating_over_a_folder_fails_cleanly(tmp_path) -> None:
    _mkdir(tmp_path / "taken.cruxmap")
    with pytest.raises(DocumentError, match="Could not create taken.cruxmap"):
        MapDocument.create(tmp_path / "taken.cruxmap", ArgumentMap())
    assert [p.name for p in tmp_path.iterdir()] == ["taken.cruxmap"]  # no temp file left


def test_save_as_onto_itself_is_a_no_op_and_onto_a_folder_fails(tmp_path) -> None:
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t")
    doc = MapDocument.create(tmp_path / "m.cruxmap", amap)
    try:
        doc.save_as(tmp_path / "m.cruxmap")
        _mkdir(tmp_path / "dir.cruxmap")
        with pytest.raises(DocumentError, match="Could not save a copy as dir.cruxmap"):
            doc.save_as(tmp_path / "dir.cruxmap")
        doc.map.update_node("t", title="still saved")  # the original keeps working
        assert doc.path.name == "m.cruxmap"
    finally:
        doc.close()
    again = MapDocument.open(tmp_path / "m.cruxmap")
    assert again.map.node("t").title == "still saved"
    again.close()


def test_a_map_file_without_a_schema_version_is_unfinished(tmp_path) -> None:
    p = tmp_path / "half.cruxmap"
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("CREATE TABLE meta (key TEXT)")
    conn.commit()
    conn.close()
    before = p.read_bytes()
    with pytest.raises(DocumentError, match="half.cruxmap is an unfinished map file"):
        MapDocument.open(p)
    assert p.read_bytes() == before


# ------------------------------------------------------------------ interchange files
def _aif(nodes: list, edges: list) -> str:
    return json.dumps({"nodes": nodes, "edges": edges})


I1, I2 = {"nodeID": "1", "type": "I", "text": "A"}, {"nodeID": "2", "type": "I", "text": "B"}
RA = {"nodeID": "3", "type": "RA"}


@pytest.mark.parametrize(("name", "text", "message"), [
    ("a.json", '{"format": "cruxmap", "version": 1,\n "nodes": [}', r"line 2, column 12"),
    ("b.json", "[" * 100_000, "nested too deeply"),
    ("c.json", '{"format": "cruxmap", "version": 1, "nodes": {}}', "nodes: expected a list"),
    ("d.json", '{"format": "cruxmap", "version": 1, "nodes": [3]}',
     r"nodes\[0\]: expected an object, got int"),
    ("e.json", '{"format": "cruxmap", "version": 1, "meta": {"title": 3}}',
     "meta: expected an object of strings"),
    ("f.json", '{"format": "cruxmap", "version": 1, "history": [{"scenario": "x"}]}',
     r"history\[0\]: "),
    ("g.json", '{"format": "other"}', 'not a Cruxmap JSON file'),
    ("h.json", '{"format": "cruxmap", "version": 99}', "version 99 is not supported"),
    ("a.aif", '{"nodes": [', "line 1, column 12"),
    ("b.aif", "[" * 100_000, "nested too deeply"),
    ("c.aif", '{"nodes": []', "line 1"),
    ("d.aif", '{"nodes": "x"}', "not AIF JSON"),
    ("e.aif", '{"nodes": [], "edges": {}}', '"edges" must be a list'),
    ("f.aif", _aif([I1, {**I1}], []), r"nodes\[1\] \(nodeID 1\): nodeID used twice"),
    ("g.aif", _aif([I1, {"nodeID": "9", "type": "XX"}], []), "unknown node type 'XX'"),
    ("h.aif", _aif([I1, I2, RA], [{"fromID": "1", "toID": "3"}]),
     "RA node 3: needs a premise and a conclusion I-node"),
    ("i.aif", _aif([I1, I2, RA, {"nodeID": "4", "type": "RA"}],
                   [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "4"},
                    {"fromID": "2", "toID": "4"}, {"fromID": "4", "toID": "1"}]),
     "undercuts"),
    ("j.aif", _aif([I1], [{"fromID": "1"}]), "an edge needs fromID and toID"),
    ("k.aif", _aif([I1], [{"fromID": "1", "toID": "7"}]), "node '7' does not exist"),
])  # fmt: skip
def test_malformed_interchange_files_name_the_place(tmp_path, name, text, message) -> None:
    with pytest.raises(InterchangeError, match=message):
        import_map(_write(tmp_path, name, text.encode()))


def test_unreadable_and_oversized_interchange_files_are_refused(tmp_path, monkeypatch) -> None:
    with pytest.raises(InterchangeError, match="dir.json is a folder, not a file"):
        import_map(_mkdir(tmp_path / "dir.json"))
    with pytest.raises(InterchangeError, match=r"line 2: a NUL byte"):
        import_map(_write(tmp_path, "nul.argdown", b"[A]: a\n[B]: \x00b\n"))
    monkeypatch.setattr(interchange, "MAX_IMPORT_BYTES", 10)
    with pytest.raises(InterchangeError, match="big.json: larger than 10 bytes"):
        import_map(_write(tmp_path, "big.json", b"{}" * 10))


def test_exporting_to_an_unknown_format_or_a_missing_folder_fails_cleanly(tmp_path) -> None:
    amap = ArgumentMap()
    amap.add_node("thesis", "T")
    with pytest.raises(InterchangeError, match="unknown format 'pdf': use one of json"):
        export_map(amap, "pdf", tmp_path / "x.pdf")
    with pytest.raises(InterchangeError, match="cannot write .*No such file"):
        export_map(amap, "json", tmp_path / "missing" / "x.json")
    assert not (tmp_path / "missing").exists()


def test_sizes_are_said_in_binary_units_people_read() -> None:
    """The import limit read "1024 MB of memory" and a 10-byte cap "larger than 0 MB"."""
    from model.formatting import byte_size
    from storage.sandbox import MEMORY_LIMIT, limits_text

    assert byte_size(1 << 30) == "1 GiB"
    assert byte_size(64 << 20) == "64 MiB"
    assert byte_size(1536) == "1.5 KiB"
    assert byte_size(10) == "10 bytes" and byte_size(1) == "1 byte"
    assert byte_size((5 << 30) // 2) == "2.5 GiB"
    assert MEMORY_LIMIT == 1 << 30 and limits_text(60) == "stops after 60 s or 1 GiB of memory"
