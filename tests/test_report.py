"""The Markdown report: its structure on a small map, and hostile text that cannot break or
inject into it (an XSS corpus through report → Markdown → HTML → nh3)."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from model.argmap import ArgumentMap
from model.entities import Citation, Scenario, Series, Source
from model.formatting import signed
from model.readings import own_copy
from model.report import ReportImages, build_report, compute_numbers, md_text, pct, safe_url
from storage.report_html import markdown_to_html, render_html

DATE = "2026-01-02"
IMAGES = ReportImages("r-map.png", "r-scenarios.png", "r-tornado.png", {"compute": "r-trend.png"})


def worked_example(title: str = "T") -> ArgumentMap:
    """docs/credence.md's worked example: T ← A (strong) ← E (moderate), T ⊣ B (moderate)."""
    amap = ArgumentMap()
    amap.set_meta("title", "Small debate")
    amap.add_source(Source("s1", "Will scaling work?", author="D. Patel", url="https://x.org/a"))
    amap.add_node("thesis", title, node_id="t", prior=0.5)
    amap.add_node("claim", "A", node_id="a", prior=0.5)
    amap.add_node("claim", "B", node_id="b", prior=0.6)
    amap.add_node("evidence", "E", node_id="e", prior=0.8, series="compute",
                  citations=(Citation("s1", "loss fell", locator="§2"),))  # fmt: skip
    amap.link("a", "t", "supports", "strong")
    amap.link("b", "t", "attacks", "moderate")
    amap.link("e", "a", "supports", "moderate")
    amap.put_scenario(Scenario("Skeptic", "doubts A", priors={"a": 0.2}))
    amap.put_series(Series("compute", "Training compute", "FLOP"))
    return amap


def test_report_structure_of_a_small_map() -> None:
    md = build_report(worked_example(), compute_numbers(worked_example()), IMAGES, DATE)
    headings = re.findall(r"^#+ .*$", md, flags=re.M)
    assert headings == [
        "# Small debate",
        "## The question",
        "### Credence under each scenario",
        "## The strongest reasons",
        "### For the thesis",
        "### Against the thesis",
        "## The argument map",
        "### The argument tree",
        "## Sensitivity: what would change the number most",
        "## The evidence",
        "## Trend data",
        "### Training compute",
        "## Sources",
    ]
    assert "**Credence in the thesis: 65%** under the scenario *Map's own weights*." in md
    assert "| Map's own weights (shown in this report) | 65% |" in md
    assert "| Skeptic | " in md
    assert "| +30.6 pts | A | strong | 71% |" in md  # the worked example's +30.63 points
    assert "| −13.3 pts | B | moderate | 60% |" in md
    tree = [line for line in md.splitlines() if re.match(r"^\s*- (\*\*Thesis|\*supports|\*attacks)", line)]  # fmt: skip
    assert tree == [
        "- **Thesis** · 65% — T",
        "    - *supports* (strong) · +30.6 pts · claim · 71% — A",
        "        - *supports* (moderate) · +20.7 pts · evidence · 80% — E",
        "    - *attacks* (moderate) · −13.3 pts · claim · 60% — B",
    ]
    assert "- **E** — for the thesis; reliability 80%. “loss fell” [S1] (§2)" in md
    assert "- [S1] D. Patel. *Will scaling work?* <https://x.org/a>" in md
    assert (
        "The strongest reason for is “A” (+31 points); the strongest against is “B” (−13 points)."
        in md
    )
    for picture in ("r-map.png", "r-scenarios.png", "r-tornado.png", "r-trend.png"):
        assert f"]({picture})" in md


def test_same_map_gives_same_report() -> None:
    a, b = worked_example(), worked_example()
    assert build_report(a, compute_numbers(a), IMAGES, DATE) == build_report(
        b, compute_numbers(b), IMAGES, DATE
    )


def test_map_without_thesis_still_reports() -> None:
    amap = ArgumentMap()
    amap.add_node("claim", "lonely", node_id="c")
    md = build_report(amap, compute_numbers(amap), ReportImages(), DATE)
    assert "no thesis yet" in md and "lonely" in md


XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<svg onload=alert(1)>",
    "[click](javascript:alert(1))",
    "![pic](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    "<a href='vbscript:msgbox(1)'>v</a>",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "`<script>` **bold** _it_ # heading | pipe |",
    "<!-- comment --><style>body{}</style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<<script>script>alert(1)<</script>/script>",
    '<a href="http://ok.org" onclick="alert(1)">ok</a>',
    "\u0000<scr\u0000ipt>",
    "<object data=x></object><embed src=x><form action=x><input>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "- list\n1. item\n> quote\n=== \n---",
    '<div style="background:url(javascript:alert(1))">',
]


