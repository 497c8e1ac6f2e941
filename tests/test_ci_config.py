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
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cpu_job_and_ci_entry_run_the_readme_test_command():
    readme_command = re.search(r"\*\*run the whole test suite\*\* \| `([^`]+)`", (REPO_ROOT / "README.md").read_text())[
        1
    ]
    assert readme_command == "make test"
    assert (REPO_ROOT / ".ci/run").read_text().strip().endswith(readme_command)
    jobs = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text())["jobs"]
    assert any(step.get("run", "").startswith(readme_command) for step in jobs["test-cpu"]["steps"])
    assert "gpu" in jobs["test-gpu"]["runs-on"] and "self-hosted" in jobs["test-gpu"]["runs-on"]


def _uses(job: dict, action: str) -> dict | None:
    return next((step for step in job["steps"] if step.get("uses", "").startswith(f"{action}@")), None)


def test_pushes_to_main_publish_the_tested_site_to_github_pages():
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML reads the key `on` as True
    jobs = workflow["jobs"]
    site, deploy = jobs["site"], jobs["deploy"]
    assert any(step.get("run", "").startswith("make build") for step in site["steps"])
    assert _uses(site, "actions/upload-pages-artifact")["with"]["path"] == "site/"
    assert _uses(deploy, "actions/deploy-pages")["id"] == "deployment"
    assert set(deploy["needs"]) == {"site", "test-cpu"}, "only a site whose tests passed is published"
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert deploy["concurrency"]["cancel-in-progress"] is False


def test_the_published_build_sets_the_variables_mkdocs_yml_reads():
    config = (REPO_ROOT / "mkdocs.yml").read_text()
    site_url, repo_url = (
        re.search(r"^site_url: !ENV \[(\w+),", config, re.M)[1],
        re.search(r"^repo_url: !ENV (\w+)", config, re.M)[1],
    )
    env = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text())["jobs"]["site"]["env"]
    assert "vars.SITE_URL" in env[site_url] and "github.io" in env[site_url]
    assert env[repo_url] == "${{ github.server_url }}/${{ github.repository }}"
    readme = (REPO_ROOT / "README.md").read_text()
    assert f"`{site_url}`" in readme and f"`{repo_url}`" in readme and "Source: **GitHub Actions**" in readme


def _jobs() -> dict:
    return yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text())["jobs"]


def _cache_of(job: dict, path: str) -> dict | None:
    return next(
        (
            step["with"]
            for step in job["steps"]
            if step.get("uses", "").startswith("actions/cache@") and step["with"]["path"] == path
        ),
        None,
    )


# What a figure cache entry's key is made from (lessonkit/figures/cache.py: the snippet, its helpers, the figure
# machinery, the plot translations, the pinned library versions); notebooks also depend on the pages.
FIGURE_INPUTS = ("'snippets/**'", "'lessonkit/**'", "'translations/**'", "'pyproject.toml'")


def test_jobs_that_build_the_site_restore_and_save_the_figure_and_notebook_caches():
    for name in ("test-cpu", "site"):
        job = _jobs()[name]
        for path, inputs in ((".cache/figures", FIGURE_INPUTS), (".cache/notebooks", (*FIGURE_INPUTS, "'docs/**'"))):
            cache = _cache_of(job, path)
            assert cache, f"{name}: no actions/cache step for {path}"
            hashed = re.fullmatch(r"(.+-)\$\{\{ hashFiles\((.*)\) \}\}", cache["key"])
            assert hashed, f"{name}: the {path} key is not <prefix>-hashFiles(...): {cache['key']}"
            prefix, files = hashed[1], hashed[2]
            assert all(item in files for item in inputs), f"{name}: the {path} key misses one of {inputs}"
            assert cache["restore-keys"].strip() == prefix, "an older cache is restored: its unchanged entries count"
            # The cache must be in place before the step that builds.
            steps = [step.get("uses", "") + step.get("run", "") for step in job["steps"]]
            restore = next(i for i, step in enumerate(job["steps"]) if step.get("with", {}).get("path") == path)
            build = next(i for i, step in enumerate(steps) if step.startswith("make "))
            assert restore < build


def test_pip_downloads_are_cached():
    jobs = _jobs()
    for name in ("test-cpu", "site"):
        setup = _uses(jobs[name], "actions/setup-python")["with"]
        assert setup["cache"] == "pip" and setup["cache-dependency-path"] == "pyproject.toml"
    assert "hashFiles('pyproject.toml')" in _cache_of(jobs["test-gpu"], "~/.cache/pip")["key"]


def test_gpu_job_runs_only_where_a_repository_variable_says_a_gpu_runner_exists():
    gpu = _jobs()["test-gpu"]
    assert gpu["if"] == "vars.GPU_RUNNER == 'true'"
    readme = (REPO_ROOT / "README.md").read_text()
    assert "`GPU_RUNNER`" in readme and "actions/cache" in readme and ".cache/figures" in readme
