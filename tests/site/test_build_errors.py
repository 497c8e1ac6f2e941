"""A broken snippet or a wrong figure number stops a real mkdocs build with a message saying what and where."""

import pytest

from tests.support.site_build import build_site
from tests.support.throwaway_project import site_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_FIGURE_CACHE", str(tmp_path / "cache"))
    return lambda page, snippet: site_project(tmp_path, page, snippet)


def test_a_snippet_that_raises_stops_the_build_naming_snippet_page_and_traceback(project, tmp_path):
    config = project(
        "# Home\n\n![a plot](figures/demo/plot-1.svg)\n",
        """\
        import matplotlib.pyplot as plt

        def main():
            plt.plot([1, 2])
            raise ValueError("the data has the wrong shape")

        main()
        """,
    )
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert "snippets/demo/plot.py failed" in result.stderr
    assert "Used by: docs/index.md" in result.stderr
    assert "ValueError: the data has the wrong shape" in result.stderr and "line 5, in main" in result.stderr


def test_a_figure_number_the_snippet_does_not_draw_is_an_error(project, tmp_path):
    config = project(
        "# Home\n\n![a plot](figures/demo/plot-2.svg)\n",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\n",
    )
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert "docs/index.md:3: shows figures/demo/plot-2.svg, but snippets.demo.plot draws 1 figure(s)" in result.stderr


def test_a_missing_include_stops_the_build(project, tmp_path):
    config = project('# Home\n\n```python\n--8<-- "demo/absent.py"\n```\n', "print('hi')\n")
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert "absent.py" in result.stderr


def test_a_recorded_value_that_is_nan_stops_the_build_naming_page_line_snippet_and_value(project, tmp_path):
    config = project(
        "# Home\n\n![a plot](figures/demo/plot-1.svg)\n\nThe loss ends at <!-- value: demo/plot loss:.3f -->.\n",
        """\
        import json, os
        import matplotlib.pyplot as plt

        plt.plot([1, 2])
        plt.show()
        with open(os.environ["LESSON_RESULTS_FILE"], "w") as file:
            json.dump({"loss": float("nan")}, file)
        """,
    )
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert (
        "docs/index.md:5: <!-- value: demo/plot loss:.3f -->: snippets.demo.plot recorded loss = nan" in result.stderr
    )


def test_a_build_with_a_relative_config_path_works(tmp_path):
    """`mkdocs build -f mkdocs.yml` hands the plugin a relative config path: the project folder is still found."""
    import os
    import subprocess
    import sys

    from tests.support.throwaway_project import site_project

    page = '# Home\n\n![a plot](figures/demo/plot-1.svg)\n\n=== "PyTorch"\n\n    ```python\n    --8<-- "demo/plot.py"\n    ```\n'
    plot = "import matplotlib.pyplot as plt\n\nplt.plot([0, 1], [1, 0])\nplt.show()\n"
    config = site_project(tmp_path, page, plot)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config.name, "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "LESSON_FIGURE_CACHE": str(tmp_path / "cache")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").exists()
