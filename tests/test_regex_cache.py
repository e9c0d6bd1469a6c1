"""The import child's store of compiled patterns (storage.regex_cache) gives back exactly what
Python's own compiler gives, for exactly the pattern asked for, and never a stale entry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from re import _compiler

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage import regex_cache as rc

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    (r"(?<![\w-])(?:not by itself|scaling|compute)(?![\w-])", 2),
    (r"^(?P<speaker>[A-Z][a-z]+):\s*(?P<rest>.*)$", 8),
    (r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", 0),
    (r"(?u)\b\w\w+\b", 0),
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The cache in a folder of the test's own; Python's compiler put back afterwards."""
    monkeypatch.setenv(rc.ENV, str(tmp_path))
    monkeypatch.setattr(_compiler, "compile", _compiler.compile)
    yield tmp_path
    rc.stop()


def _record(patterns) -> None:  # noqa: ANN001
    rc.install(record=True)
    for p, f in patterns:
        rc._compile(p, f)
    rc.save()


def test_stored_patterns_compile_to_what_python_compiles(cache) -> None:
    _record(SAMPLES)
    assert rc.install()
    assert set(rc._known) == set(SAMPLES)
    for p, f in SAMPLES:
        ours, python = rc._compile(p, f), rc._ORIGINAL(p, f)
        assert ours == python  # same pattern text, flags and engine code
        assert ours.groupindex == python.groupindex and ours.groups == python.groups


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(
        st.from_regex(r"[a-z]{1,8}( [a-z]{1,8})?", fullmatch=True), min_size=1, max_size=12
    ),  # fmt: skip
    flags=st.sampled_from([0, 2, 8, 10, 34]),
    text=st.text(alphabet="abcdefgh XYZ-.", max_size=60),
)
def test_any_alternation_matches_as_python_compiles_it(
    tmp_path_factory, words, flags, text
) -> None:
    """For any cue list (the importer's patterns are alternations of cues), the stored pattern
    finds what Python's own finds."""
    os.environ[rc.ENV] = str(tmp_path_factory.mktemp("rx"))
    saved = _compiler.compile
    try:
        p = r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])"
        _record([(p, flags)])
        rc.install()
        ours = rc._compile(p, flags)
    finally:
        _compiler.compile = saved
        rc.stop()
    python = rc._ORIGINAL(p, flags)
    assert ours == python
    assert ours.findall(text) == python.findall(text)


def test_a_changed_pattern_is_compiled_afresh_and_the_old_one_dropped(cache) -> None:
    """A pattern edited in the source is another key: it is never served the old code, and the
    next warm-up's save keeps only what that warm-up used."""
    _record([("scaling (?:works|fails)", 2)])
    rc.install(record=True)
    new = rc._compile("scaling (?:works|stalls)", 2)
    assert new == rc._ORIGINAL("scaling (?:works|stalls)", 2)
    assert rc._compile("scaling (?:works|fails)", 0) == rc._ORIGINAL("scaling (?:works|fails)", 0)
    rc.save()
    stored = json.loads(rc.cache_file().read_text(encoding="utf-8"))["patterns"]
    assert sorted((row[0], row[1]) for row in stored) == [
        ("scaling (?:works|fails)", 0), ("scaling (?:works|stalls)", 2)]  # fmt: skip


def test_a_file_from_another_python_build_is_not_used(cache) -> None:
    _record(SAMPLES[:1])
    path = rc.cache_file()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["stamp"][0] = "3.11.0 (another build)"
    path.write_text(json.dumps(data), encoding="utf-8")
    rc.install()
    assert rc._known == {}


@pytest.mark.parametrize("damage", ["code", "file"])
def test_a_damaged_cache_is_compiled_as_python_would(cache, damage) -> None:
    p, f = SAMPLES[1]
    _record([(p, f)])
    path = rc.cache_file()
    if damage == "code":  # valid JSON, invalid engine code: sre's validator refuses it
        data = json.loads(path.read_text(encoding="utf-8"))
        data["patterns"][0][3] = rc._pack([1, 2, 3])
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_bytes(path.read_bytes()[:100])
    rc.install()
    assert rc._compile(p, f) == rc._ORIGINAL(p, f)


def test_the_importers_patterns_are_the_same_text_in_every_process() -> None:
    """A pattern is found by its text: the importer builds each one in the same order in every
    process (string hashing differs per process, so no set order may reach a pattern)."""
    code = (
        "import hashlib; from model.importer import chrome, lexicon, templates\n"
        "names = sorted(p.stem for p in lexicon.DATA.glob('*.txt') if p.stem != 'stop_words_english')\n"
        "texts = [lexicon.pattern(n) for n in names]\n"
        "texts += [r.pattern for r in [*chrome._rx().values(), *templates._rx().values()]]\n"
        "print(hashlib.sha256(repr(texts).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout  # fmt: skip
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_a_warm_child_stores_the_importers_patterns_for_the_next_child(tmp_path, monkeypatch):
    """A child whose warm-up ran to the end stores the patterns; one whose warm-up a request
    cut short stores nothing (it would drop the patterns of the steps it skipped)."""
    import time

    from model.importer import lexicon
    from storage.sandbox import Sandbox

    monkeypatch.setenv(rc.ENV, str(tmp_path))
    path = rc.cache_file()
    with Sandbox(warm="import") as box:
        box.start()
        deadline = time.monotonic() + 120
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    stored = path.read_bytes()
    assert lexicon.CON.pattern in {row[0] for row in json.loads(stored)["patterns"]}
    with Sandbox(warm="import") as box:
        assert box.call("echo", 1) == 1  # asked at once: the HTML step is skipped
    assert path.read_bytes() == stored
