"""Print the figures as Markdown tables (readable in a terminal, pasted as is into the README)."""

from __future__ import annotations

import math
import statistics

from .visitor import KINDS


def seconds(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def size(n: int) -> str:
    """Bytes as kB or MB (1000-based, as browsers' developer tools show them)."""
    if n >= 1e6:
        return f"{n / 1e6:.2f} MB"
    return f"{n / 1e3:.1f} kB"


def memory(n: int) -> str:
    return f"{n / 2**30:.2f} GiB" if n >= 2**30 else f"{n / 2**20:.0f} MiB"


def median(values) -> float:
    values = [v for v in values if not math.isnan(v)]
    return statistics.median(values) if values else float("nan")


def table(header: tuple, rows: list) -> str:
    """A Markdown table, columns padded; the first column left-aligned, the others right-aligned."""
    cells = [list(map(str, header))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row):
        return (
            "| "
            + " | ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=False))
            )
            + " |"
        )

    rule = "|" + "|".join(("-" * (w + 2)) if i == 0 else ("-" * (w + 1) + ":") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(cells[0]), rule] + [line(r) for r in cells[1:]])


def machine(info: dict) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in info["versions"].items())
    load = " / ".join(f"{x:.2f}" for x in info["load"]) if info["load"] else "n/a"
    return (
        f"Torv benchmark, {info['date']}\n"
        f"Machine: {info['cores']} cores ({info['cpu']}), {memory(info['memory'])} memory, "
        f"{info['system']}, Python {info['python']}; {versions}\n"
        f"Load average (1/5/15 min) at the start: {load}: other work on the machine makes the times noisy."
    )


def _runs(values: list) -> str:
    return ", ".join(seconds(v) for v in values)


def result(r) -> str:
    """The block of one archive size (a run.Result)."""
    langs = r.languages
    torv_s = median([b.seconds for b in r.torv])
    base_s = median([b.seconds for b in r.baseline])
    torv_cpu = median([b.cpu_seconds for b in r.torv])
    base_cpu = median([b.cpu_seconds for b in r.baseline])
    rows: list[tuple[str, ...]] = [
        (f"validation (in process), median of {len(r.validation)}", seconds(median(r.validation)), ""),
        ("full build, median", seconds(torv_s), seconds(base_s)),
        ("  each run", _runs([b.seconds for b in r.torv]), _runs([b.seconds for b in r.baseline])),
        ("Torv / baseline", f"{torv_s / base_s:.2f}x" if base_s else "n/a", ""),
        ("CPU time of the build (user + system), median", seconds(torv_cpu), seconds(base_cpu)),
        ("  Torv / baseline", f"{torv_cpu / base_cpu:.2f}x" if base_cpu else "n/a", ""),
        (
            "peak memory, all processes of the build",
            memory(max(b.peak_rss for b in r.torv)),
            memory(max(b.peak_rss for b in r.baseline)),
        ),
        (
            "  largest single process",
            memory(max(b.largest_process for b in r.torv)),
            memory(max(b.largest_process for b in r.baseline)),
        ),
        ("HTML pages", f"{r.torv_site.pages:,}", f"{r.baseline_site.pages:,}"),
        ("pages per second", f"{r.torv_site.pages / torv_s:.0f}", f"{r.baseline_site.pages / base_s:.0f}"),
        ("site size", size(r.torv_site.total_bytes), size(r.baseline_site.total_bytes)),
    ]
    for lang in langs:
        t = r.torv_site.search_index.get(lang)
        b = r.baseline_site.search_index.get(lang)
        shared = r.baseline_site.search_index.get(".")
        if b is None and shared is not None:
            b_text = f"{size(shared)} (all languages)" if lang == langs[0] else "the same file"
        else:
            b_text = size(b) if b is not None else "none"
        rows.append((f"search index, {lang}", size(t) if t is not None else "none", b_text))
    rows.append(
        (
            "largest page",
            f"{r.torv_site.largest_page[0]} {size(r.torv_site.largest_page[1])}",
            f"{r.baseline_site.largest_page[0]} {size(r.baseline_site.largest_page[1])}",
        )
    )
    rows.append(
        (
            "news pages found, " + "/".join(langs),
            "/".join(str(len(r.torv_news[lg])) for lg in langs),
            "/".join(str(len(r.baseline_news[lg])) for lg in langs),
        )
    )
    for page in ("home page", "news page"):
        loads = (r.loads.get(("torv", page)), r.loads.get(("baseline", page)))
        if not all(loads):
            continue
        rows.append((f"{page} ({langs[0]}), a visitor loads: raw (gzip)", loads[0].path, loads[1].path or "/"))
        for kind in KINDS + ("total",):
            cells = []
            for load in loads:
                raw = sum(load.raw.values()) if kind == "total" else load.raw[kind]
                zipped = sum(load.gzip.values()) if kind == "total" else load.gzip[kind]
                cells.append(f"{size(raw)} ({size(zipped)})")
            rows.append((f"  {kind}", *cells))
        rows.append(("  requests (not found)", *(f"{load.requests} ({load.not_found})" for load in loads)))
    head = (
        f"N = {r.n:,} news items per language ({len(langs)} languages, a third of them meetings; "
        f"{r.files:,} content files); "
        + (f"{len(r.torv)} runs alternating Torv and the baseline" if len(r.torv) > 1 else "1 run of each")
    )
    text = head + "\n\n" + table(("measure", "Torv", "Material + static-i18n"), rows)
    if r.load_problem:
        text += f"\n\nBytes a visitor loads: not measured ({r.load_problem})."
    return text


def serve(n: int, times) -> str:
    head = f"`make serve` at N = {n:,}: saving one news item (default language) {len(times.served)} times"
    if times.problem:
        return f"{head}: not measured ({times.problem})"
    rows = [
        ("start to the first page served", seconds(times.first_build), ""),
        ("save to the changed page served", seconds(median(times.served)), _runs(times.served)),
        ("save to the browser showing the change", seconds(median(times.browser)), _runs(times.browser)),
        ("rebuilds the preview started", f"{times.rebuilds}", ""),
    ]
    text = head + "\n\n" + table(("measure", "median", "each save"), rows)
    if times.rebuilt:
        text += "\n\nWhat the preview rebuilt after each save:\n" + "\n".join(f"- {line}" for line in times.rebuilt)
    return text


def oversized(cases: list) -> str:
    rows = []
    for case in cases:
        v = case.validation
        outcome = f"crashed ({v.crashed})" if v.crashed else f"{v.errors} error(s), {v.warnings} warning(s)"
        rows.append((case.name, seconds(v.seconds), outcome))
    return "Validation of oversized input (the base site with one news item)\n\n" + table(
        ("input", "validation", "result"), rows
    )
