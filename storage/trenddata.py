"""Trend data files: the curated default dataset and third-party CSVs read as they are.

`read_table` is the only CSV parser for imports. It refuses binary files, undecodable text,
files with one column (wrong delimiter) and over-long fields with one clear message each, and
returns every row it could split with its line number, plus the rows it could not, with
reasons. Turning rows into a Series is the model's job (`model.trends.rows_to_points`), so
nothing here touches a map: a failed import cannot change the user's document.
The result is plain JSON-able data so the parse can run in the sandbox child process.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from model.entities import Series
from model.formatting import byte_size
from model.trends import (
    Rejection,
    TrendError,
    empty_columns,
    guess_columns,
    rows_to_points,
    sorted_points,
)

if TYPE_CHECKING:
    from storage.sandbox import Sandbox

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT / "resources" / "trends.csv"
MAX_FILE_BYTES = 64 << 20  # a CSV of trend data is kilobytes; Epoch's full export is 2 MB
MAX_FIELD_CHARS = 100_000  # Epoch's longest field (an abstract) is ~6,000 characters
MAX_COLUMNS = 500
DELIMITERS = ",;\t|"

_EPOCH = "Epoch AI, 'Notable AI Models' (CC BY 4.0), https://epoch.ai/data/notable-ai-models"
_ESTIMATES = (
    "Estimates, not measurements: Epoch marks each figure Confident, Likely or Speculative."
)

#: name → (title, unit, kind, source, note with the caveats shown in the app)
SERIES_INFO: dict[str, tuple[str, str, str, str, str]] = {
    "train_compute_flop": ("Training compute of notable models", "FLOP", "data", _EPOCH,
        f"{_ESTIMATES} Closed models (GPT-4, Claude, Gemini) are speculative. GPT-4 appears twice: "
        "Epoch's 2.1e25 (90% CI 8.2e24–4.4e25) and the seed article's ~6e24; o3's 1e25 is unverified."),
    "train_compute_flop.ref": ("Compute reference levels", "FLOP", "reference",
        "Seed articles (shared/seeds/)",
        "Rough human-equivalent compute quoted in the debate: a level, not a model."),
    "train_cost_usd": ("Training cost of the final run", "USD", "data", _EPOCH,
        "Epoch's rows are amortized hardware + energy in 2023 USD; cloud-rental figures (AI Index) run "
        "about 2x higher. Seed-article rows are ranges spanning both bases (midpoint shown)."),
    "train_cost_usd.ref": ("Cost trend (Cottier et al.)", "USD", "reference",
        "Cottier et al. 2024, arXiv 2405.21015",
        "A published growth rate (2.4x/year since 2016) and the projection it implies; not data points."),
    "arc_agi_1_pct": ("ARC-AGI-1 score", "%", "data", "ARC Prize (arcprize.org)",
        "Semi-private set unless noted. Scores depend on reasoning effort and cost per task; "
        "o3-preview was trained on the public training set."),
    "arc_agi_2_pct": ("ARC-AGI-2 score", "%", "data", "ARC Prize (arcprize.org)",
        "Semi-private set; o3-medium's 3% is an upper bound."),
    "arc_agi_2_pct.ref": ("ARC-AGI-2 human baseline", "%", "reference", "ARC Prize (arcprize.org)",
        "Average of ~400 human test-takers."),
    "swe_bench_pct": ("SWE-bench resolved", "%", "data", "SWE-bench paper (arXiv 2310.06770); vendors",
        "Not like-for-like: 2023 rows are the full set without agents; 2024+ rows are SWE-bench "
        "Verified with agent scaffolds, vendor-reported."),
    "mmlu_pct": ("MMLU accuracy", "%", "data", "MMLU paper (arXiv 2009.03300); model papers",
        "5-shot unless noted; Gemini's CoT@32 figure is not comparable."),
    "mmlu_pct.ref": ("MMLU reference levels", "%", "reference", "MMLU paper (arXiv 2009.03300)",
        "Random guessing (4 options) and the authors' rough expert-level estimate."),
    "params": ("Parameters of notable models", "parameters", "data", _EPOCH,
        f"{_ESTIMATES} Mixture-of-experts counts (Switch, DeepSeek, Llama 4) are totals; "
        "active parameters are much lower."),
    "dataset_tokens": ("Training tokens of frontier models", "tokens", "data",
        "Model papers, Epoch notes",
        "Tokens seen in training as published; multimodal mixes (Llama 4) included as given."),
    "text_stock_tokens": ("Stock of public human text", "tokens", "reference",
        "Villalobos et al., arXiv 2211.04325 (Epoch AI)",
        "Effective stock of quality-adjusted public text, ~300T tokens (90% CI 100T–1,000T); "
        "Epoch projects full use around 2028 (80% interval 2026–2032), earlier if overtrained."),
    "energy_power_mw": ("Training power draw", "MW", "data", _EPOCH,
        "Epoch's estimate of cluster power during the final run (hardware count x power)."),
    "energy_mwh": ("GPT-3 training energy", "MWh", "data", "Patterson et al. 2021",
        "One estimate for one run."),
    "energy_co2_t": ("GPT-3 training emissions", "tCO2e", "data", "Patterson et al. 2021",
        "One estimate for one run."),
    "energy_fleet_twh": ("Illustrative H100 fleet energy", "TWh per year", "data",
        "Seed articles (shared/seeds/)", "Illustrative fleet-level estimate, not a measurement."),
}  # fmt: skip


class TrendDataError(Exception):
    """A trend file that cannot be read; `str()` is one line for the user."""


@dataclass
class Table:
    """A parsed CSV: header, (line, row) pairs and rows that could not be split, with reasons."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    rejected: list[Rejection] = field(default_factory=list)
    delimiter: str = ","

    def as_json(self) -> dict:
        return {"header": self.header, "rows": self.rows, "delimiter": self.delimiter,
                "rejected": [r.as_dict() for r in self.rejected]}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping) -> Table:
        rows = [(int(line), dict(row)) for line, row in data["rows"]]
        rejected = [Rejection(r["line"], r["reason"]) for r in data["rejected"]]
        return cls(list(data["header"]), rows, rejected, data["delimiter"])


