"""pytest plugin (loaded with ``-p lessonkit.testing.pytest_plugin``): makes pytest-markdown-docs see pages as readers
do, and run each page's code fence within the snippet time limit (``LESSON_SNIPPET_TIMEOUT``), as the build does."""

import pytest

from lessonkit.markdown.fences import ExpandingMarkdownIt
from lessonkit.testing.snippet_alarm import snippet_alarm


@pytest.hookimpl(tryfirst=True)  # before pytest-markdown-docs' own plain parser
def pytest_markdown_docs_markdown_it():
    return ExpandingMarkdownIt(config="commonmark")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    if type(item).__module__.startswith("pytest_markdown_docs"):
        with snippet_alarm(f"the code fence {item.nodeid}"):
            yield
    else:
        yield