def hostile_map() -> ArgumentMap:
    amap = ArgumentMap()
    bad = iter(XSS * 4)
    amap.set_meta("title", next(bad))
    amap.set_meta("description", next(bad))
    amap.add_source(Source("s", next(bad), author=next(bad), outlet=next(bad),
                           url="javascript:alert(1)"))  # fmt: skip
    amap.add_source(Source("s2", next(bad), url="https://ok.org/<script>"))
    amap.add_node("thesis", next(bad), text=next(bad), node_id="t")
    for i, payload in enumerate(XSS):
        kind = "evidence" if i % 2 else "claim"
        amap.add_node(kind, payload, text=payload, node_id=f"n{i}", series="x",
                      citations=(Citation("s", payload, locator=payload),))  # fmt: skip
        amap.link(f"n{i}", "t", "supports" if i % 3 else "attacks", 3)
    amap.put_scenario(Scenario(XSS[1], XSS[0]))
    amap.put_series(Series("x", XSS[2], XSS[3], source=XSS[4]))
    return amap


class Tags(HTMLParser):
    """Every real tag and attribute in a document (escaped text is not a tag)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


ACTIVE = {"script", "iframe", "object", "embed", "svg", "math", "style", "form", "input", "frame"}


def assert_inert(html_text: str) -> None:
    parser = Tags()
    parser.feed(html_text)
    for tag, attrs in parser.found:
        assert tag not in ACTIVE, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name != "style", tag
            if name in ("href", "src"):
                ok = ("http://", "https://", "mailto:", "#", "r-", "data:image/png;base64,")
                assert (value or "").startswith(ok), (tag, name, value)


def test_xss_corpus_cannot_inject_into_the_report() -> None:
    amap = hostile_map()
    md = build_report(amap, compute_numbers(amap), IMAGES, DATE)
    # The report's own escaping holds even before nh3 runs (defence in depth) ...
    raw = markdown.markdown(
        md, extensions=["tables"], extension_configs={"tables": {"use_align_attribute": True}}
    )
    assert_inert(raw)
    # ... and the sanitised HTML the preview and the HTML export show holds too.
    clean = markdown_to_html(md)
    assert_inert(clean)
    page = render_html(md, {"r-map.png": b"\x89PNG"}, XSS[0])
    head, body = page.split("<body>", 1)
    assert_inert(body)
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in head
    assert "Content-Security-Policy" in head and head.lower().count("<script") == 0
    # The hostile text is shown as typed, not dropped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in clean
    assert "[click](javascript:alert(1))" in html.unescape(clean)


def test_only_web_and_mail_urls_become_links() -> None:
    assert safe_url("https://example.org/a b") is None
    assert safe_url("https://example.org/(x)") == "https://example.org/%28x%29"
    assert safe_url("mailto:me@example.org") == "mailto:me@example.org"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "//evil.org",
                "http:/relative", "vbscript:x"):  # fmt: skip
        assert safe_url(bad) is None, bad


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_user_text_renders_as_exactly_that_text(text: str) -> None:
    """md_text is inert: Markdown shows the text itself (whitespace collapsed, control
    characters dropped), with no markup at all."""
    rendered = markdown.markdown("Node: " + md_text(text), extensions=["tables"])
    inner = re.fullmatch(r"<p>Node: (.*)</p>", rendered, flags=re.S)
    visible = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    visible = re.sub("[\u202a-\u202e\u2066-\u2069]", "", visible)
    expected = " ".join(visible.split())
    if not expected:
        return
    assert inner is not None, rendered
    assert "<" not in inner.group(1)
    assert html.unescape(inner.group(1)) == expected


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e4, max_value=1e4, allow_nan=False), st.sampled_from([0, 1]))
def test_signed_numbers_read_as_on_the_map(x: float, digits: int) -> None:
    """Pulls and gaps in a report carry a minus sign (U+2212) as the cards do, never a hyphen;
    the number read back is the value rounded, and zero is never "−0"."""
    text = signed(x, digits)
    assert "-" not in text and text[0] in "+−"
    assert float(text.replace("−", "-")) == round(x, digits) or abs(round(x, digits)) == 0
    assert not text.startswith("−") or round(x, digits) < 0


def test_a_link_weighed_none_and_an_unweighed_one_read_as_two_things() -> None:
    """ "none" (weighed: it bears on nothing, λ 1) and an unweighed link both move nothing, but
    only one waits to be weighed: the report says so in the words the app uses; a λ just
    above 1 pulls a little and is never called "no pull"."""
    from model.weights import NO_PULL, UNWEIGHED, strength_label

    amap = worked_example()
    amap.add_node("claim", "Weighed and found irrelevant", node_id="w")
    amap.add_node("claim", "Nobody has looked at this", node_id="u")
    amap.link("w", "t", "supports", "none")
    amap.link("u", "t", "supports")
    md = build_report(amap, compute_numbers(amap), IMAGES, DATE)
    (weighed,) = [line for line in md.splitlines() if "Weighed and found irrelevant" in line]
    (waiting,) = [line for line in md.splitlines() if "Nobody has looked at this" in line]
    assert f"({NO_PULL})" in weighed and UNWEIGHED not in weighed
    assert f"({UNWEIGHED})" in waiting and "none" not in waiting
    assert "(none)" not in md
    assert strength_label(1.1) == "weak" and strength_label(1.0) == "none"


def test_the_report_lists_what_ones_own_scenario_changes_from_the_map() -> None:
    """A user who weighs the map their own way exports a report at their figure; it used to
    give that figure with no word of the weights behind it (only authors' readings were
    listed). Now a section lists each weight the shown scenario sets differently from the map,
    the map's value beside it, and the map's own figure; an override equal to the map's value
    or of a deleted link is left out, and an unchanged scenario adds no section."""
    amap = worked_example()
    amap.put_scenario(Scenario("My view", priors={"a": 0.5, "e": 0.95},
                               strengths={("a", "t"): 20.0, ("b", "t"): 3.0, ("x", "t"): 6.0}))  # fmt: skip
    amap.set_meta("scenario", "My view")
    numbers = compute_numbers(amap)
    md = build_report(amap, numbers, IMAGES, DATE)
    headings = re.findall(r"^#+ .*$", md, flags=re.M)
    assert headings[6] == "## Where *My view* departs from the map's weights"
    base, now = pct(numbers.scenarios[""]), pct(numbers.scenarios["My view"])
    assert base == "65%" and now != base
    assert (f"*My view* sets 2 weights differently from the map's own. With the map's own "
            f"weights the thesis is at {base}; these changes take it to {now}.") in md  # fmt: skip
    section = md.split("## Where *My view* departs")[1].split("\n## ")[0]
    assert [line for line in section.splitlines() if line.startswith("|")] == [
        "| Input | The map's weight | My view |",
        "| --- | ---: | ---: |",
        "| reliability: E | 80% | 95% |",
        "| strength: A → T | strong | decisive |",
    ]
    html_text = render_html(md, {})
    assert "departs from the map" in html_text and "<td>reliability: E</td>" in html_text
    amap.put_scenario(Scenario("My view", priors={"a": 0.5}))
    assert "departs from" not in build_report(amap, compute_numbers(amap), IMAGES, DATE)
    amap.set_meta("scenario", "Skeptic")  # an author's reading: its own section lists it
    amap.put_scenario(
        Scenario("Skeptic", priors={"a": 0.2}, reading=True, source="s1", stated="unlikely")
    )
    assert "departs from" not in build_report(amap, compute_numbers(amap), IMAGES, DATE)
    # The user's copy of a reading ("Your view of …", no author's words behind it) is theirs.
    amap.put_scenario(own_copy(amap.scenarios["Skeptic"], "Your view of Skeptic"))
    amap.set_meta("scenario", "Your view of Skeptic")
    md = build_report(amap, compute_numbers(amap), IMAGES, DATE)
    assert "## Where *Your view of Skeptic* departs from the map's weights" in md


def test_the_description_is_followed_by_the_articles_imported_since() -> None:
    """The seed's description says the map "is built from five public articles"; after an
    import the report printed it unchanged, the imported article nowhere beside it. The
    description is the map maker's text and stays as written; a line after it names what
    has been imported since (imports date their sources)."""
    amap = worked_example()
    amap.set_meta("description", "Built from one public article.")
    md = build_report(amap, compute_numbers(amap), IMAGES, DATE)
    assert "Built from one public article.\n\n## The question" in md  # nothing imported yet
    for i, day in enumerate(("2026-11-28", "2026-11-27"), start=2):
        amap.add_source(Source(f"s{i}", f"Import {i}", added=f"{day}T20:00:00+00:00"))
    md = build_report(amap, compute_numbers(amap), IMAGES, DATE)
    assert (
        "Built from one public article.\n\n*Since then 2 articles were imported into the map: "
        "“Import 3” (2026-11-27) and “Import 2” (2026-11-28).*"
    ) in md
    for i in range(4, 9):
        amap.add_source(Source(f"s{i}", f"Import {i}", added=f"2026-11-29T0{i}:00:00+00:00"))
    md = build_report(amap, compute_numbers(amap), IMAGES, DATE)
    assert (
        "*Since then 7 articles were imported" in md
        and ", “Import 6” (2026-11-29) and 2 more." in md
    )
    amap.set_meta("description", "")
    assert "Since then" not in build_report(amap, compute_numbers(amap), IMAGES, DATE)
