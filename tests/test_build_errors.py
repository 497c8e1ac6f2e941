"""A broken snippet or a wrong figure number stops a real mkdocs build with a message saying what and where."""
import re
import textwrap

import pytest
import yaml

from lessonkit import REPO_ROOT
from tests.site_build import build_site


def make_project(tmp_path, page: str, snippet: str):
    text = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n\s*slugify: !!python.*", "", text).replace("!relative $config_dir/snippets", "snippets")
    config = yaml.safe_load(text)  # without the tags safe_load refuses (the includes' base path is set below)
    config["nav"] = ["index.md"]
    config.pop("watch")
    config["markdown_extensions"] = [
        {"pymdownx.snippets": {"base_path": [str(tmp_path / "snippets")], "check_paths": True}}
        if isinstance(ext, dict) and "pymdownx.snippets" in ext else ext
        for ext in config["markdown_extensions"]
    ]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    (tmp_path / "lessonkit").symlink_to(REPO_ROOT / "lessonkit")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text(textwrap.dedent(page))
    (tmp_path / "snippets/demo").mkdir(parents=True)
    (tmp_path / "snippets/__init__.py").write_text("")
    (tmp_path / "snippets/demo/__init__.py").write_text("")
    (tmp_path / "snippets/demo/plot.py").write_text(textwrap.dedent(snippet))
    return tmp_path / "mkdocs.yml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_FIGURE_CACHE", str(tmp_path / "cache"))
    return lambda page, snippet: make_project(tmp_path, page, snippet)


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