# ------------------------------------------------------------------ reading any CSV
def read_table(path: str | os.PathLike[str], max_bytes: int = MAX_FILE_BYTES) -> Table:
    """Read a CSV file as it is; TrendDataError with a one-line reason if it is not a usable CSV."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block the read forever
            raise TrendDataError(f"{path.name} is not a regular file (a folder, pipe or device)")
        size = info.st_size
        if size > max_bytes:
            raise TrendDataError(f"{path.name} is {byte_size(size)}; trend files over "
                                 f"{byte_size(max_bytes)} are not imported")  # fmt: skip
        data = path.read_bytes()
    except OSError as exc:
        raise TrendDataError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    return parse_table(decode(data, path.name), path.name)


def read_table_sandboxed(
    path: str | os.PathLike[str], timeout: float = 60.0, box: Sandbox | None = None
) -> Table:
    """`read_table` in a child process with memory and time limits (untrusted third-party CSVs).

    Pass an open `box` to read many files in one child (a child start costs about a second).
    """
    from storage.sandbox import SandboxError, absolute, run_once

    name = Path(path).name
    path = absolute(path)  # resolved against the user's cwd, not the child's
    try:
        if box is not None:
            return Table.from_json(box.call("read_trend_table", str(path), timeout=timeout))
        return Table.from_json(run_once("read_trend_table", str(path), timeout=timeout))
    except SandboxError as exc:
        if getattr(exc, "kind", "") == "error":  # the reader's own message names the file
            raise TrendDataError(str(exc)) from None
        raise TrendDataError(f"{name}: {exc}") from None


def read_table_json(path: str) -> dict:
    """`read_table` as plain data, for the sandbox child (rebuild with `Table.from_json`)."""
    try:
        return read_table(path).as_json()
    except TrendDataError as exc:
        exc.user_message = str(exc)  # type: ignore[attr-defined]  # the sandbox relays it
        raise


def decode(data: bytes, name: str = "the file") -> str:
    """Bytes → text; refuses binary content (NUL bytes, control characters) and non-UTF-8/Latin text."""
    if not data.strip():
        raise TrendDataError(f"{name} is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel's "Unicode Text" export is UTF-16
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise TrendDataError(f"{name} has a broken UTF-16 encoding") from None
    if b"\x00" in data[: 1 << 20]:
        raise TrendDataError(f"{name} is a binary file (it contains NUL bytes), not a CSV")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > 0.01 * len(text):
            raise TrendDataError(f"{name} is not text in UTF-8 or Windows-1252") from None
    sample = text[:65536]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > 0.01 * len(sample):
        raise TrendDataError(f"{name} looks like a binary file, not a CSV")
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: csv.Sniffer restricted to , ; tab |, comma if unsure."""
    first = text[: text.find("\n") if "\n" in text else len(text)]
    try:
        return csv.Sniffer().sniff(first, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)  # type: ignore[arg-type]
        return best if counts[best] else ","


def parse_table(text: str, name: str = "the file") -> Table:
    """Split CSV text into rows keyed by header; quoted line breaks are kept inside their field."""
    delimiter = sniff_delimiter(text)
    old_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
        return _read_rows(reader, name, delimiter)
    except csv.Error as exc:
        line = reader.line_num
        if "field larger than field limit" in str(exc):
            raise TrendDataError(
                f"{name}, line {line}: a field is longer than "
                f"{MAX_FIELD_CHARS:,} characters; is this really a CSV?"
            ) from None
        raise TrendDataError(f"{name}, line {line}: {exc}") from None  # fmt: skip
    finally:
        csv.field_size_limit(old_limit)


