"""The code passes ruff's lint and format checks (settings in pyproject.toml, [tool.ruff])."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


@pytest.mark.parametrize("command", [["check"], ["format", "--check", "--diff"]], ids=["lint", "format"])
def test_the_code_passes_ruff(command):
    assert RUFF, "ruff is missing: it comes with the test extra (pip install -e '.[test]')"
    result = subprocess.run(
        [RUFF, *command, "lessonkit", "snippets", "tests", "bench"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, (
        f"ruff {' '.join(command)} found problems (fix: ruff check --fix . && ruff format .):\n{result.stdout}{result.stderr}"
    )


def test_ruff_leaves_the_pages_alone():
    """`ruff format .` (the command the contributors run) must not touch a page: it would break the includes."""
    result = subprocess.run([RUFF, "format", "--check", "docs"], cwd=ROOT, capture_output=True, text=True)
    assert "would be reformatted" not in result.stdout + result.stderr
    assert not [page for page in (ROOT / "docs").rglob("*.md") if "--8 < --" in page.read_text(encoding="utf-8")]
