"""Settings that the environment can override, read and checked in one place.

- The snippet time limit: how long one snippet run may take, in the build (``lessonkit.figures.worker`` kills the
  run and every process it started) and in the tests (``lessonkit.testing.snippet_alarm`` raises in the test):
  ``LESSON_SNIPPET_TIMEOUT`` seconds, 300 by default.
"""

import os

TIMEOUT_VARIABLE = "LESSON_SNIPPET_TIMEOUT"
DEFAULT_TIMEOUT_S = 300.0


def snippet_timeout() -> float:
    """Seconds one snippet run may take: ``$LESSON_SNIPPET_TIMEOUT`` if set, else 300."""
    text = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not text:
        return DEFAULT_TIMEOUT_S
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError(
            f"{TIMEOUT_VARIABLE}={text!r} is not a time limit: give a number of seconds above 0, "
            f"e.g. {TIMEOUT_VARIABLE}=600 (unset, the limit is {DEFAULT_TIMEOUT_S:g} s)."
        )
    return seconds


def timeout_hint() -> str:
    return (
        f"Make it finish sooner, or raise the limit: {TIMEOUT_VARIABLE}=<seconds> "
        f"(now {snippet_timeout():g}; default {DEFAULT_TIMEOUT_S:g})."
    )
