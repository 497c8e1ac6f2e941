"""A worker process that imports a framework once and runs many snippets, each in a fresh forked child.

``python -m lessonkit.figures.worker [MODULE_TO_PRELOAD ...]`` reads one JSON request per line on stdin,
``{"module": ..., "out_dir": ..., "languages": [...]}``, and answers one JSON line ``{"exit": code}`` on stdout.
Forking after the heavy imports means TensorFlow or PyTorch is imported once per build, while every
snippet still starts from the same clean state: nothing one snippet changes can leak into the next.
"""
import importlib
import json
import os
import sys
import traceback
from pathlib import Path

from lessonkit.figures.runner import run


def run_in_child(request: dict) -> int:
    """Fork; the child runs the snippet with stdout and stderr going to ``output.txt``; returns its exit code."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            out_dir = Path(request["out_dir"])
            output = os.open(out_dir / "output.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(output, 1)
            os.dup2(output, 2)
            run(request["module"], out_dir, request["languages"])
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def main(preload: list[str]) -> None:
    for name in preload:
        importlib.import_module(name)
    answers = os.fdopen(os.dup(1), "w")  # children write to their own files; answers go to the original stdout
    for line in sys.stdin:
        answers.write(json.dumps({"exit": run_in_child(json.loads(line))}) + "\n")
        answers.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
