"""The eval_formats corpus (transcript, PDF, web-saved text and Markdown) and its PDF builder.

The gold must stay consistent with the articles (every quote found exactly once, in pypdf's text
for the PDF), and the PDF builder must give a text layer an importer can read: real spaces, no
line repeated across a page break, a running header and footer.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from pypdf import PdfReader

from tools.make_pdf_fixture import fix_space_mapping, render

CORPUS = Path(__file__).parent / "fixtures" / "eval_formats"


def _verify_module():
    spec = importlib.util.spec_from_file_location("formats_verify", CORPUS / "verify_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_gold_quote_occurs_once(capsys) -> None:
    assert _verify_module().main() == 0, capsys.readouterr().out


def test_corpus_has_the_four_formats_and_a_balance_of_sides() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("gold/*.json"))]
    assert sorted(Path(g["article"]).suffix for g in golds) == [".md", ".pdf", ".txt", ".txt"]
    assert sorted(g["stance_overall"] for g in golds) == ["con", "mixed", "mixed", "pro"]
    pdf = next(g for g in golds if g["article"].endswith(".pdf"))
    assert pdf["text_source"] == "pypdf"


def test_traps_are_not_gold_trend_facts() -> None:
    """Ratios, hypotheticals and the text-stock reference level must stay out of the facts."""
    for p in CORPUS.glob("gold/*.json"):
        g = json.loads(p.read_text(encoding="utf-8"))
        for f in g["trend_facts"]:
            assert "per parameter" not in f["quote"], p.name
            assert f["value"] not in (20, 300e12, 200e12, 500e12, 100e12), (p.name, f["quote"])


def test_pdf_builder_gives_a_clean_text_layer(qapp, tmp_path) -> None:
    paras = [" ".join(f"p{k}w{i}" for i in range(40)) for k in range(40)]
    md = "# Title here\n\n" + "\n\n".join(f"Paragraph {k} {p}." for k, p in enumerate(paras))
    out = tmp_path / "t.pdf"
    pages = render(md, out, "T", "Running header", "Footer text")
    assert fix_space_mapping(out) >= 1
    texts = [p.extract_text() for p in PdfReader(out).pages]
    assert pages == len(texts) >= 2
    joined = "\n".join(texts)
    assert "\t" not in joined
    assert "Paragraph 0 p0w0 p0w1" in joined
    for k in range(40):  # every word once: no line is drawn on two pages
        assert all(len(re.findall(rf"\bp{k}w{i}\b", joined)) == 1 for i in range(40)), k
    assert "Running header" not in texts[0] and "Running header" in texts[1]
    assert f"Footer text · Page {pages} of {pages}" in texts[-1]
