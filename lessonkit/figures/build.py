"""Run the snippets whose figures the pages show, reusing cached results.

Snippets are grouped by framework. Each group has one worker process that imports its framework once
and forks a fresh child per snippet (lessonkit.figures.worker); groups run side by side.
"""
import json
import os
import subprocess
import sys
import time
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lessonkit import LANGUAGES, REPO_ROOT
from lessonkit.figures.cache import FigureCache, cache_key
from lessonkit.figures.plot_translation import PLOT_STRINGS_FILE
from lessonkit.snippets import imported_packages, module_path

OUTPUT_FILE = "output.txt"
TRACEBACK_LINES = 80
# Several workers share the build machine's cores: one compute thread each is faster for these small models
# than threads fighting over the same cores.
SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "TF_NUM_INTRAOP_THREADS": "1"}
# TensorFlow's C++ start-up INFO lines (oneDNN, CPU features) say nothing about the snippet: keep warnings only.
QUIET_TENSORFLOW = {"TF_CPP_MIN_LOG_LEVEL": "1"}
WORKER_ENVIRONMENT = {**SINGLE_THREAD, **QUIET_TENSORFLOW}  # defaults; a value set in the environment wins
# What a group's worker imports before forking: the slow imports, done once per build.
FRAMEWORK_PRELOADS = {
    "tensorflow": ("tensorflow", "keras"),
    "torch": ("torch",),
    "lightning": ("pytorch_lightning",),
}


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


def framework_group(module: str, root: Path = REPO_ROOT) -> str:
    """'tensorflow', 'torch', 'tensorflow+torch' or 'plain': which heavy frameworks the snippet needs."""
    packages = imported_packages(module, root)
    needs = [name for name, preload in FRAMEWORK_PRELOADS.items() if packages & set(preload)]
    return "+".join(sorted(needs)) or "plain"


class SnippetWorker:
    """One ``lessonkit.figures.worker`` process: imports a framework group once, runs snippets in forked children."""

    def __init__(self, group: str, root: Path, log_dir: Path):
        preload = [name for part in group.split("+") for name in FRAMEWORK_PRELOADS.get(part, ())]
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=os.pathsep.join([str(root), str(REPO_ROOT)]))
        env.update({name: os.environ.get(name, value) for name, value in WORKER_ENVIRONMENT.items()})
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_file = log_dir / f"worker-{group}.log"
        with open(self.log_file, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "lessonkit.figures.worker", *preload],
                cwd=root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
            )

    def run(self, module: str, work_dir: Path, languages: tuple[str, ...]) -> int:
        request = {"module": module, "out_dir": str(work_dir), "languages": list(languages)}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            (work_dir / OUTPUT_FILE).write_text(
                f"The snippet worker process died. Its log ({self.log_file}):\n"
                + self.log_file.read_text(encoding="utf-8", errors="replace"), encoding="utf-8")
            return -1
        return json.loads(answer)["exit"]

    def close(self) -> None:
        self.process.stdin.close()  # the worker ends when its input ends
        self.process.wait()
        self.process.stdout.close()


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
        key = cache_key(module, root, extra_inputs=(PLOT_STRINGS_FILE,), settings=json.dumps(WORKER_ENVIRONMENT))
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

    groups: dict[str, list[str]] = {}
    for module in to_run:
        groups.setdefault(framework_group(module, root), []).append(module)
    counter, lock = iter(range(1, len(to_run) + 1)), threading.Lock()
    build_started = time.perf_counter()

    def run_group(group: str) -> None:
        worker = SnippetWorker(group, root, cache.root / "logs")
        try:
            for module in groups[group]:
                with lock:
                    index = next(counter)
                progress = f"figures: [{index}/{len(to_run)}]"
                log(f"{progress} running {module} ({group})")
                work_dir = cache.new_work_dir(module)
                started = time.perf_counter()
                code = worker.run(module, work_dir, languages)
                seconds = time.perf_counter() - started
                if code != 0:
                    output = (work_dir / OUTPUT_FILE).read_text(encoding="utf-8", errors="replace")
                    cache.discard(work_dir)
                    failures.append(_failure_message(module, root, users[module], code, output))
                    log(f"{progress} {module} FAILED after {seconds:.1f} s")
                    continue
                runs[module] = FigureRun(module, cache.commit(work_dir, module, key=to_run[module]), ran=True)
                log(f"{progress} {module} done in {seconds:.1f} s ({time.perf_counter() - build_started:.0f} s so far)")
        finally:
            worker.close()

    with ThreadPoolExecutor(max_workers=jobs or len(groups) or 1) as pool:
        list(pool.map(run_group, groups))
    if failures:
        raise SnippetFailed("\n\n".join(failures))
    for run in runs.values():
        run.manifest = json.loads((run.entry / "manifest.json").read_text(encoding="utf-8"))
    return runs
