"""The CI workflow files are valid GitHub Actions workflows and run the README's commands."""
import re
import subprocess
import sys

import yaml

from lessonkit import REPO_ROOT

WORKFLOWS = sorted((REPO_ROOT / ".github/workflows").glob("*.yml"))


def test_workflows_match_the_github_actions_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cpu_job_and_ci_entry_run_the_readme_test_command():
    readme_command = re.search(r"\*\*run the whole test suite\*\* \| `([^`]+)`", (REPO_ROOT / "README.md").read_text())[1]
    assert readme_command == "make test"
    assert (REPO_ROOT / ".ci/run").read_text().strip().endswith(readme_command)
    jobs = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text())["jobs"]
    assert any(step.get("run", "").startswith(readme_command) for step in jobs["test-cpu"]["steps"])
    assert "gpu" in jobs["test-gpu"]["runs-on"] and "self-hosted" in jobs["test-gpu"]["runs-on"]
    assert any("upload-artifact" in step.get("uses", "") for step in jobs["site"]["steps"])
