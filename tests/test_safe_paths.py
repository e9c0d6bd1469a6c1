"""Export file names built from titles stay inside the chosen folder, whatever the title."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.safe_paths import (
    RESERVED,
    UnsafePathError,
    path_inside,
    safe_filename,
    suggested_name,
    write_atomic,
)

hostile = st.one_of(
    st.text(max_size=400),
    st.sampled_from(["..", ".", "../../etc/passwd", "/etc/passwd", "C:\\Windows", "CON", "nul.txt",
                     "LPT1", "a\x00b", " ", "", "com3.png", "~/.bashrc", "..\\..\\x"]),
    st.lists(st.sampled_from(["..", "/", "\\", "CON", ".", "\x00", "é", "😀" * 70]), max_size=12).map("".join),
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(hostile)
def test_safe_filename_is_plain_short_and_inside(tmp_path_factory, title: str) -> None:
    name = safe_filename(title)
    assert name and "\x00" not in name and "/" not in name and "\\" not in name
    assert name not in (".", "..")
    assert len(name.encode("utf-8")) <= 255
    assert name.split(".")[0].strip().upper() not in RESERVED
    folder = tmp_path_factory.getbasetemp()
    assert path_inside(folder, name).parent == folder.resolve()


@settings(max_examples=200, deadline=None)
@given(hostile)
def test_path_inside_never_returns_a_path_outside(tmp_path_factory, name: str) -> None:
    folder = tmp_path_factory.getbasetemp() / "export"
    folder.mkdir(exist_ok=True)
    try:
        target = path_inside(folder, name)
    except UnsafePathError:
        return
    assert folder.resolve() in target.parents


@pytest.mark.parametrize("name", ["../x.png", "/etc/passwd", "a/../../b", "", ".", "x\x00.png"])
def test_escaping_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafePathError):
        path_inside(tmp_path, name)


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "link").symlink_to(outside)
    with pytest.raises(UnsafePathError):
        path_inside(folder, "link/evil.png")


def test_readable_titles_stay_readable() -> None:
    assert safe_filename("Scaling: does it get us to AGI?") == "Scaling- does it get us to AGI"
    assert safe_filename("report.md") == "report.md"
    assert safe_filename("CON.md") == "_CON.md"
    long = safe_filename("é" * 300 + ".png")
    assert long.endswith(".png") and len(long.encode()) <= 255


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    write_atomic(target, "new text")
    assert target.read_text() == "new text"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_suggested_names_drop_what_a_file_name_cannot_hold() -> None:
    assert suggested_name("Will scaling current LLMs lead to AGI?", ".md") == (
        "Will scaling current LLMs lead to AGI.md"
    )
    assert suggested_name("Scaling: a <debate>", ".cruxmap") == "Scaling a debate.cruxmap"
    assert suggested_name("???", ".png", "map") == "map.png"


@settings(max_examples=200)
@given(st.text(max_size=400))
def test_a_suggested_name_is_always_a_plain_name_with_its_suffix(title: str) -> None:
    name = suggested_name(title, ".md")
    assert name.endswith(".md") and len(name.encode()) <= 255
    assert not set(name) & set('/\\:*?"<>|\x00')
    assert "-." not in name  # no dangling dash before the suffix
