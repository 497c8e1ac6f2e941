"""pytest plugin (loaded with ``-p lessonkit.testing.pytest_plugin``): makes pytest-markdown-docs see pages as readers do."""
import pytest

from lessonkit.markdown.fences import ExpandingMarkdownIt


@pytest.hookimpl(tryfirst=True)  # before pytest-markdown-docs' own plain parser
def pytest_markdown_docs_markdown_it():
    return ExpandingMarkdownIt(config="commonmark")
