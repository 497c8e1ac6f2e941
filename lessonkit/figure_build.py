"""Run the snippets whose figures the pages show, each in its own process, reusing cached results."""
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lessonkit import LANGUAGES, REPO_ROOT
from lessonkit.figure_cache import FigureCache, cache_key
from lessonkit.plot_translation import PLOT_STRINGS_FILE
from lessonkit.snippet_sources import module_path

OUTPUT_FILE = "output.txt"
TRACEBACK_LINES = 80


class SnippetFailed(RuntimeError):
    """A snippet raised while the build ran it: names the snippet, the pages that use it and its traceback."""


@dataclass
class FigureRun:
    module: str
    entry: Path
    ran: bool
    manifest: dict = field(default_factory=dict)

    @property
    def figure_count(self) -> int:
        return self.manifest["figures"]

    def figure_path(self, number: int, suffix: str = "") -> Path:
        return self.entry / f"figure-{number}{suffix}.svg"

    @property
    def output(self) -> str:
        """Everything the snippet printed, stdout and stderr interleaved as they happened."""
        return (self.entry / OUTPUT_FILE).read_text(encoding="utf-8", errors="replace")


def _run_in_process(module: str, work_dir: Path, root: Path, languages: tuple[str, ...]) -> int:
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=os.pathsep.join([str(root), str(REPO_ROOT)]))
    with open(work_dir / OUTPUT_FILE, "wb") as output:
        return subprocess.run(
            [sys.executable, "-m", "lessonkit.figure_runner", module, str(work_dir), *languages],
            cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        ).returncode


def _failure_message(module: str, root: Path, pages: set[str], code: int, output: str) -> str:
    tail = "\n".join(output.rstrip().splitlines()[-TRACEBACK_LINES:])
    return (
        f"Snippet {module_path(module, root).relative_to(root)} failed (exit code {code}) while the build "
        f"ran it to draw figures.\nUsed by: {', '.join(sorted(pages))}\n"
        f"Run it alone to debug: python -m {module}\n--- its output (last {TRACEBACK_LINES} lines) ---\n{tail}"
    )


def build_figures(
    users: dict[str, set[str]],
    cache: FigureCache | None = None,
    root: Path = REPO_ROOT,
    languages: tuple[str, ...] = LANGUAGES,
    log: Callable[[str], None] = print,
    jobs: int | None = None,
) -> dict[str, FigureRun]:
    """Make sure every module in ``users`` (module -> pages that show its figures or output) has a current cache entry."""
    cache = cache or FigureCache()
    runs, to_run = {}, {}
    for module in sorted(users):
        key = cache_key(module, root, extra_inputs=(PLOT_STRINGS_FILE,))
        entry = cache.lookup(module, key)
        if entry:
            runs[module] = FigureRun(module, entry, ran=False)
        else:
            to_run[module] = key
    if to_run:
        log(f"figures: {len(runs)} snippet(s) cached, running {len(to_run)}")
    else:
        log(f"figures: all {len(runs)} snippet(s) cached, none to run")
    failures = []

    def run_one(item):
        index, (module, key) = item
        log(f"figures: [{index}/{len(to_run)}] running {module}")
        work_dir = cache.new_work_dir(module)
        started = time.perf_counter()
        code = _run_in_process(module, work_dir, root, languages)
        seconds = time.perf_counter() - started
        if code != 0:
            output = (work_dir / OUTPUT_FILE).read_text(encoding="utf-8", errors="replace")
            cache.discard(work_dir)
            failures.append(_failure_message(module, root, users[module], code, output))
            log(f"figures: [{index}/{len(to_run)}] {module} FAILED after {seconds:.1f} s")
            return
        runs[module] = FigureRun(module, cache.commit(work_dir, module, key), ran=True)
        log(f"figures: [{index}/{len(to_run)}] {module} done in {seconds:.1f} s")

    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        list(pool.map(run_one, enumerate(to_run.items(), start=1)))
    if failures:
        raise SnippetFailed("\n\n".join(failures))
    for run in runs.values():
        run.manifest = json.loads((run.entry / "manifest.json").read_text(encoding="utf-8"))
    return runs
