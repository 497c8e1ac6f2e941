"""Build and test speed, measured against baselines in the same run, reported as ratios.

    .venv/bin/python bench/run_benchmarks.py [--skip-tests]

Works on a copy of the project in a temporary folder (the checkout and its caches are not touched) and writes
bench/results.md. The floor is a plain mkdocs build of the same pages: mkdocs.yml without our hooks, without
mkdocs-jupyter and without the notebook pages in the nav (same theme, i18n and search plugins, markdown
extensions). Measures:
  1. cold build (empty caches) vs. every figure snippet run in a fresh Python process once per language;
  2. warm build (nothing changed) vs. the floor (best of 3 each);
  3. rebuild after a prose edit of one page vs. the floor;
  4. `mkdocs serve`: from saving a page's prose to "Reloading browsers" in its log, ours vs. the floor's;
  5. one snippet edited: the rebuild vs. warm build + that snippet's own run time;
  6. the whole test suite with pytest-xdist (-n 2) vs. without.
"""

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FLOOR_CONFIG = "mkdocs-floor.yml"
PROSE_PAGE = "docs/overfitting.md"  # a hands-on page: its edit also rebuilds its notebooks
REPEATS = 3  # builds of the same thing: the best time counts (the others measure what else the machine did)
SERVE_TIMEOUT_S = 600


def timed(command, env=None, cwd=None) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, env={**os.environ, **(env or {})}, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    print(f"  {seconds:7.1f} s  {' '.join(map(str, command))[:110]}", flush=True)
    return seconds, result.stdout + result.stderr


def copy_project(target: Path) -> Path:
    """The checkout's files as git sees them (committed or not, without ignored ones such as caches)."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        if (REPO / name).is_file():  # a deleted file is still listed until the deletion is committed
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    return target


def floor_config(text: str) -> str:
    """mkdocs.yml without ``hooks:``, the mkdocs-jupyter plugin and the notebook pages in the nav; not strict (pages
    show figures that only our hooks add). Everything else (theme, plugins, markdown extensions) is kept."""
    out, skip_deeper_than = [], None
    for line in text.splitlines():
        indent, stripped = len(line) - len(line.lstrip()), line.strip()
        if skip_deeper_than is not None:
            if not stripped or indent > skip_deeper_than or (skip_deeper_than == 0 and stripped.startswith("- ")):
                continue
            skip_deeper_than = None
        if line.startswith("hooks:") or stripped.startswith("- mkdocs-jupyter"):
            skip_deeper_than = indent
            continue
        if stripped.startswith("- ") and stripped.endswith(".ipynb"):
            continue
        out.append("strict: false" if line.startswith("strict:") else line)
    assert "hooks:" not in "\n".join(out) and ".ipynb" not in "\n".join(out), "floor_config missed a part"
    return "\n".join(out) + "\n"


def build_env(cache: Path) -> dict[str, str]:
    return {"LESSON_FIGURE_CACHE": str(cache), "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, cache: Path, config: str = "mkdocs.yml", **env) -> tuple[float, str]:
    return timed(
        [PYTHON, "-m", "mkdocs", "build", "-f", str(project / config), "-d", str(project / "site")],
        env={**build_env(cache), **env},
        cwd=project,
    )


def best_build(project: Path, cache: Path, config: str = "mkdocs.yml") -> tuple[float, str]:
    return min((mkdocs_build(project, cache, config) for _ in range(REPEATS)), key=lambda result: result[0])


def edit_prose(project: Path, number: int) -> None:
    page = project / PROSE_PAGE
    page.write_text(
        page.read_text(encoding="utf-8") + f"\nA sentence the benchmark added ({number}).\n", encoding="utf-8"
    )


def serve_reload(project: Path, cache: Path, config: str) -> float:
    """Seconds from saving a prose edit to "Reloading browsers" in the log of ``mkdocs serve`` (best of 2 edits)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [PYTHON, "-m", "mkdocs", "serve", "-f", str(project / config), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command,
        cwd=project,
        env={**os.environ, **build_env(cache)},
        text=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: lines.extend((time.perf_counter(), line) for line in server.stderr))
    reader.start()

    def wait_for(text: str, after: int) -> tuple[float, int]:
        deadline = time.perf_counter() + SERVE_TIMEOUT_S
        while time.perf_counter() < deadline and server.poll() is None:
            for index, (seen, line) in enumerate(lines[after:], start=after):
                if text in line:
                    return seen, index + 1
            time.sleep(0.05)
        sys.exit(f"mkdocs serve ({config}) never logged {text!r}:\n" + "".join(line for _, line in lines[-40:]))

    try:
        _, position = wait_for("Serving on", 0)
        times = []
        for number in range(2):
            time.sleep(1)  # the watcher is ready and the previous reload is over
            saved = time.perf_counter()
            edit_prose(project, 100 + number)
            reloaded, position = wait_for("Reloading browsers", position)
            times.append(reloaded - saved)
        print(f"  {min(times):7.1f} s  mkdocs serve -f {config}: prose edit -> Reloading browsers {times}", flush=True)
        return min(times)
    finally:
        os.killpg(server.pid, signal.SIGINT)  # as Ctrl-C in its terminal
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        reader.join()


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
        if not any(
            m != module and project / Path(*module.split(".")).with_suffix(".py") in local_source_closure(m, project)
            for m in modules
        ):
            return module
    raise SystemExit("every figure snippet is imported by another one")


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = (
        int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
        / 2**20
    )
    versions = ", ".join(f"{n} {metadata.version(n)}" for n in ("mkdocs", "torch", "tensorflow-cpu", "keras", "pytest"))
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}; {versions}"


