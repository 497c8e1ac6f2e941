"""The test alarm: what a test runs of the lesson's code in its own process (a snippet's ``main()``, a page's code
fence) stops with an error once the snippet time limit (``lessonkit.settings``) passes, as the build stops a snippet.

It is an alarm, not the build's limit: SIGALRM raises SnippetTimedOut in the test's main thread, so the test fails and
the next one runs; processes the code started are not killed (the build, ``lessonkit.figures.worker``, runs each
snippet in its own process group and kills it whole).
"""

import signal
from contextlib import contextmanager

from lessonkit.settings import snippet_timeout, timeout_hint


class SnippetTimedOut(Exception):
    """Code run by a test took longer than the time limit (``LESSON_SNIPPET_TIMEOUT``)."""


@contextmanager
def snippet_alarm(what: str):
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
