"""Shared benchmark helpers: scales, child processes with peak RSS, result entries, the table.

Every figure is a ratio "higher is better" against a baseline measured in the same run:
``met`` is ``ratio >= target``. Budgets (seconds, bytes) become ``budget / measured`` with
target 1.0, so one rule reads the whole table.
"""
from __future__ import annotations

import json
import os
import platform
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ROOT", "RESULTS", "SCALES", "Child", "run_child", "entry", "write_results", "print_table",
           "machine", "scale_arg", "kgbuild_cmd"]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"

#: per scale: corpus sizes, graph sizes, reasoning sizes, repetitions
SCALES: dict[str, dict[str, Any]] = {
    "tiny": {"articles": 3, "articles_small": 3, "jobs_articles": 4, "store_articles": 10, "graph_triples": 5_000,
             "rdflib_triples": 5_000, "reason_sizes": [300], "hermit_cap": 5, "export_triples": 5_000,
             "load_triples": 5_000, "repeats": 1, "rdflib_timeout": 2, "profile_articles": 3},
    "quick": {"articles": 20, "articles_small": 5, "jobs_articles": 12, "store_articles": 100,
              "graph_triples": 30_000, "rdflib_triples": 10_000, "reason_sizes": [500], "hermit_cap": 20,
              "export_triples": 30_000, "load_triples": 20_000, "repeats": 3, "rdflib_timeout": 5,
              "profile_articles": 5},
    "medium": {"articles": 1000, "articles_small": 100, "jobs_articles": 200, "store_articles": 1000,
               "graph_triples": 1_000_000, "rdflib_triples": 1_000_000, "reason_sizes": [10_000, 50_000],
               "hermit_cap": 60, "export_triples": 1_000_000, "load_triples": 1_000_000, "repeats": 10,
               "rdflib_timeout": 30, "profile_articles": 60},
    "full": {"articles": 10_000, "articles_small": 1000, "jobs_articles": 1000, "store_articles": 10_000,
             "graph_triples": 5_000_000, "rdflib_triples": 1_000_000, "reason_sizes": [10_000, 50_000, 100_000],
             "hermit_cap": 120, "export_triples": 1_000_000, "load_triples": 5_000_000, "repeats": 20,
             "rdflib_timeout": 300, "profile_articles": 200, "extra_articles": [50_000]},
}


def scale_arg(parser: Any) -> None:
    """Add ``--scale`` and ``--out-dir`` to an argparse parser."""
    parser.add_argument("--scale", choices=list(SCALES), default="quick")
    parser.add_argument("--out-dir", type=Path, default=RESULTS)


def kgbuild_cmd(*args: str) -> list[str]:
    """``python -m kgbuild ...`` with this interpreter (so PYTHONPATH and the venv apply)."""
    return [sys.executable, "-m", "kgbuild", *args]


@dataclass
class Child:
    """A finished child process: wall time, peak RSS of the child itself, output."""

    seconds: float
    peak_rss: int
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False


#: seconds a timed-out child has to stop on SIGTERM (kgbuild removes its temporary files, a
#: reasoner's JVM stops) before its group is killed
STOP_GRACE = 10.0


def _stop_group(pid: int) -> tuple[int, int, Any]:
    """SIGTERM to the child's process group, SIGKILL after :data:`STOP_GRACE`; its wait4."""
    os.killpg(pid, signal.SIGTERM)
    until = time.perf_counter() + STOP_GRACE
    found = os.wait4(pid, os.WNOHANG)
    while not found[0] and time.perf_counter() < until:
        time.sleep(0.05)
        found = os.wait4(pid, os.WNOHANG)
    try:
        os.killpg(pid, signal.SIGKILL)  # the child itself, or what it left running
    except ProcessLookupError:
        pass
    return found if found[0] else os.wait4(pid, 0)


def run_child(cmd: list[str], *, timeout: float | None = None, cwd: Path | None = None,
              env: dict[str, str] | None = None) -> Child:
    """Run ``cmd``; peak RSS (bytes) from the child's VmHWM, polled; on timeout its group is
    stopped (SIGTERM, then SIGKILL after :data:`STOP_GRACE` s)."""
    out_path, err_path = Path(os.devnull), Path(os.devnull)
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, env=env, start_new_session=True)
        timed_out = False
        deadline = None if timeout is None else started + timeout
        hwm = 0
        while True:
            hwm = max(hwm, _vm_hwm(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                timed_out = True
                pid, status, usage = _stop_group(proc.pid)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        del out_path, err_path
        # not ru_maxrss: Linux carries the parent's high-water mark across fork+exec, so a child
        # of a big benchmark process would report the parent's peak; VmHWM is the child's own
        return Child(seconds, hwm or usage.ru_maxrss * 1024, proc.returncode,
                     out.read().decode(errors="replace"), err.read().decode(errors="replace"), timed_out)


def _vm_hwm(pid: int) -> int:
    """Peak RSS (bytes) of a live process so far, from /proc (0 when gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def entry(ratio: float | None, target: float, baseline: str, **detail: Any) -> dict[str, Any]:
    """One target: ``{"ratio", "target", "met", "baseline", ...detail}`` (ratio None = not measured)."""
    met = ratio is not None and ratio >= target
    return {"ratio": None if ratio is None else round(ratio, 3), "target": target, "met": met,
            "baseline": baseline, **detail}


def machine() -> dict[str, Any]:
    """Where the figures come from."""
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"date": time.strftime("%Y-%m-%d %H:%M"), "cpu": cpu, "cores": os.cpu_count(),
            "memory_gb": round(mem / 2**30, 1), "python": platform.python_version(),
            "platform": platform.platform()}


def write_results(name: str, data: dict[str, Any], out_dir: Path) -> Path:
    """Write ``{out_dir}/{name}.json``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, default=str) + "\n")
    return path


def print_table(entries: dict[str, dict[str, Any]], *, title: str = "") -> None:
    """The ratio table: name, measured, target, met, baseline."""
    if title:
        print(f"\n== {title}")
    width = max([len(n) for n in entries] + [6])
    print(f"{'target':<{width}}  {'ratio':>8}  {'needs':>6}  met  baseline")
    for name, e in entries.items():
        ratio = "n/a" if e["ratio"] is None else f"{e['ratio']:.2f}"
        print(f"{name:<{width}}  {ratio:>8}  {e['target']:>6}  {'yes' if e['met'] else 'NO ':<3}  {e['baseline']}")
    sys.stdout.flush()


def script_main(name: str, run: Any, *, doc: str, title: str | None = None) -> dict[str, Any]:
    """The command line every benchmark script shares: ``--scale``/``--out-dir``, run, write, print.

    ``title`` may use ``{scale}`` and ``{triples}`` (from the result's detail).
    """
    import argparse

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    scale_arg(parser)
    args = parser.parse_args()
    result = run(args.scale, args.out_dir)
    write_results(name, result, args.out_dir)
    heading = (title or name + " ({scale})").format(scale=args.scale, triples=result["detail"].get("triples"))
    print_table(result["entries"], title=heading)
    return result
