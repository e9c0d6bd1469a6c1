"""Download a web page for import: bounded in size, time and redirects, with one-line errors.

Kept apart from storage.articles so that reading a file (and the sandboxed import child that
does it) does not import the web stack (urllib, http.client, ssl: ~25 ms) it never uses.
"""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
import zlib

from storage.articles import ArticleError

DOWNLOAD_TIME_FACTOR = (
    3  # a whole download may take this many per-read timeouts (slow-drip servers)
)
_INFLATE_WBITS = {"gzip": 47, "x-gzip": 47, "deflate": 15 + 32}  # 32: zlib or gzip header


def download(url: str, host: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str, str]:
    """Body, content type and final URL; at most max_bytes (after inflating) within a deadline.

    urllib's timeout bounds each socket read, not the whole download, so a server dripping a
    byte a second would never time out: the fetch runs in a daemon thread that is abandoned
    (and told to stop) after DOWNLOAD_TIME_FACTOR x timeout.
    """
    outcome: dict[str, object] = {}
    cancel = threading.Event()

    def work() -> None:
        try:
            outcome["value"] = _fetch(url, host, timeout, max_bytes, cancel)
        except Exception as exc:  # noqa: BLE001 - handed to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="cruxmap-download", daemon=True)
    worker.start()
    worker.join(timeout * DOWNLOAD_TIME_FACTOR)
    if worker.is_alive():
        cancel.set()
        raise ArticleError(
            f"The page at {host} did not finish downloading within "
            f"{timeout * DOWNLOAD_TIME_FACTOR:g} s"
        )
    if "error" in outcome:
        raise _download_error(outcome["error"], host, timeout)  # type: ignore[arg-type]
    return outcome["value"]  # type: ignore[return-value]


class _WebRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl)).scheme
        if scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-web address", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _fetch(
    url: str, host: str, timeout: float, max_bytes: int, cancel: threading.Event
) -> tuple[bytes, str, str]:
    req = urllib.request.Request(
        url,
        headers={
            "User-Agent": "Cruxmap/0.1 (article import)",
            "Accept": "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5",
        },
    )
    opener = urllib.request.build_opener(_WebRedirects)
    with opener.open(req, timeout=timeout) as resp:  # noqa: S310 - scheme checked
        length = resp.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise ArticleError(
                f"The page at {host} is too large ({int(length) / 1e6:.0f} MB; "
                f"the limit is {max_bytes / 1e6:.0f} MB)"
            )
        encoding = (resp.headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding not in _INFLATE_WBITS and encoding != "identity":
            raise ArticleError(
                f"The page at {host} is compressed as {encoding[:20]!r}, which Cruxmap cannot read"
            )
        inflater = zlib.decompressobj(_INFLATE_WBITS[encoding]) if encoding != "identity" else None
        chunks, got = [], 0
        while not cancel.is_set():
            chunk = resp.read1(1 << 16)
            if not chunk:
                break
            if inflater is not None:  # a 64 KB gzip can inflate to 64 MB: cap the output
                chunk = inflater.decompress(chunk, max_bytes - got + 1)
            got += len(chunk)
            if got > max_bytes:
                raise ArticleError(
                    f"The page at {host} is larger than the import limit ({max_bytes / 1e6:.0f} MB)"
                )
            chunks.append(chunk)
        if getattr(resp, "length", None):  # http.client stops quietly at a premature EOF
            raise http.client.IncompleteRead(b"", resp.length)
        if inflater is not None and not inflater.eof:
            raise ArticleError(f"The page at {host} sent damaged compressed data")
        return b"".join(chunks), resp.headers.get_content_type() or "", resp.geturl() or url


def _download_error(exc: Exception, host: str, timeout: float) -> ArticleError:
    """The ArticleError a user sees for a failed download."""
    if isinstance(exc, ArticleError):
        return exc
    if isinstance(exc, urllib.error.HTTPError):
        if 300 <= exc.code < 400:
            return ArticleError(
                f"The page at {host} redirects in a loop or to an address "
                f"that cannot be imported ({exc.code})"
            )
        reason = " ".join(str(exc.reason or "").split())[:80]
        return ArticleError(f"The server at {host} answered {exc.code} {reason}".rstrip())
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return ArticleError(f"{host} did not answer within {timeout:g} s")
    if isinstance(exc, http.client.IncompleteRead):
        return ArticleError(
            f"The server at {host} closed the connection before the page was complete; try again"
        )
    if isinstance(exc, (http.client.HTTPException, ValueError)):  # includes BadStatusLine
        return ArticleError(
            f"The server at {host} did not send a valid web page ({type(exc).__name__})"
        )
    if isinstance(exc, zlib.error):
        return ArticleError(f"The page at {host} sent damaged compressed data")
    if isinstance(exc, urllib.error.URLError):
        return ArticleError(
            f"Could not reach {host} ({exc.reason}); check the address and that you are online"
        )
    if isinstance(exc, OSError):
        return ArticleError(
            f"Could not reach {host} ({exc.strerror or exc}); check the address "
            "and that you are online"
        )
    return ArticleError(f"Could not download the page at {host} ({type(exc).__name__})")
