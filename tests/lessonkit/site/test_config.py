"""The plugin's settings: one validated object with typed options and defaults, the environment's overrides on top,
and state on the plugin instance that each build starts afresh."""

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from lessonkit.site.config import ENVIRONMENT
from lessonkit.site.plugin import LessonPlugin


@pytest.fixture(autouse=True)
def no_overrides(monkeypatch):
    for variable in ENVIRONMENT:
        monkeypatch.delenv(variable, raising=False)


def configured(options: dict) -> LessonPlugin:
    plugin = LessonPlugin()
    plugin.configure(options, None)
    return plugin


def test_defaults():
    config = configured({}).config
    assert (config.figure_cache, config.notebook_cache, config.preview_cache) == (
        ".cache/figures",
        ".cache/notebooks",
        ".cache/preview",
    )
    assert config.snippet_timeout == 300.0 and config.figures == "run"
    assert config.rendered_notebooks == {"lab": "lab-notebook"} and config.framework_tabs == ["PyTorch", "TensorFlow"]


def test_the_environment_overrides_the_file(monkeypatch):
    monkeypatch.setenv("LESSON_FIGURES", "cached")
    monkeypatch.setenv("LESSON_SNIPPET_TIMEOUT", "5")
    monkeypatch.setenv("LESSON_FIGURE_CACHE", "/elsewhere/figures")
    config = configured({"snippet_timeout": 60, "figure_cache": "cache"}).config
    assert (config.figures, config.snippet_timeout, config.figure_cache) == ("cached", 5.0, "/elsewhere/figures")


@pytest.mark.parametrize(
    "options, variable, said",
    [
        ({"snippet_timeout": -1}, None, "snippet_timeout"),
        ({}, ("LESSON_SNIPPET_TIMEOUT", "soon"), "snippet_timeout"),
        ({"figures": "maybe"}, None, "figures"),
        ({"framework_tabs": "PyTorch"}, None, "framework_tabs"),
        ({"no_such_option": 1}, None, "no_such_option"),
    ],
)
def test_a_bad_setting_stops_the_build_naming_the_option(options, variable, said, monkeypatch):
    if variable:
        monkeypatch.setenv(*variable)
    with pytest.raises(PluginError, match=f"lessonkit: .*{said}"):
        configured(options)


def test_folders_are_relative_to_the_project_and_each_build_starts_afresh(tmp_path):
    plugin = configured({"figure_cache": "cache/figs"})
    mkdocs = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    mkdocs.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs")})
    (tmp_path / "docs").mkdir()
    assert not mkdocs.validate()[0]
    plugin.runs["snippets.demo.plot"] = object()
    plugin.build.get("generated files", dict)["x.svg"] = Path("x.svg")
    plugin.on_config(mkdocs)
    assert plugin.folder("figure_cache") == tmp_path / "cache/figs"
    assert plugin.runs == {} and plugin.build.get("generated files", dict) == {}, "nothing kept from the last build"
