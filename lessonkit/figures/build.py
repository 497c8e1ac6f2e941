"""Run the snippets whose figures the pages show, reusing cached results.

Snippets are grouped by framework. Each group has one worker process that imports its framework once
and forks a fresh child per snippet (lessonkit.figures.worker); groups run side by side. Each run has a time
limit (lessonkit.settings, enforced by lessonkit.figures.worker); an interrupted build (Ctrl-C, SIGINT, SIGTERM) stops every worker at once.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lessonkit import LANGUAGES, REPO_ROOT
from lessonkit.figures.cache import DamagedEntry, FigureCache, cache_key
from lessonkit.figures.entry_files import FIGURE_FILE, NARROW, OUTPUT_FILE
from lessonkit.settings import snippet_timeout, timeout_hint
from lessonkit.snippets import imported_packages, module_path
from lessonkit.translation_files import PLOT_STRINGS, translations_dir

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
    # torch.use_deterministic_algorithms (snippets.common.reproducibility) imports torch._inductor.config: ~1-4 s
    # and 800 modules that every forked child would import again.
    "torch": ("torch", "torch._inductor.config"),
    "lightning": ("pytorch_lightning",),
}
STOP_GRACE_S = 1.0  # a worker told to end ends in milliseconds; one that has not after this is killed
SIGNAL_HINTS = {
    "SIGKILL": " (this often means the machine ran out of memory and the kernel ended the biggest process: "
    "see `dmesg`, and make the snippet use less memory)",
    "SIGSEGV": " (a crash in native code: its output ends with the Python lines that led to it)",
}


class SnippetFailed(RuntimeError):
    """A snippet raised, crashed or ran out of time while the build ran it: names the snippet, its pages, its output."""


@dataclass
class FigureRun:
    module: str
    entry: Path
    manifest: dict = field(default_factory=dict)

    @property
    def figure_count(self) -> int:
        return self.manifest["figures"]

    def figure_path(self, number: int, suffix: str = "", rendition: str = "") -> Path:
        """A figure file of this verified entry (only files the manifest checks: nothing unchecked reaches the site)."""
        name = FIGURE_FILE.format(number=number, rendition=rendition, suffix=suffix)
        if name not in self.manifest["files"]:
            raise DamagedEntry(self.entry, name, "is not among the files its manifest checks")
        return self.entry / name

    def narrow_path(self, number: int, suffix: str = "") -> Path | None:
        """The narrow rendition of figure ``number`` for phones (lessonkit.figures.narrow_layout), if it has one."""
        return self.figure_path(number, suffix, NARROW) if number in self.manifest.get("narrow", ()) else None

    @property
    def output(self) -> str:
        """Everything the snippet printed, stdout and stderr interleaved as they happened."""
        return (self.entry / OUTPUT_FILE).read_text(encoding="utf-8", errors="replace")


def framework_group(module: str, root: Path) -> str:
    """'tensorflow', 'torch', 'tensorflow+torch' or 'plain': which heavy frameworks the snippet needs."""
    packages = imported_packages(module, root)
    needs = [name for name, preload in FRAMEWORK_PRELOADS.items() if packages & set(preload)]
    return "+".join(sorted(needs)) or "plain"


class SnippetWorker:
    """One ``lessonkit.figures.worker`` process: imports a framework group once, runs snippets in forked children.

    Start it from a thread that outlives it: the kernel stops the worker when that thread ends (PR_SET_PDEATHSIG).
    """

    def __init__(self, group: str, root: Path, log_dir: Path):
        preload = [name for part in group.split("+") for name in FRAMEWORK_PRELOADS.get(part, ())]
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=os.pathsep.join([str(root), str(REPO_ROOT)]))
        env.update({name: os.environ.get(name, value) for name, value in WORKER_ENVIRONMENT.items()})
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_file = log_dir / f"worker-{group}.log"
        with open(self.log_file, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "lessonkit.figures.worker", str(os.getpid()), *preload],
                cwd=root,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )

    def run(self, module: str, work_dir: Path, languages: tuple[str, ...], timeout_s: float) -> dict:
        """The worker's answer: ``{"exit": code}``, ``{"timed_out_s": limit}``, or ``{"worker_log": text}``
        if the worker ended (it was stopped, or it died)."""
        request = {"module": module, "out_dir": str(work_dir), "languages": list(languages), "timeout_s": timeout_s}
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        except (OSError, ValueError):  # its pipes broke or were closed: it has ended
            answer = ""
        if answer:
            return json.loads(answer)
        return {"worker_log": self.log_file.read_text(encoding="utf-8", errors="replace")}

    def stop(self) -> None:
        """Ask it to end now (SIGTERM): it kills its running snippet's process group and removes that run's folder."""
        self.process.terminate()

    def close(self) -> None:
        """Wait for it to end (it ends when its input ends); kill it if it has not ended after STOP_GRACE_S."""
        try:
            self.process.stdin.close()
        except OSError:  # it has ended already
            pass
        try:
            self.process.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def _what_went_wrong(answer: dict) -> str | None:
    """None for a run that ended well; else how it ended, as the failure message says it."""
    if "worker_log" in answer:
        return "could not run: the snippet worker process died (its log is below)"
    if "timed_out_s" in answer:
        return (
            f"timed out after {answer['timed_out_s']:g} s and was stopped, with every process it started, "
            f"while the build ran it to draw figures.\n{timeout_hint()}"
        )
    code = answer["exit"]
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"was killed by {name}{SIGNAL_HINTS.get(name, '')} while the build ran it to draw figures."
    return f"failed (exit code {code}) while the build ran it to draw figures." if code else None


def _failure_message(module: str, root: Path, pages: set[str], problem: str, output: str) -> str:
    tail = "\n".join(output.rstrip().splitlines()[-TRACEBACK_LINES:])
    return (
        f"Snippet {module_path(module, root).relative_to(root)} {problem}\nUsed by: {', '.join(sorted(pages))}\n"
        f"Run it alone to debug: python -m {module}\n--- its output (last {TRACEBACK_LINES} lines) ---\n{tail}"
    )


def _read_output(work_dir: Path) -> str:
    try:
        return (work_dir / OUTPUT_FILE).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def snippet_key(module: str, root: Path) -> str:
    """The cache key of the module's run as this build would make it (sources, plot strings, worker settings and
    the languages its figures are saved in: an added language needs its figures)."""
    settings = json.dumps({**WORKER_ENVIRONMENT, "languages": list(LANGUAGES)})
    return cache_key(module, root, extra_inputs=(translations_dir(root) / PLOT_STRINGS,), settings=settings)


def _cached_runs(modules, cache: FigureCache, root: Path, log: Callable[[str], None]) -> tuple[dict, dict]:
    """(module -> FigureRun of its verified cache entry, module -> key of the entry it needs: those to run)."""
    runs, to_run = {}, {}
    for module in sorted(modules):
        key = snippet_key(module, root)
        try:
            manifest = cache.lookup(module, key)
        except DamagedEntry as damage:
            log(f"figures: {damage}; running {module} again")
            manifest = None
        if manifest:
            runs[module] = FigureRun(module, cache.entry(module, key), manifest=manifest)
        else:
            to_run[module] = key
    return runs, to_run


def build_figures(
    users: dict[str, set[str]],
    cache: FigureCache,
    root: Path,
    languages: tuple[str, ...] = LANGUAGES,
    log: Callable[[str], None] = print,
    jobs: int | None = None,
    timeout_s: float | None = None,
) -> dict[str, FigureRun]:
    """Make sure every module in ``users`` (module -> pages that show its figures or output) has a current cache
    entry; raises SnippetFailed naming every snippet that failed, crashed or ran out of time."""
    if timeout_s is None:  # the plugin passes its setting; other callers: the environment, else the default
        timeout_s = snippet_timeout()  # a bad value stops the build before anything runs
    if leftovers := cache.remove_leftovers():
        log(
            f"figures: removed {len(leftovers)} folder(s) left by interrupted runs: "
            + ", ".join(folder.name for folder in leftovers)
        )
    runs, to_run = _cached_runs(users, cache, root, log)
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
    stopping = threading.Event()
    workers: dict[str, SnippetWorker] = {}

    def run_group(group: str) -> None:
        for module in groups[group]:
            if stopping.is_set():
                return
            with lock:
                index = next(counter)
            progress = f"figures: [{index}/{len(to_run)}]"
            log(f"{progress} running {module} ({group})")
            work_dir = cache.new_work_dir(module)
            started = time.perf_counter()
            try:
                answer = workers[group].run(module, work_dir, languages, timeout_s)
                seconds = time.perf_counter() - started
                if stopping.is_set():
                    return
                if problem := _what_went_wrong(answer):
                    output = answer.get("worker_log") or _read_output(work_dir)
                    failures.append(_failure_message(module, root, users[module], problem, output))
                    log(f"{progress} {module} FAILED after {seconds:.1f} s")
                    continue
                entry = cache.commit(work_dir, module, key=to_run[module])
                runs[module] = FigureRun(module, entry, manifest=cache.verify(entry))
                log(f"{progress} {module} done in {seconds:.1f} s ({time.perf_counter() - build_started:.0f} s so far)")
            finally:
                cache.discard(work_dir)  # a failed or interrupted run (a committed one has moved away)

    pool = ThreadPoolExecutor(max_workers=jobs or len(groups) or 1)
    try:
        for group in groups:  # started by this thread, which outlives them
            workers[group] = SnippetWorker(group, root, cache.root / "logs")
        for future in [pool.submit(run_group, group) for group in groups]:
            future.result()
    except BaseException:  # Ctrl-C, SIGINT or an error: stop the snippets now rather than when they finish
        stopping.set()
        for worker in workers.values():
            worker.stop()
        raise
    finally:
        pool.shutdown()
        for worker in workers.values():
            worker.close()
    if failures:
        raise SnippetFailed("\n\n".join(failures))
    return runs
