"""How long one snippet run may take, for the build and for the tests: ``LESSON_SNIPPET_TIMEOUT`` seconds."""

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