def _verdict(ratio: float, target: float | None) -> str:
    return "" if target is None else f"≤ {target:.2f}: {'met' if ratio <= target else 'MISSED'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-tests", action="store_true", help="skip measurement 6 (the test suite, the slowest)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="lesson-bench-") as tmp:
        project, cache = copy_project(Path(tmp) / "project"), Path(tmp) / "figure-cache"
        (project / FLOOR_CONFIG).write_text(
            floor_config((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
        )
        modules = figure_snippets(project)
        print(f"{len(modules)} figure snippets; machine: {machine()}")

        print("1. cold build vs. each snippet in a fresh process once per language (as many at once as cores)")
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
            list(
                pool.map(
                    lambda m: timed([PYTHON, "-m", m], env={"MPLBACKEND": "Agg"}, cwd=project),
                    [m for m in modules for _ in range(3)],
                )
            )
        naive = time.perf_counter() - started
        cold, log = mkdocs_build(project, cache)
        rows.append(
            ("cold build (empty caches)", cold, "naive: every snippet in a fresh process, ×3 languages", naive, None)
        )

        print(f"2. warm build vs. the floor (plain mkdocs build, {FLOOR_CONFIG}), best of {REPEATS}")
        floor, _ = best_build(project, cache, FLOOR_CONFIG)
        warm, log = best_build(project, cache)
        assert "figures: all" in log and "] running" not in log, "a warm build ran a snippet"
        assert re.search(r"notebooks: 0 built", log) and "Converting notebook" not in log, "a warm build made notebooks"
        rows.append(("warm build (no change)", warm, "floor: plain build of the same pages", floor, 1.3))

        print(f"3. prose edit of {PROSE_PAGE}: the rebuild vs. the floor")
        rebuilds = []
        for number in range(REPEATS):
            edit_prose(project, number)
            rebuilds.append(mkdocs_build(project, cache))
        prose, log = min(rebuilds, key=lambda result: result[0])
        assert "] running" not in log, "a prose edit ran a snippet"
        rows.append((f"rebuild after a prose edit of {PROSE_PAGE}", prose, "floor", floor, 1.5))

        print("4. mkdocs serve: prose edit to browser reload, ours vs. the floor's")
        served_floor = serve_reload(project, cache, FLOOR_CONFIG)
        served = serve_reload(project, cache, "mkdocs.yml")
        rows.append(("`mkdocs serve`: prose edit to reload", served, "the floor's `mkdocs serve`", served_floor, 1.5))

        print("5. one snippet edited")
        edited = leaf_snippet(project, modules)
        path = project / Path(*edited.split(".")).with_suffix(".py")
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited by the benchmark\n", encoding="utf-8")
        alone, _ = timed([PYTHON, "-m", edited], env={"MPLBACKEND": "Agg"}, cwd=project)
        rebuild, log = mkdocs_build(project, cache)
        reran = re.findall(r"\] running (\S+)", log)
        assert reran == [edited], f"expected only {edited} to re-run, got {reran}"
        rows.append((f"rebuild after editing {edited}", rebuild, "warm build + that snippet alone", warm + alone, None))

        if not args.skip_tests:
            print("6. test suite with and without pytest-xdist")
            suite = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser"]
            parallel, _ = timed([*suite, "-n", "2", "--dist", "loadfile"], cwd=REPO)
            serial, _ = timed([*suite, "-p", "no:xdist"], cwd=REPO)
            rows.append(("test suite, pytest -n 2", parallel, "test suite, one process", serial, None))

    lines = [
        "# Benchmark results",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `bench/run_benchmarks.py` on: {machine()}.",
        "All numbers come from the same run; ratio = measured / baseline (below 1 is faster than the baseline).",
        "",
        "| measurement | seconds | baseline | seconds | ratio | target |",
        "|---|---:|---|---:|---:|---|",
        *(
            f"| {what} | {s:.1f} | {base} | {b:.1f} | {s / b:.2f} | {_verdict(s / b, target)} |"
            for what, s, base, b, target in rows
        ),
    ]
    (REPO / "bench/results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
