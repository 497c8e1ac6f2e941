"""The snippet time limit inside a test process: what a test runs of the lesson's code (a snippet's ``main()``, a
page's code fence) stops with an error once ``LESSON_SNIPPET_TIMEOUT`` seconds pass, as the build stops a snippet."""

import signal
from contextlib import contextmanager

from lessonkit.figures.time_limit import snippet_timeout, timeout_hint


class SnippetTimedOut(Exception):
    """Code run by a test took longer than the time limit (``LESSON_SNIPPET_TIMEOUT``)."""


@contextmanager
def time_limit(what: str):
    """Raise SnippetTimedOut in the test (SIGALRM: pytest runs tests in the main thread) once the limit passes."""
    seconds = snippet_timeout()

    def expire(signum, frame):
        raise SnippetTimedOut(f"{what} timed out after {seconds:g} s in the test. {timeout_hint()}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
