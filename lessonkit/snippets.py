"""Find snippet files, their module names, and the local helper modules they import.

Each file is parsed once: the imports found in it are kept with the text they were read from, and a file is
parsed again only when its text changes (a build asks about the same helpers for every snippet and page, and
``mkdocs serve`` keeps this process between rebuilds).
"""

import ast
from pathlib import Path


def module_name(path: Path, root: Path) -> str:
    """``snippets/overfitting/five_points.py`` -> ``snippets.overfitting.five_points``."""
    return ".".join(path.resolve().relative_to(root).with_suffix("").parts)


def module_path(name: str, root: Path) -> Path:
    """``snippets.overfitting.five_points`` -> the file that defines it (a module or a package's __init__)."""
    base = root.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no file for module {name!r} under {root}")


_parsed: dict[Path, tuple[str, frozenset[str], frozenset[str]]] = {}  # path -> (text, all imports, top-level ones)


def _names(nodes) -> frozenset[str]:
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(names)


def _imported_names(path: Path, top_level_only: bool = False) -> frozenset[str]:
    """Names imported by the file; with ``top_level_only``, only imports that run when the module loads."""
    text = path.read_text(encoding="utf-8")
    known = _parsed.get(path)
    if known is None or known[0] != text:
        tree = ast.parse(text, filename=str(path))
        known = _parsed[path] = (text, _names(ast.walk(tree)), _names(tree.body))
    return known[2] if top_level_only else known[1]


def local_source_closure(name: str, root: Path) -> list[Path]:
    """The snippet's own file plus every file of the same top-level package it imports, directly or not."""
    package = name.split(".")[0]
    seen: dict[str, Path] = {}
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        try:
            path = module_path(current, root)
        except FileNotFoundError:
            continue  # ``from snippets.x import some_function`` names no file of its own
        seen[current] = path
        pending.extend(n for n in _imported_names(path) if n.split(".")[0] == package)
    return sorted(set(seen.values()))


def imported_packages(name: str, root: Path) -> set[str]:
    """Packages the snippet imports as it loads, directly or through its local helpers (imports inside
    functions, such as the device helpers' ``import tensorflow``, only count where they are called)."""
    return {
        n.split(".")[0] for path in local_source_closure(name, root) for n in _imported_names(path, top_level_only=True)
    }