def _read_rows(reader: csv.reader, name: str, delimiter: str) -> Table:  # type: ignore[valid-type]
    header = [h.strip() for h in next(reader, [])]
    if len(header) < 2:
        raise TrendDataError(f"{name}: the header has one column; is it separated by , ; tab or |?")
    if len(header) > MAX_COLUMNS:
        raise TrendDataError(f"{name}: {len(header)} columns is more than a trend table has")
    missing = [i + 1 for i, h in enumerate(header) if not h]
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if missing or dupes:
        what = (
            f"column {missing[0]} has no name" if missing else f"column {dupes[0]!r} appears twice"
        )
        raise TrendDataError(f"{name}: {what} in the header")
    rows, rejected, line = [], [], reader.line_num + 1
    for cells in reader:
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue  # blank line
        if len(cells) != len(header):
            rejected.append(
                Rejection(start, f"has {len(cells)} fields, the header has {len(header)}")
            )
            continue
        rows.append((start, dict(zip(header, cells))))
    if not rows and not rejected:
        raise TrendDataError(f"{name} has a header but no rows")
    return Table(header, rows, rejected, delimiter)


# ------------------------------------------------------------------ import into a Series
@dataclass
class ImportResult:
    """A series ready to put into a map, and the accounting of every row."""

    series: Series
    rows_read: int
    rejected: list[Rejection]

    def summary(self) -> dict:
        return {"series": self.series.name, "rows_read": self.rows_read,
                "points": len(self.series.points),
                "rows_rejected": [r.as_dict() for r in self.rejected]}  # fmt: skip


def series_from_table(
    table: Table,
    mapping: Mapping[str, str],
    name: str,
    *,
    title: str = "",
    unit: str = "",
    source: str = "",
    note: str = "",
) -> ImportResult:
    """Map a table's rows into a data Series; TrendDataError if the mapping cannot work at all."""
    if not table.rows:  # every row was split wrongly: say how, not "column is empty"
        bad = table.rejected[0]
        raise TrendDataError(f"no row could be split into the header's columns (line "
                             f"{bad.line} {bad.reason}); is a quote left open?")  # fmt: skip
    unknown = [c for c in mapping.values() if c and c not in table.header]
    if unknown:
        raise TrendDataError(f"no column named {unknown[0]!r}; the file has: "
                             + ", ".join(table.header[:12]) + ("…" if len(table.header) > 12 else ""))  # fmt: skip
    for col in empty_columns(table.rows, [mapping.get("date", ""), mapping.get("value", "")]):
        raise TrendDataError(f"column {col!r} is empty in every row: choose another column")
    if not name.strip():
        raise TrendDataError("the series needs a name")
    try:
        points, rejected = rows_to_points(table.rows, mapping)
    except TrendError as exc:
        raise TrendDataError(str(exc)) from None
    if not points:
        first = rejected[0].reason if rejected else "no rows"
        raise TrendDataError(f"none of the {len(table.rows)} rows could be read (e.g. {first})")
    if not unit and mapping.get("unit"):
        units = {r.get(mapping["unit"], "").strip() for _, r in table.rows} - {""}
        unit = units.pop() if len(units) == 1 else ""
    series = Series(name=name.strip(), title=title or name.strip(), unit=unit,
                    points=sorted_points(points), kind="data", source=source, note=note)  # fmt: skip
    all_rejected = sorted(table.rejected + rejected, key=lambda r: r.line)
    return ImportResult(series, len(points), all_rejected)


def import_csv(path: str | os.PathLike[str], mapping: Mapping[str, str] | None, name: str,
               **info: str) -> ImportResult:  # fmt: skip
    """Read a CSV and map it (guessing columns when `mapping` is None) in one call."""
    table = read_table(path)
    return series_from_table(table, mapping or guess_columns(table.header), name, **info)


# ------------------------------------------------------------------ the shipped dataset
def default_series(path: Path = DEFAULT_CSV) -> list[Series]:
    """The curated dataset in resources/trends.csv as Series, reference levels included."""
    table = read_table(path)
    mapping = {r: r for r in ("date", "value", "label", "low", "high", "source", "note")}
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in table.rows:
        groups.setdefault(row["series"], []).append((line, row))
    out = []
    for name, rows in groups.items():
        points, rejected = rows_to_points(rows, mapping)
        if rejected or table.rejected:
            bad = (rejected or table.rejected)[0]
            raise TrendDataError(f"{path.name}, line {bad.line}: {bad.reason}")
        title, unit, kind, source, note = SERIES_INFO.get(
            name, (name, rows[0][1]["unit"], "data", "", "")
        )
        out.append(Series(name, title, unit, sorted_points(points), kind, source, note))
    return out
