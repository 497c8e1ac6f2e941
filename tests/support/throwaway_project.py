"""Throw-away snippet packages and mkdocs projects in a temporary folder, for the figure pipeline's tests."""

import re
import textwrap
from pathlib import Path

import yaml

from lessonkit import REPO_ROOT


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def snippet_package(root: Path, snippets: dict[str, str]) -> None:
    """``snippets/demo/<name>.py`` for each name -> source, with the package ``__init__`` files."""
    write(root / "snippets/__init__.py", "")
    write(root / "snippets/demo/__init__.py", "")
    for name, source in snippets.items():
        write(root / f"snippets/demo/{name}.py", source)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as a local build reads it: ``!ENV [NAME, default]`` is the default, ``!ENV NAME`` is unset."""


def _unset_environment(loader: yaml.SafeLoader, node: yaml.Node):
    return loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None


_ConfigLoader.add_constructor("!ENV", _unset_environment)
_ConfigLoader.add_constructor("!relative", lambda loader, node: None)  # the includes' base path is set below


def site_project(root: Path, page: str, snippet: str) -> Path:
    """A one-page copy of the real site (theme, plugins, hooks) whose page uses ``snippets/demo/plot.py``.
    Returns its mkdocs.yml."""
    text = re.sub(r"\n\s*slugify: !!python.*", "", (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = yaml.load(text, Loader=_ConfigLoader)
    config["nav"] = ["index.md"]
    config.pop("watch")
    config["markdown_extensions"] = [
        {"pymdownx.snippets": {"base_path": [str(root / "snippets")], "check_paths": True}}
        if isinstance(ext, dict) and "pymdownx.snippets" in ext
        else ext
        for ext in config["markdown_extensions"]
    ]
    # The plugin and the theme overrides from this checkout, by absolute path: nothing linked into the project.
    config["hooks"] = [str(REPO_ROOT / hook) for hook in config["hooks"]]
    if custom_dir := config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = str(REPO_ROOT / custom_dir)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    write(root / "docs/index.md", page)
    snippet_package(root, {"plot": snippet})
    return root / "mkdocs.yml"
