"""The figure pipeline under faults: a snippet that never ends or crashes, an interrupted build, a damaged cache."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from lessonkit.figures.build import SnippetFailed, build_figures
from lessonkit.figures.cache import DamagedEntry, FigureCache
from lessonkit.settings import TIMEOUT_VARIABLE
from tests.support.site_build import build_site
from tests.support.snippet_runner import SnippetTimedOut, run_main
from tests.support.throwaway_project import site_project, snippet_package, write

# A snippet that starts a helper process (as DataLoader workers are), says so, then never ends.
NEVER_ENDS = """\
import os
import subprocess
import sys
import time
from pathlib import Path

helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
Path(os.environ["PIDS_FILE"] + ".part").write_text(f"{os.getpid()} {helper.pid}")
os.rename(os.environ["PIDS_FILE"] + ".part", os.environ["PIDS_FILE"])
print("epoch 1 of forever")
while True:
    time.sleep(1)
"""
PLOT = """\
import matplotlib.pyplot as plt

plt.plot([1, 3, 2])
plt.title("loss")
print("drawn")
plt.show()
"""
STOP_BOUND_S = 10  # the build stops in well under 2 s; this bound is for a loaded CI machine


def running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def still_running(pids, within_s: float = 5) -> list[int]:
    """The processes among ``pids`` still running after ``within_s`` seconds (a killed process takes a moment)."""
    deadline = time.monotonic() + within_s
    while (alive := [pid for pid in pids if running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def wait_for_file(path: Path, process: subprocess.Popen, within_s: float = 120) -> str:
    deadline = time.monotonic() + within_s
    while not path.exists():
        assert process.poll() is None, f"the build ended before the snippet started:\n{process.communicate()}"
        assert time.monotonic() < deadline, f"the snippet did not start within {within_s} s"
        time.sleep(0.05)
    return path.read_text()


def cache_folders(cache: Path, pattern: str) -> list[str]:
    return sorted(path.name for path in cache.glob(pattern))


@pytest.fixture
def snippets(tmp_path, monkeypatch):
    """Build the figures of throw-away snippets ``{name: source}`` in ``tmp_path``; returns the runs."""
    monkeypatch.setenv("PIDS_FILE", str(tmp_path / "pids"))

    def build(sources: dict[str, str], logs: list | None = None):
        snippet_package(tmp_path, sources)
        users = {f"snippets.demo.{name}": {"docs/page.md"} for name in sources}
        log = logs.append if logs is not None else print
        return build_figures(users, FigureCache(tmp_path / "cache"), root=tmp_path, log=log)

    return build


def test_a_snippet_that_never_ends_is_stopped_at_the_time_limit_with_all_its_processes(snippets, tmp_path, monkeypatch):
    monkeypatch.setenv(TIMEOUT_VARIABLE, "2")
    started = time.monotonic()
    with pytest.raises(SnippetFailed) as failure:
        snippets({"forever": NEVER_ENDS, "quick": "print('done')\n"})
    assert time.monotonic() - started < 2 + STOP_BOUND_S
    message = str(failure.value)
    assert "Snippet snippets/demo/forever.py timed out after 2 s" in message
    assert "Used by: docs/page.md" in message
    assert f"{TIMEOUT_VARIABLE}=<seconds>" in message, "it says how to raise the limit"
    assert "epoch 1 of forever" in message, "the last lines it printed"
    assert "where it was when its time limit (2 s) ran out" in message
    assert 'forever.py", line 12 in <module>' in message, "the line it was running"
    assert still_running(map(int, (tmp_path / "pids").read_text().split())) == [], "the snippet and its helper"
    cache = tmp_path / "cache"
    assert cache_folders(cache, ".tmp-*") == []
    assert cache_folders(cache, "snippets.demo.forever--*") == [], "a timed-out run is not cached"
    assert len(cache_folders(cache, "snippets.demo.quick--*")) == 1, "the other snippet's run is kept"


@pytest.mark.parametrize(
    "signal_name, hint",
    [
        ("SIGSEGV", "a crash in native code"),
        ("SIGKILL", "this often means the machine ran out of memory"),
    ],
)
def test_a_snippet_killed_by_a_signal_is_reported_by_the_signal_name(snippets, signal_name, hint):
    crash = f"import os, signal\nprint('before the crash')\nos.kill(os.getpid(), signal.{signal_name})\n"
    with pytest.raises(SnippetFailed) as failure:
        snippets({"crash": crash})
    message = str(failure.value)
    assert f"Snippet snippets/demo/crash.py was killed by {signal_name} ({hint}" in message
    assert "exit code" not in message
    assert "before the crash" in message
    if signal_name == "SIGSEGV":
        assert 'crash.py", line 3' in message, "the Python line that crashed"


def test_a_blocking_input_fails_at_once_instead_of_waiting(snippets):
    with pytest.raises(SnippetFailed, match="EOFError"):
        snippets({"asks": "answer = input('epochs? ')\n"})


def test_the_next_build_removes_folders_of_killed_builds_but_not_of_live_ones(snippets, tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    cache = tmp_path / "cache"
    for owner in (int(dead.stdout), os.getpid()):
        write(cache / f".tmp-{owner}-snippets.demo.plot-abc123/figure-1.svg", "<svg")
    logs = []
    snippets({"plot": PLOT}, logs)
    assert cache_folders(cache, ".tmp-*") == [f".tmp-{os.getpid()}-snippets.demo.plot-abc123"]
    assert f"removed 1 folder(s) left by interrupted runs: .tmp-{int(dead.stdout)}-" in logs[0]


def test_a_test_that_runs_a_snippet_stops_it_at_the_time_limit(tmp_path, monkeypatch):
    write(tmp_path / "slow_lesson/__init__.py", "")
    write(tmp_path / "slow_lesson/forever.py", "import time\n\ndef main():\n    while True:\n        time.sleep(1)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv(TIMEOUT_VARIABLE, "1")
    started = time.monotonic()
    with pytest.raises(SnippetTimedOut, match=r"slow_lesson.forever timed out after 1 s in the test"):
        run_main("slow_lesson.forever", monkeypatch)
    assert time.monotonic() - started < 1 + STOP_BOUND_S
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0), "no alarm left for the next test"


def committed(cache: FigureCache, module: str, key: str, files: dict[str, str]) -> Path:
    work_dir = cache.new_work_dir(module)
    for name, text in files.items():
        write(work_dir / name, text)
    write(work_dir / "manifest.json", json.dumps({"module": module, "figures": 0}))
    return cache.commit(work_dir, module, key)


def test_every_file_an_entry_holds_is_checked_not_only_figures(tmp_path):
    cache = FigureCache(tmp_path)
    entry = committed(cache, "snippets.demo.lab", "k1", {"output.txt": "done\n", "results.json": '{"accuracy": 0.97}'})
    assert sorted(cache.lookup("snippets.demo.lab", "k1")["files"]) == ["output.txt", "results.json"]
    assert cache.latest_verified("snippets.demo.lab") == entry, "whatever the key"
    (entry / "results.json").write_text('{"accuracy": 0.99}')
    assert cache.latest_verified("snippets.demo.lab") is None, "a damaged entry is never offered"
    with pytest.raises(DamagedEntry, match="lab--k1 is damaged: results.json has other bytes"):
        cache.lookup("snippets.demo.lab", "k1")
    assert not entry.exists(), "removed, so that the run again can take its place"
    assert cache.lookup("snippets.demo.lab", "k1") is None


# --- a real mkdocs build or serve, interrupted while the snippet runs ---------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mkdocs(command: str, config: Path, site_dir: Path) -> subprocess.Popen:
    where = ["-d", str(site_dir)] if command == "build" else ["-a", f"127.0.0.1:{free_port()}", "--no-livereload"]
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", command, "-f", str(config), *where],
        cwd=config.parent,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a process group of its own, as a terminal gives it: Ctrl-C signals the group
    )


@pytest.mark.parametrize(
    "command, how",
    [
        ("build", "Ctrl-C"),
        ("build", "SIGINT"),
        ("build", "SIGTERM"),
        ("serve", "SIGINT"),
        ("serve", "SIGTERM"),
        ("build", "SIGKILL"),  # mkdocs dies at once: the kernel tells its workers (PR_SET_PDEATHSIG)
    ],
)
def test_an_interrupted_build_stops_at_once_and_leaves_no_process_folder_or_entry(tmp_path, monkeypatch, command, how):
    monkeypatch.setenv("LESSON_FIGURE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PIDS_FILE", str(tmp_path / "pids"))
    config = site_project(tmp_path, "# Home\n\n![a plot](figures/demo/plot-1.svg)\n", NEVER_ENDS)
    build = mkdocs(command, config, tmp_path / "site")
    snippet_pids = [int(pid) for pid in wait_for_file(tmp_path / "pids", build).split()]
    processes = [child.pid for child in psutil.Process(build.pid).children(recursive=True)]
    assert set(snippet_pids) <= set(processes) and len(processes) > len(snippet_pids), "worker, snippet, helper"

    interrupted = time.monotonic()
    if how == "Ctrl-C":
        os.killpg(build.pid, signal.SIGINT)
    else:
        os.kill(build.pid, getattr(signal, how))
    try:
        output, _ = build.communicate(timeout=STOP_BOUND_S)
    except subprocess.TimeoutExpired:
        os.killpg(build.pid, signal.SIGKILL)
        pytest.fail(f"mkdocs {command} still ran {STOP_BOUND_S} s after {how}:\n{build.communicate()[0]}")
    assert time.monotonic() - interrupted < STOP_BOUND_S
    assert build.returncode != 0
    assert still_running(processes) == [], f"left running after {how}: {processes}\n{output}"
    cache = tmp_path / "cache"
    assert cache_folders(cache, ".tmp-*") == [], "no half-written folder"
    assert cache_folders(cache, "snippets.demo.plot--*") == [], "the interrupted snippet has no cache entry"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    """A one-page site with a figure, built once; ``rebuild()`` builds it again and returns the log."""
    root = tmp_path_factory.mktemp("damaged")
    config = site_project(root, "# Home\n\n![a plot](figures/demo/plot-1.svg)\n\n<!-- output: demo/plot -->\n", PLOT)
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("LESSON_FIGURE_CACHE", str(root / "cache"))

        def rebuild() -> str:
            result = build_site(root / "site", config)
            assert result.returncode == 0, result.stderr
            return result.stderr

        rebuild()
        yield root, rebuild, site_figures(root / "site")


def site_figures(site: Path) -> dict[str, bytes]:
    """The figure as each language's page shows it (``bn/index.html`` shows ``figures/demo/plot-1.bn.svg``)."""
    return {suffix: (site / f"figures/demo/plot-1{suffix}.svg").read_bytes() for suffix in ("", ".bn", ".hi")}


def truncate(path: Path) -> None:
    path.write_bytes(b"")


def alter(path: Path) -> None:
    path.write_bytes(path.read_bytes().swapcase())  # the same size, other bytes


@pytest.mark.parametrize(
    "damage, file, problem",
    [
        (truncate, "figure-1.svg", "figure-1.svg has 0 bytes, the manifest recorded"),
        (Path.unlink, "figure-1.bn.svg", "figure-1.bn.svg is missing"),
        (alter, "figure-1.hi.svg", "figure-1.hi.svg has other bytes than the manifest recorded"),
    ],
)
def test_a_damaged_cache_entry_is_run_again_and_the_site_shows_the_right_figure(built_site, damage, file, problem):
    root, rebuild, figures = built_site
    [entry] = (root / "cache").glob("snippets.demo.plot--*")
    damage(entry / file)
    log = rebuild()
    assert f"cache entry {entry.name} is damaged: {problem}" in log
    assert "] running snippets.demo.plot" in log, "the snippet ran again"
    assert site_figures(root / "site") == figures, "every language's figure is the one the snippet draws"
    assert "drawn" in (root / "site/index.html").read_text(encoding="utf-8"), "and its printed output"
