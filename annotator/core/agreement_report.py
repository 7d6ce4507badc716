"""The agreement figures as text: a readable table, CSV rows, or JSON.

Each renderer takes the dict ``agreement.compute`` returns and gives a string.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

GUIDE = (
    "Reading: alpha >= 0.8 reliable, 0.667-0.8 tentative, below 0.667 unreliable "
    "(Krippendorff); F1 is the share of spans both coders marked."
)
CSV_COLUMNS = ("scope", "article", "annotators", "measure", "label", "value", "n")


def fmt(value: float | None) -> str:
    """A figure to three places, or a dash where it is undefined."""
    return "-" if value is None else f"{value:.3f}"


def verdict(alpha: float | None) -> str:
    """Krippendorff's reading of an alpha."""
    if alpha is None:
        return "undefined"
    if alpha >= 0.8:
        return "reliable"
    if alpha >= 0.667:
        return "tentative"
    return "unreliable"


def _grid(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def measure_rows(result: dict[str, Any]) -> list[list[str]]:
    """One row per measure (the table's and the window's): name, alpha, F1 exact and
    overlap, units, Krippendorff's reading."""
    rows = []
    for label, tok in result["tokens"].items():
        span = result["spans"].get(label, {})
        rows.append(
            [
                f"{label} (tokens, spans)",
                fmt(tok["alpha"]),
                fmt(span.get("f1_exact")),
                fmt(span.get("f1_overlap")),
                str(tok["n"]),
                verdict(tok["alpha"]),
            ]
        )
    for key in ("attribution", "stance"):
        fig = result[key]
        rows.append([key, fmt(fig["alpha"]), "", "", str(fig["units"]), verdict(fig["alpha"])])
    return rows


def render_table(result: dict[str, Any]) -> str:
    """The figures as aligned plain-text tables, with the reading guide."""
    names = ", ".join(result["annotators"])
    lines = [f"Agreement of {names} on {result['articles']} articles", GUIDE, ""]
    rows = [["measure", "alpha", "F1 exact", "F1 overlap", "units", "reading"]]
    lines += _grid(rows + measure_rows(result))
    labels = list(result["tokens"])
    if result.get("pairs"):
        lines += ["", "Per pair of coders"]
        head = ["pair", "articles", *(f"{label} alpha" for label in labels)]
        head += [*(f"{label} F1" for label in labels), "attribution", "stance"]
        rows = [head]
        for pair in result["pairs"]:
            rows.append(
                [
                    " / ".join(pair["annotators"]),
                    str(pair["articles"]),
                    *(fmt(pair["tokens"][label]) for label in labels),
                    *(fmt(pair["spans"][label]) for label in labels),
                    fmt(pair["attribution"]),
                    fmt(pair["stance"]),
                ]
            )
        lines += _grid(rows)
    if result["per_article"]:
        lines += ["", "Per article"]
        head = ["article", *(f"{label} alpha" for label in labels), "attribution", "stance"]
        rows = [head]
        for art in result["per_article"]:
            title = (art["title"] or art["id"]).replace("\n", " ")
            rows.append(
                [
                    title[:40],
                    *(fmt(art["tokens"][label]) for label in labels),
                    fmt(art["attribution"]),
                    fmt(art["stance"]),
                ]
            )
        lines += _grid(rows)
    return "\n".join(lines) + "\n"


def csv_rows(result: dict[str, Any]) -> Iterator[list[Any]]:
    """One row per figure: scope (all, pair, article), article id, annotators
    (joined with ``;``), measure, label, value, n."""
    coders = ";".join(result["annotators"])
    for label, tok in result["tokens"].items():
        yield ["all", "", coders, "tokens.alpha", label, tok["alpha"], tok["n"]]
    for label, span in result["spans"].items():
        yield ["all", "", coders, "spans.f1_exact", label, span["f1_exact"], ""]
        yield ["all", "", coders, "spans.f1_overlap", label, span["f1_overlap"], ""]
    for key in ("attribution", "stance"):
        yield ["all", "", coders, f"{key}.alpha", "", result[key]["alpha"], result[key]["units"]]
    for pair in result.get("pairs", ()):
        who = ";".join(pair["annotators"])
        n = pair["articles"]
        for label, value in pair["tokens"].items():
            yield ["pair", "", who, "tokens.alpha", label, value, n]
        for label, value in pair["spans"].items():
            yield ["pair", "", who, "spans.f1_overlap", label, value, n]
        for key in ("attribution", "stance"):
            yield ["pair", "", who, f"{key}.alpha", "", pair[key], n]
    for art in result["per_article"]:
        who = ";".join(art["annotators"])
        for label, value in art["tokens"].items():
            yield ["article", art["id"], who, "tokens.alpha", label, value, ""]
        for label, value in art["spans"].items():
            yield ["article", art["id"], who, "spans.f1_overlap", label, value, ""]
        for key in ("attribution", "stance"):
            yield ["article", art["id"], who, f"{key}.alpha", "", art[key], ""]


def render_csv(result: dict[str, Any]) -> str:
    """The figures as CSV with a header line (empty cells where a figure is undefined)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in csv_rows(result):
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def render_json(result: dict[str, Any]) -> str:
    """The figures as one JSON object (undefined figures are null)."""
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"table": render_table, "json": render_json, "csv": render_csv}
