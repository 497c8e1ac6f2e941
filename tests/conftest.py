import pytest

from tests.snippet_runner import run_main


@pytest.fixture
def run_snippet(monkeypatch):
    """``run_snippet("snippets.topic.name")`` -> SnippetRun(result of main(), figures shown)."""
    return lambda module_name: run_main(module_name, monkeypatch)
