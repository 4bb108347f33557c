"""Write the results of ``bench/load.py`` (and ``bench/explain.py``) into docs/performance.md.

    python bench/report.py bench/results/10k.json bench/results/1m.json

The tables go between the ``<!-- bench:results -->`` and ``<!-- /bench:results -->`` markers
of docs/performance.md (added at the end when missing); the rest of the page is left alone.
One table per result file (its date, machine, commit and settings above it), then one table
that compares the sizes: p95 of each request at each size and the ratio to the smallest.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:results -->", "<!-- /bench:results -->"


def fmt_size(n: int) -> str:
    """The generated size a database is nearest to (intake during runs adds a few rows)."""
    import math

    sizes = {1_000: "1k", 10_000: "10k", 100_000: "100k", 1_000_000: "1M", 10_000_000: "10M"}
    nearest = min(sizes, key=lambda s: abs(math.log10(max(n, 1)) - math.log10(s)))
    return sizes[nearest]


def run_table(run: dict[str, Any]) -> str:
    m = run["machine"]
    bare = next((r for r in run["results"] if r["name"] == "bare"), None)
    bare_rps = bare["throughput"] if bare else 0
    threads = run.get("gunicorn_threads") or 1
    server = f"gthread workers × {threads} threads" if threads > 1 else "sync workers"
    lines = [
        f"### {run.get('label') or fmt_size(run['complaints'])}: "
        f"{run['complaints']:,} complaints in the database",
        "",
        f"{run['started']} to {run['finished']}; commit `{run['commit']}`; "
        f"{m['cores']} cores ({m['cpu']}), {m['ram_mb'] / 1024:.0f} GiB RAM, Python "
        f"{m['python']}; gunicorn {run.get('gunicorn_workers') or '(external)'} {server}; "
        f"{run['duration']:g} s per row after a warm-up; load average (1 min) "
        f"{m['loadavg_1m_before']} before, {run.get('loadavg_1m_after', '?')} after.",
        "",
        "| request | clients | req/s | share of bare | p50 ms | p95 ms | p99 ms | errors "
        "| disk read MB | note |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for r in run["results"]:
        if not r.get("clients"):
            lines.append(f"| {r['name']} | | | | | | | | | {r.get('note', '')} |")
            continue
        share = f"{r['throughput'] / bare_rps:.1%}" if bare_rps else ""
        disk = r.get("disk_read_mb")  # results written before it was measured have none
        lines.append(
            f"| {r['name']} | {r['clients']} | {r['throughput']:.1f} | {share} | "
            f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['errors']} | "
            f"{'' if disk is None else f'{disk:.1f}'} | {r.get('note', '')} |"
        )
    ack = run.get("acknowledged") or {}
    mem = run.get("memory") or {}
    lines += [
        "",
        f"Acknowledged submissions: {ack.get('acknowledged', 0):,}, each found exactly once: "
        f"{ack.get('found_once', 0):,}, missing: {ack.get('missing', 0)} "
        f"({'no loss' if ack.get('ok') else 'LOSS OR DUPLICATE'}).",
        f"Memory: largest gunicorn worker RSS {mem.get('web_worker_rss_mb', '?')} MB "
        f"(of {mem.get('web_workers', '?')}); `aduan worker` peak RSS "
        f"{mem.get('worker_rss_mb', '?')} MB over {mem.get('worker_seconds', '?')} s of sweeps.",
        "",
    ]
    return "\n".join(lines)


def growth_table(runs: list[dict[str, Any]]) -> str:
    runs = sorted(runs, key=lambda r: r["complaints"])
    names: list[str] = []
    for run in runs:
        for r in run["results"]:
            if r.get("clients") and r["name"] not in names:
                names.append(r["name"])
    head = " | ".join(f"p95 at {fmt_size(r['complaints'])}" for r in runs)
    lines = [
        "### Growth: p95 (ms) by database size",
        "",
        f"| request | {head} | largest / smallest |",
        "|---|" + "--:|" * (len(runs) + 1),
    ]
    for name in names:
        values = []
        for run in runs:
            row = next((r for r in run["results"] if r["name"] == name and r.get("clients")), None)
            values.append(row["p95"] if row else None)
        cells = " | ".join(f"{v:.1f}" if v is not None else "" for v in values)
        ratio = f"{values[-1] / values[0]:.2f}×" if values[0] and values[-1] is not None else ""
        lines.append(f"| {name} | {cells} | {ratio} |")
    return "\n".join(lines) + "\n"


def explain_table(runs: list[dict[str, Any]]) -> str:
    """In-process timings from bench/explain.py (no HTTP, no template)."""
    runs = sorted(runs, key=lambda r: r["complaints"])
    names: list[str] = []
    for run in runs:
        names += [n for n in run["cases"] if n not in names]
    head = " | ".join(f"p50 / p95 at {fmt_size(r['complaints'])}" for r in runs)
    lines = [
        "### In-process timings of the selectors (bench/explain.py), ms",
        "",
        f"| query | {head} |",
        "|---|" + "--:|" * len(runs),
    ]
    for name in names:
        cells = []
        for run in runs:
            t = run["cases"].get(name)
            cells.append(f"{t['p50']:.1f} / {t['p95']:.1f}" if t else "")
        lines.append(f"| {name} | {' | '.join(cells)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument(
        "results", nargs="+", help="JSON files of bench/load.py --out and bench/explain.py --out"
    )
    p.add_argument("--doc", default=str(DOC))
    args = p.parse_args()
    loaded = [json.loads(Path(f).read_text()) for f in args.results]
    runs = [r for r in loaded if "results" in r]
    explained = [r for r in loaded if "cases" in r]
    parts = [run_table(run) for run in sorted(runs, key=lambda r: r["complaints"])]
    if len(runs) > 1:
        parts.append(growth_table(runs))
    if explained:
        parts.append(explain_table(explained))
    block = f"{START}\n\n" + "\n".join(parts) + f"\n{END}"
    doc = Path(args.doc)
    text = doc.read_text() if doc.exists() else "# Performance\n\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    doc.write_text(text)
    print(f"wrote {len(loaded)} result(s) into {doc}")


if __name__ == "__main__":
    main()
