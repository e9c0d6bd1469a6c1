"""Run untrusted-file parsers in a child process with a memory and a time limit.

Parsers (pypdf, lxml, trafilatura) have had crash and blow-up bugs; a child process contains them.
The child caps its own address space with RLIMIT_AS (set in the child, not via preexec_fn, which
is unsafe in a threaded GUI) and serves one JSON request per line, so a batch of files can share
one child. The parent enforces a wall-clock timeout per request and restarts the child after a
timeout or a crash.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from model.formatting import byte_size

MEMORY_LIMIT = 1 << 30  # 1 GiB of address space
#: Wall-clock seconds an article import (parse + propose, storage.import_job) may take.
IMPORT_TIME_LIMIT = 60.0
ROOT = Path(__file__).resolve().parent.parent

# The only functions a child will run: name -> "module:function".
_FUNCTIONS = {
    "parse_file": "storage.articles:parse_file",
    "import_file": "storage.import_job:import_file",
    "read_trend_table": "storage.trenddata:read_table_json",
    "echo": "storage.sandbox:_echo",
    "burn": "storage.sandbox:_burn",
    "hog": "storage.sandbox:_hog",
    "loaded": "storage.sandbox:_loaded",
}
# Work a child may do before its first request, asked for by name, in steps: "import" loads the
# importer (its modules, the meaning model and compiled patterns, ~0.5 s) while the user is still
# choosing a file, then the HTML reader (~0.1 s), which only web pages need. A request that
# arrives mid-way is served after the step in progress: the steps after the first (which every
# import needs) are work it may not need.
_WARMERS = {"import": ("storage.import_job:warm", "storage.import_job:warm_html")}


class SandboxError(Exception):
    """The child failed to give an answer: it timed out, ran out of memory or died."""


class Sandbox:
    """A reusable child process; use as a context manager or call close()."""

    def __init__(
        self, *, timeout: float = 30.0, memory: int = MEMORY_LIMIT, warm: str = ""
    ) -> None:
        if warm and warm not in _WARMERS:
            raise ValueError(f"unknown sandbox warm-up {warm!r}")
        self.timeout = timeout
        self.memory = memory
        self.warm = warm
        self._proc: subprocess.Popen | None = None
        self._cancelled = False

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> subprocess.Popen:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["CRUXMAP_SANDBOX_MEMORY"] = str(self.memory)
        env["CRUXMAP_SANDBOX_PARENT"] = str(os.getpid())
        env["CRUXMAP_SANDBOX_WARM"] = self.warm
        # -P: the user's folder is not put on the child's import path (a `storage/` there must
        # not be imported). The child keeps the user's working directory, and callers pass
        # absolute paths anyway (`absolute`), so a path means what the user typed.
        return subprocess.Popen(
            [sys.executable, "-P", "-m", "storage.sandbox"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )

    def start(self) -> None:
        """Start the child now, so that it warms up (if asked) while nothing waits on it."""
        if self._proc is None or self._proc.poll() is not None:
            self._proc = self._start()

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()  # type: ignore[union-attr]
            proc.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            proc.stdout.close()  # type: ignore[union-attr]

    def cancel(self) -> None:
        """Stop the request in progress (from any thread): it raises SandboxError "cancelled"."""
        self._cancelled = True
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()

    def _kill(self, proc: subprocess.Popen) -> None:
        """Stop the child of a failed request; the next call starts a fresh one."""
        self._proc = None
        proc.kill()
        proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stdin.close()  # type: ignore[union-attr]

    def call(
        self, function: str, *args: Any, timeout: float | None = None, activity: str = "parsing"
    ) -> Any:
        """Run a whitelisted function in the child and return its JSON result.

        Raises SandboxError on timeout or crash; re-raises the child's own error message as
        SandboxError too, with `.kind` set to "error" ("cancelled" after `cancel()`) so callers
        can tell them apart. `activity` names the work in the timeout message.
        """
        if function not in _FUNCTIONS:
            raise ValueError(f"unknown sandbox function {function!r}")
        if self._cancelled:
            raise _cancelled()
        self.start()
        proc = self._proc
        assert proc is not None
        limit = self.timeout if timeout is None else timeout
        try:
            proc.stdin.write(json.dumps({"f": function, "args": list(args)}).encode() + b"\n")
            proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            self._kill(proc)
            raise SandboxError("the parser process could not be started") from exc
        line = _read_line(proc, time.monotonic() + limit)
        if self._cancelled:
            self._kill(proc)
            raise _cancelled()
        if line is None:
            self._kill(proc)
            raise SandboxError(f"{activity} took longer than {limit:g} s and was stopped")
        if not line:
            self._kill(proc)
            raise SandboxError(
                f"{activity} ran out of memory or crashed (the limit is {byte_size(self.memory)})"
            )
        reply = json.loads(line)
        if "error" in reply:
            err = SandboxError(reply["error"])
            err.kind = "error"  # type: ignore[attr-defined]
            raise err
        return reply["result"]


def limits_text(limit: float = IMPORT_TIME_LIMIT) -> str:
    """An import's limits as the user sees them in the progress dialog."""
    return f"stops after {limit:g} s or {byte_size(MEMORY_LIMIT)} of memory"


