"""docs/examples/tour.py runs as written (issue 17, "Python API").

Spec: the tour builds examples/ (here into a copy of the session store, so every article is
unchanged and skipped), runs saved queries into DataFrames, writes an events timeline per
state and a drawn membership chain as PNG files, reads the store through the rdflib view and
extracts a sentence given as text; it exits 0.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TOUR = ROOT / "docs" / "examples" / "tour.py"

pytest.importorskip("pandas", reason="the tour needs the dev extra (pandas, matplotlib)")
pytest.importorskip("matplotlib", reason="the tour needs the dev extra (pandas, matplotlib)")


@pytest.mark.slow
def test_tour_runs_and_draws_both_plots(store_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "plots"
    result = subprocess.run([sys.executable, str(TOUR), "--store", str(store_copy), "--out", str(out)],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path,
                            env={**os.environ, "MPLBACKEND": "Agg"})
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout
    assert "1. build: 0 built, 7 unchanged, 0 failed" in output, output
    assert "2019-12-29" in output and "kb:popular-mobilization-forces" in output, output
    assert "Kata'ib Hezbollah -> Popular Mobilization Forces -> Iraqi security forces -> Iraq" in output, output
    assert "kg:subOrganizationOf kb:popular-mobilization-forces" in output, output
    assert "6. extract_text: Attack on 2019-12-29" in output, output
    for name in ("timeline.png", "chain.png"):
        data = (out / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000, name
