"""Run the benchmark: for each N, write the archive and the baseline, build both alternating, take
the figures, print them (`torv bench`, `python -m torv.bench`, `make bench`)."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import os
import shutil
import signal
import sys
import tempfile

from . import archive as archive_mod
from . import baseline, live, measure, oversized, report, visitor

DEFAULT_ITEMS = (100, 300, 1000)


class BenchError(Exception):
    """A build failed: the figures would mean nothing."""


@dataclasses.dataclass
class Result:
    n: int
    languages: tuple
    files: int  # content files Torv validated
    expected: set  # the ids of the archive's items
    validation: list  # seconds, one per run
    torv: list  # measure.Run, one per run
    baseline: list
    torv_site: measure.SiteFigures
    baseline_site: measure.SiteFigures
    torv_news: dict  # lang -> {item id: page path below the site}
    baseline_news: dict
    torv_out: str  # the built sites
    baseline_out: str
    loads: dict = dataclasses.field(default_factory=dict)  # ("torv"|"baseline", "home page"|"news page") -> Load
    load_problem: str = ""


def _check(run: measure.Run, what: str) -> measure.Run:
    if run.returncode != 0:
        raise BenchError(f"{what} failed (exit code {run.returncode}):\n{run.output[-4000:]}")
    return run


def bench_one(
    n: int,
    workdir: str,
    runs: int = 3,
    browser=None,
    browser_problem: str = "",
    today: dt.date = archive_mod.TODAY,
    log=print,
) -> tuple[Result, archive_mod.Archive]:
    """Write the archive of n items per language and its baseline, build both `runs` times
    (alternating, the order swapped every run), and take the figures."""
    here = os.path.join(workdir, f"n{n}")
    log(f"N = {n}: writing the archive and the baseline ...")
    archive = archive_mod.write(os.path.join(here, "torv"), n, today=today)
    config = baseline.write(archive, os.path.join(here, "baseline"))
    torv_out, base_out = os.path.join(here, "torv-site"), os.path.join(here, "baseline-site")
    validation: list[float] = []
    torv_runs: list[measure.Run] = []
    base_runs: list[measure.Run] = []
    files = 0
    for k in range(runs):
        v = measure.validate(archive.root, today)
        if v.crashed or v.errors:
            raise BenchError(f"the archive does not validate: {v}")
        validation.append(v.seconds)
        files = v.files
        builds = [
            ("torv", measure.torv_build_command(archive.root, torv_out, today)),
            ("baseline", measure.baseline_build_command(config, base_out)),
        ]
        for name, cmd in builds if k % 2 == 0 else builds[::-1]:
            log(f"N = {n}: run {k + 1} of {runs}: {name} build ...")
            done = _check(measure.run(cmd), f"the {name} build")
            (torv_runs if name == "torv" else base_runs).append(done)
    result = Result(
        n=n,
        languages=archive.languages,
        files=files,
        expected=archive.ids(),
        validation=validation,
        torv=torv_runs,
        baseline=base_runs,
        torv_site=measure.site_figures(torv_out),
        baseline_site=measure.site_figures(base_out),
        torv_news=measure.news_pages(torv_out, archive, default_at_root=False),
        baseline_news=measure.news_pages(base_out, archive, default_at_root=True),
        torv_out=torv_out,
        baseline_out=base_out,
        load_problem=browser_problem,
    )
    if browser is not None:
        lang = archive.languages[0]
        item = archive.items[len(archive.items) // 2].id
        for name, site, home, news in (
            ("torv", torv_out, f"{lang}/", result.torv_news[lang].get(item)),
            ("baseline", base_out, "", result.baseline_news[lang].get(item)),
        ):
            paths = {"home page": home}
            if news:
                paths["news page"] = news.removesuffix("index.html")
            for page, load in visitor.page_loads(browser, site, paths).items():
                result.loads[(name, page)] = load
    return result, archive


DESCRIPTION = (
    "Build a generated news archive with Torv and with plain Material + mkdocs-static-i18n, "
    "alternating, and print speed, memory and size figures."
)


def _items(text: str) -> tuple:
    try:
        values = tuple(int(x) for x in text.replace(",", " ").split())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers like 100,300,1000, found {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected numbers of at least 1, found {text!r}")
    return values


def arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `torv bench`."""
    parser.add_argument(
        "--items", type=_items, default=DEFAULT_ITEMS, help="news items per language, e.g. 100,300,1000 (the default)"
    )
    parser.add_argument("--runs", type=int, default=3, help="builds of each, alternating (default: 3)")
    parser.add_argument(
        "--serve-items", type=int, default=300, help="N at which to time `make serve` (default: 300; 0: not at all)"
    )
    parser.add_argument("--saves", type=int, default=3, help="saves timed in `make serve` (default: 3)")
    parser.add_argument(
        "--no-browser", action="store_true", help="no Chromium: no bytes a visitor loads, no `make serve` figures"
    )
    parser.add_argument("--no-oversized", action="store_true", help="skip validating oversized input")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the archives and sites there")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="torv bench", description=DESCRIPTION)
    arguments(parser)
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Run the benchmark with parsed options; the exit code."""
    if args.runs < 1:
        print("--runs: expected at least 1")
        return 2
    try:
        import mkdocs_static_i18n  # noqa: F401
    except ImportError:
        print(
            "The baseline needs mkdocs-static-i18n: `make bench` installs it (pip install -r requirements-bench.txt)."
        )
        return 2

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `kill` stops the benchmark and what it started, as Ctrl-C does

    def log(text):
        print(text, file=sys.stderr, flush=True)

    print(report.machine(measure.machine()), flush=True)
    workdir = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="torv-bench-")
    os.makedirs(workdir, exist_ok=True)
    try:
        with contextlib.ExitStack() as stack:
            browser, problem = (None, "--no-browser") if args.no_browser else stack.enter_context(visitor.chromium())
            for n in args.items:
                result, archive = bench_one(n, workdir, args.runs, browser, problem, log=log)
                print("\n" + report.result(result), flush=True)
                if n == args.serve_items and args.saves > 0:
                    log(f"N = {n}: timing `make serve` ...")
                    times = (
                        live.measure_saves(archive, browser, args.saves)
                        if browser is not None
                        else live.SaveTimes((), (), float("nan"), problem)
                    )
                    print("\n" + report.serve(n, times), flush=True)
            if not args.no_oversized:
                log("validating oversized input ...")
                print("\n" + report.oversized(oversized.measure(workdir)), flush=True)
    except BenchError as exc:
        print(f"\nThe benchmark stopped: {exc}")
        return 1
    except KeyboardInterrupt:
        print("\nThe benchmark was interrupted.")
        return 130
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"\nLoad average at the end: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0
