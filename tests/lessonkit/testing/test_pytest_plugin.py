"""The pytest plugin (lessonkit.testing.pytest_plugin), run by pytest's own ``pytester`` on throw-away pages: it makes
pytest-markdown-docs see pages as readers do (includes expanded, fences inside tabs and admonitions collected) and
stops a page's code fence at the snippet time limit."""

import pytest

from lessonkit.settings import TIMEOUT_VARIABLE

PLUGIN = ["-p", "lessonkit.testing.pytest_plugin", "--markdown-docs", "--markdown-docs-syntax=superfences"]


@pytest.fixture
def run_pages(pytester, monkeypatch):
    pytester.makeini("[pytest]\n")  # not the project's settings: only the plugin under test

    def run(*args):
        return pytester.runpytest_subprocess(*PLUGIN, "-p", "no:cacheprovider", *args)

    return run


def test_fences_inside_tabs_and_admonitions_run_and_includes_are_expanded(pytester, run_pages):
    pytester.makefile(
        ".md",
        page=(
            "# Page\n\n"
            '=== "PyTorch"\n\n    ```python\n    x = 2\n    assert x * 3 == 6\n    ```\n\n'
            '!!! note "A note"\n\n    ```python\n    assert 1 + 1 == 2\n    ```\n\n'
            '```python\n--8<-- "common/data.py"\nassert callable(noisy_line)\n```\n'
        ),
    )
    result = run_pages("page.md")
    result.assert_outcomes(passed=3)


def test_a_failing_fence_fails_its_test(pytester, run_pages):
    pytester.makefile(".md", page='# Page\n\n=== "PyTorch"\n\n    ```python\n    assert 1 == 2\n    ```\n')
    run_pages("page.md").assert_outcomes(failed=1)


def test_a_fence_that_never_ends_is_stopped_at_the_time_limit(pytester, run_pages, monkeypatch):
    monkeypatch.setenv(TIMEOUT_VARIABLE, "1")
    pytester.makefile(
        ".md", page="# Page\n\n```python\nimport time\n\nwhile True:\n    time.sleep(1)\n```\n\n```python\nx = 1\n```\n"
    )
    result = run_pages("page.md")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*timed out after 1 s in the test*LESSON_SNIPPET_TIMEOUT*"])
