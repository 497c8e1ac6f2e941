"""Build and test speed, measured against the naive way in the same run, reported as ratios.

    .venv/bin/python bench/run_benchmarks.py [--skip-tests]

Works on a copy of the project in a temporary folder (the checkout and its cache are not touched) and writes
bench/results.md. Measures:
  1. cold build (empty figure cache) vs. every figure snippet run in a fresh Python process once per language;
  2. warm build (nothing changed) vs. the same build with figures switched off (LESSON_FIGURES=off);
  3. one snippet edited: the rebuild vs. warm build + that snippet's own run time;
  4. the whole test suite with pytest-xdist (-n 2) vs. without.
"""
import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "snippets", "lessonkit", "translations", "tests", "pyproject.toml")
PYTHON = sys.executable


def timed(command, env=None, cwd=None) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, env={**os.environ, **(env or {})}, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    print(f"  {seconds:7.1f} s  {' '.join(map(str, command))[:110]}", flush=True)
    return seconds, result.stdout + result.stderr


def copy_project(target: Path) -> Path:
    for part in PROJECT_PARTS:
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    return target


def mkdocs_build(project: Path, cache: Path, **env) -> tuple[float, str]:
    return timed([PYTHON, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")],
                 env={"LESSON_FIGURE_CACHE": str(cache), "NO_MKDOCS_2_WARNING": "1", **env}, cwd=project)


def figure_snippets(project: Path) -> list[str]:
    sys.path.insert(0, str(REPO))
    from lessonkit.markdown.refs import FIGURE_URI, output_modules, snippet_module

    modules = set()
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        modules |= {snippet_module(m["topic"], m["name"]) for m in FIGURE_URI.finditer(text)} | output_modules(text)
    return sorted(modules)


def leaf_snippet(project: Path, modules: list[str]) -> str:
    """A figure snippet no other snippet imports: editing it should re-run it alone."""
    from lessonkit.snippets import local_source_closure

    for module in modules:
        if not any(m != module and project / Path(*module.split(".")).with_suffix(".py") in
                   local_source_closure(m, project) for m in modules):
            return module
    raise SystemExit("every figure snippet is imported by another one")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))) / 2**20
    versions = ", ".join(f"{n} {metadata.version(n)}" for n in ("mkdocs", "torch", "tensorflow-cpu", "keras", "pytest"))
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}; {versions}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-tests", action="store_true", help="skip measurement 4 (the test suite, the slowest)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="lesson-bench-") as tmp:
        project, cache = copy_project(Path(tmp)), Path(tmp) / "figure-cache"
        modules = figure_snippets(project)
        print(f"{len(modules)} figure snippets; machine: {machine()}")

        print("1. cold build vs. each snippet in a fresh process once per language (as many at once as cores)")
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
            list(pool.map(lambda m: timed([PYTHON, "-m", m], env={"MPLBACKEND": "Agg"}, cwd=project),
                          [m for m in modules for _ in range(3)]))
        naive = time.perf_counter() - started
        cold, log = mkdocs_build(project, cache)
        rows.append(("cold build (empty cache)", cold, "naive: every snippet in a fresh process, ×3 languages", naive))

        print("2. warm build vs. build with figures off")
        warm, log = mkdocs_build(project, cache)
        assert "figures: all" in log and "] running" not in log, "a warm build ran a snippet"
        off, _ = mkdocs_build(project, cache, LESSON_FIGURES="off")
        rows.append(("warm build (no change)", warm, "plain build, figures off", off))

        print("3. one snippet edited")
        edited = leaf_snippet(project, modules)
        path = project / Path(*edited.split(".")).with_suffix(".py")
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited by the benchmark\n", encoding="utf-8")
        alone, _ = timed([PYTHON, "-m", edited], env={"MPLBACKEND": "Agg"}, cwd=project)
        rebuild, log = mkdocs_build(project, cache)
        reran = re.findall(r"\] running (\S+)", log)
        assert reran == [edited], f"expected only {edited} to re-run, got {reran}"
        rows.append((f"rebuild after editing {edited}", rebuild, "warm build + that snippet alone", warm + alone))

        if not args.skip_tests:
            print("4. test suite with and without pytest-xdist")
            suite = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser"]
            parallel, _ = timed([*suite, "-n", "2", "--dist", "loadfile"], cwd=REPO)
            serial, _ = timed([*suite, "-p", "no:xdist"], cwd=REPO)
            rows.append(("test suite, pytest -n 2", parallel, "test suite, one process", serial))

    lines = [
        "# Benchmark results", "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `bench/run_benchmarks.py` on: {machine()}.",
        "All numbers come from the same run; ratio = measured / baseline (below 1 is faster than the baseline).", "",
        "| measurement | seconds | baseline | seconds | ratio |", "|---|---:|---|---:|---:|",
        *(f"| {what} | {s:.1f} | {base} | {b:.1f} | {s / b:.2f} |" for what, s, base, b in rows),
    ]
    (REPO / "bench/results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
