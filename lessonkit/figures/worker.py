"""A worker process that imports a framework once and runs many snippets, each in a fresh forked child.

``python -m lessonkit.figures.worker BUILD_PID [MODULE_TO_PRELOAD ...]`` reads one JSON request per line on stdin,
``{"module": ..., "out_dir": ..., "languages": [...], "timeout_s": ...}``, and answers one JSON line on stdout:
``{"exit": code}`` (negative: killed by that signal) or ``{"timed_out_s": seconds}``.
Forking after the heavy imports means TensorFlow or PyTorch is imported once per build, while every
snippet still starts from the same clean state: nothing one snippet changes can leak into the next.

Nothing outlives the build: each child leads its own process group, which the worker kills when the
snippet ends, when its time limit expires, and when the build stops (Ctrl-C, SIGTERM, the end of stdin,
or the build process dying, which the kernel reports as SIGTERM). The interrupted run's folder is removed.
"""

import ctypes
import faulthandler
import importlib
import json
import os
import select
import shutil
import signal
import sys
import time
import traceback
from pathlib import Path

from lessonkit.figures.entry_files import OUTPUT_FILE
from lessonkit.figures.runner import run

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# On time-out the child first gets this signal, and faulthandler prints where each of its threads was.
TRACEBACK_SIGNAL = signal.SIGUSR1
TRACEBACK_GRACE_S = 0.2


class Stopped(BaseException):
    """The build stopped this worker."""


def _stop(reason: str):
    """Stopped, to raise: further stop signals are ignored, so that the clean-up can finish."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    return Stopped(reason)


def _on_stop_signal(signum: int, frame) -> None:
    raise _stop(signal.Signals(signum).name)


def die_with_parent(signum: int, parent_pid: int) -> None:
    """Have the kernel send ``signum`` to this process when its parent ends; send it now if it already has."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent_pid:
        os.kill(os.getpid(), signum)


def kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:  # the group has no process left
        pass


def _run_snippet(request: dict, worker_pid: int, answers_fd: int) -> int:
    """In the forked child: a process group of its own, output to ``output.txt``, no stdin; returns the exit code."""
    os.setpgid(0, 0)
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    die_with_parent(signal.SIGKILL, worker_pid)
    os.close(answers_fd)  # the build's end of the answers pipe must see EOF when the worker ends, whatever lives on
    out_dir = Path(request["out_dir"])
    output = os.open(out_dir / OUTPUT_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # input() fails at once instead of waiting for the time limit
    sys.stdout.reconfigure(line_buffering=True)  # what it printed before a hang or a crash is kept
    faulthandler.enable()  # a crash in native code still shows the Python lines that led to it
    faulthandler.register(TRACEBACK_SIGNAL, all_threads=True)
    try:
        run(request["module"], out_dir, request["languages"])
        return 0
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
        return 1


def _wait(pid: int, timeout_s: float) -> bool:
    """Wait for the child to end; False if ``timeout_s`` passed first. Raises Stopped when stdin ends."""
    pidfd = os.pidfd_open(pid)
    try:
        # The build sends nothing while a snippet runs: stdin turning readable means it was closed.
        ready, _, _ = select.select([pidfd, sys.stdin], [], [], timeout_s)
        if pidfd in ready:
            return True
        if ready:
            raise _stop("the end of its input")
        return False
    finally:
        os.close(pidfd)


def _show_where_it_is(pid: int, request: dict) -> None:
    """Append to the snippet's output where each of its threads was when its time ran out."""
    with open(Path(request["out_dir"]) / OUTPUT_FILE, "a", encoding="utf-8") as output:
        output.write(f"\n--- where it was when its time limit ({request['timeout_s']:g} s) ran out ---\n")
    os.kill(pid, TRACEBACK_SIGNAL)
    time.sleep(TRACEBACK_GRACE_S)


def run_in_child(request: dict, answers_fd: int) -> dict:
    """Fork; the child runs the snippet; kill whatever it leaves behind; answer how it ended."""
    sys.stdout.flush()
    sys.stderr.flush()
    worker_pid = os.getpid()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = _run_snippet(request, worker_pid, answers_fd)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    try:
        os.setpgid(pid, pid)  # also here, so that kill_group never races the child's own setpgid
    except (PermissionError, ProcessLookupError):  # the child already did it, or already exited
        pass
    try:
        finished = _wait(pid, request["timeout_s"])
        if not finished:
            _show_where_it_is(pid, request)
    except BaseException:  # Stopped: the interrupted run leaves no process and no folder behind
        _end(pid)
        shutil.rmtree(request["out_dir"], ignore_errors=True)
        raise
    status = _end(pid)
    return {"exit": os.waitstatus_to_exitcode(status)} if finished else {"timed_out_s": request["timeout_s"]}


def _end(pid: int) -> int:
    """Kill the child's process group (on time-out, or its stray subprocesses: DataLoader workers…); reap it."""
    kill_group(pid)
    return os.waitpid(pid, 0)[1]


def main(build_pid: int, preload: list[str]) -> None:
    for signum in STOP_SIGNALS:
        signal.signal(signum, _on_stop_signal)
    die_with_parent(signal.SIGTERM, build_pid)
    try:
        for name in preload:
            importlib.import_module(name)
        answers = os.fdopen(os.dup(1), "w")  # children write to their own files; answers go to the original stdout
        for line in sys.stdin:
            answers.write(json.dumps(run_in_child(json.loads(line), answers.fileno())) + "\n")
            answers.flush()
        code = 0
    except Stopped as stop:
        print(f"worker {os.getpid()}: stopped by {stop}", file=sys.stderr)
        code = 1
    sys.stderr.flush()
    os._exit(code)  # at once: the frameworks' clean-up at exit takes seconds and has nothing to save


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
