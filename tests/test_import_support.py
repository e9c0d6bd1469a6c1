"""Helpers for the import tests: tiny PDFs, a local HTTP stub, malformed-file generators."""

from __future__ import annotations

import contextlib
import http.server
import io
import random
import threading
from collections.abc import Iterator
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def make_pdf(lines: list[str], title: str = "") -> bytes:
    """A one-page PDF with a real text layer (Helvetica, one line per entry)."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
    for ln in lines:
        ops.append(f"({esc(ln)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1", "replace")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    info = None
    if title:
        objs.append(b"<< /Title (" + esc(title).encode("latin-1") + b") >>")
        info = len(objs)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    trailer = f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R"
    if info:
        trailer += f" /Info {info} 0 R"
    out.write(f"{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def blank_pdf() -> bytes:
    """A valid PDF whose only page has no text (like a scan without OCR)."""
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=612, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


@contextlib.contextmanager
def stub_server(routes: dict[str, tuple[int, str, bytes]]) -> Iterator[str]:
    """Serve fixed responses on 127.0.0.1; yields the base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            status, ctype, body = routes.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


SAMPLE = (FIXTURES / "plain_debate.txt").read_bytes()
SAMPLE_HTML = (FIXTURES / "compute_wall.html").read_bytes()
SAMPLE_MD = (FIXTURES / "bitter_lesson_notes.md").read_bytes()


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random corruption: flips, truncation, splices, NULs, junk, repeats."""
    b = bytearray(data)
    op = rng.randrange(8)
    if op == 0 and b:
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif op == 1:
        b = b[: rng.randrange(len(b) + 1)]
    elif op == 2:
        pos = rng.randrange(len(b) + 1)
        b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 500)))
    elif op == 3:
        pos = rng.randrange(len(b) + 1)
        b[pos:pos] = b"\x00" * rng.randint(1, 50)
    elif op == 4:
        b = bytearray(rng.randbytes(rng.randint(0, 3000)))
    elif op == 5 and b:
        a = rng.randrange(len(b))
        b[a:a] = b[a : a + rng.randint(1, 200)] * rng.randint(2, 50)
    elif op == 6:
        b = bytearray(
            data.decode("utf-8", "replace").encode(
                rng.choice(["utf-16", "latin-1", "cp1252", "utf-32"]), "replace"
            )
        )
    else:
        b += b"\xff\xfe\xfd" * rng.randint(1, 100)
    return bytes(b)


def malformed(kind: str, n: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """n malformed files of one kind: (file name, bytes)."""
    rng = random.Random(f"{kind}-{seed}")
    out: list[tuple[str, bytes]] = []
    ext = {"html": ".html", "md": ".md", "txt": ".txt", "pdf": ".pdf"}[kind]
    specials: list[bytes] = [b"", b"\x00" * 100, b"\xff" * 64, b"\x89PNG\r\n\x1a\n" + b"\x00" * 50]
    if kind == "html":
        base = SAMPLE_HTML
        specials += [
            b"<div>" * 20000 + b"deep" + b"</div>" * 5,
            b"<html><body><p>unclosed <b><i>",
            b"<script>" + b"x" * 5000,
            b"<!-- never closed " + SAMPLE_HTML,
            b"<p>" + "é".encode("latin-1") * 300 + b"</p>",
            b"<html>\x00<body>nul</body>",
        ]
    elif kind == "md":
        base = SAMPLE_MD
        specials += [
            b"---\ntitle: x\n" + b"a: b\n" * 500,
            b"```\n" * 301,
            b"[" * 5000 + b"](",
            b"#" * 10000,
            b"*" * 20000,
            b"> " * 5000 + b"quote",
        ]
    elif kind == "txt":
        base = SAMPLE
        specials += [
            b"a" * 200_000,
            b"\n" * 100_000,
            b"word " * 50_000,
            b"\xe9\xe8" * 1000,
            "\u202e\u200b".encode() * 1000,
            b"\r" * 5000 + b"text",
        ]
    else:
        base = make_pdf(
            [
                "Scaling laws hold over many orders of magnitude.",
                "But data is running out and costs grow 4x per year.",
                "So scaling alone is unlikely to reach AGI.",
            ]
        )
        specials += [
            b"%PDF-1.4\n",
            b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog" * 100,
            base.replace(b"/Count 1", b"/Count 999999999"),
            base.replace(b"xref", b"xref\n" + b"9" * 1000),
            blank_pdf(),
            base[: len(base) // 2],
            base.replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]"),
        ]
    for i, data in enumerate(specials):
        out.append((f"special{i}{ext}", data))
    return fill_with_mutants(out, base, n, rng, ext)


def fill_with_mutants(
    out: list[tuple[str, bytes]], base: bytes, n: int, rng: random.Random, ext: str = ""
) -> list[tuple[str, bytes]]:
    """Append 1–3-fold random mutations of `base` to `out` until it holds n files."""
    i = 0
    while len(out) < n:
        data = base
        for _ in range(rng.randint(1, 3)):
            data = mutate(data, rng)
        out.append((f"mut{i}{ext}", data))
        i += 1
    return out