def _cancelled() -> SandboxError:
    err = SandboxError("cancelled")
    err.kind = "cancelled"  # type: ignore[attr-defined]
    return err


def absolute(path: str | os.PathLike[str]) -> str:
    """`path` resolved against the user's working directory, before it crosses to a child."""
    return os.path.abspath(os.fspath(path))


def _read_line(proc: subprocess.Popen, deadline: float) -> bytes | None:
    """One reply line; None on timeout, b'' if the child died."""
    fd = proc.stdout.fileno()  # type: ignore[union-attr]
    buf = bytearray()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b""
        buf += chunk
        if buf.endswith(b"\n"):
            return bytes(buf)


def run_once(function: str, *args: Any, timeout: float = 30.0) -> Any:
    """Start a child, run one request, stop the child."""
    with Sandbox(timeout=timeout) as box:
        return box.call(function, *args)


# ------------------------------------------------------------------------- child side
def _echo(value: Any) -> Any:
    return value


def _burn(seconds: float) -> None:  # for tests: a parser that hangs
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _hog(megabytes: int) -> int:  # for tests: a parser that eats memory
    block = bytearray(megabytes << 20)
    return len(block)


def _loaded(module: str) -> bool:  # for tests: whether the child has imported a module
    return module in sys.modules


def _resolve(spec: str) -> Any:
    """The function a "module:function" entry of _FUNCTIONS or _WARMERS names."""
    import importlib

    mod_name, fn_name = spec.split(":")
    return getattr(importlib.import_module(mod_name), fn_name)


def _warm_up(name: str) -> bool:
    """Run a warm-up's first step, and the others until a request is waiting; a failure is
    left for the first request to meet and report. True if every step ran."""
    for i, step in enumerate(_WARMERS.get(name, ())):
        if i and _request_waiting():
            return False
        try:
            _resolve(step)()
        except Exception:  # noqa: BLE001 - the request that needs it will say what failed
            return False
    return name in _WARMERS


def _request_waiting() -> bool:
    """Whether the parent has already sent a request (or closed the pipe)."""
    ready, _, _ = select.select([sys.stdin.buffer], [], [], 0)
    return bool(ready)


def _watch_parent() -> None:
    """End the child when its parent is gone (killed, crashed, closed mid-import): an orphan
    would otherwise burn on until its work ends, since nobody enforces its time limit."""
    import threading

    parent = int(os.environ.get("CRUXMAP_SANDBOX_PARENT", os.getppid()))

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(3)

    threading.Thread(target=watch, name="cruxmap-parent-watch", daemon=True).start()


def _child_main() -> None:
    import resource

    from storage import regex_cache

    memory = int(os.environ.get("CRUXMAP_SANDBOX_MEMORY", MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    _watch_parent()
    sys.setrecursionlimit(5000)
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # library prints must not corrupt the protocol
    warm = os.environ.get("CRUXMAP_SANDBOX_WARM", "")
    # Patterns compiled by an earlier warm-up are reused; a complete warm-up stores its own.
    regex_cache.install(record=bool(warm))
    if _warm_up(warm):
        regex_cache.save()
    regex_cache.stop()
    for raw in sys.stdin.buffer:
        try:
            req = json.loads(raw)
            reply = {"result": _resolve(_FUNCTIONS[req["f"]])(*req["args"])}
        except MemoryError:
            reply = {"error": "the file needs more memory than the import limit allows"}
        except RecursionError:
            reply = {"error": "the file is nested too deeply to parse"}
        except Exception as exc:  # noqa: BLE001 - every parser failure becomes a message
            msg = (
                getattr(exc, "user_message", None)
                or f"could not parse the file ({type(exc).__name__})"
            )
            reply = {"error": msg}
        try:
            data = json.dumps(reply, ensure_ascii=False).encode("utf-8", "replace")
        except (TypeError, ValueError):
            data = json.dumps({"error": "the parser returned an unreadable result"}).encode()
        out.write(data + b"\n")
        out.flush()


if __name__ == "__main__":
    _child_main()
