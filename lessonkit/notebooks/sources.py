"""What a page's notebooks are made from: the framework variants it comes in and the files of the local modules
its snippets import. Cheap to compute (no notebook library): the build asks on every run, to know which notebooks
exist and whether their inputs changed."""

from pathlib import Path

from lessonkit.markdown.includes import includes
from lessonkit.markdown.structure import TAB
from lessonkit.snippets import local_source_closure, module_name

FRAMEWORK_TABS = ("PyTorch", "TensorFlow")


def frameworks_of(markdown: str, tabs: tuple[str, ...] = FRAMEWORK_TABS) -> list[str]:
    """The framework variants a page's notebook comes in: its tab labels, or 'python' for a page without tabs."""
    labels = {m["label"] for line in markdown.split("\n") if (m := TAB.match(line))}
    present = [label for label in tabs if label in labels]
    return present or (["python"] if includes(markdown) else [])


def helper_sources(markdown: str, root: Path) -> dict[str, str]:
    """Files of every local module the page's snippets import, by path relative to ``root`` (shown ones too:
    one snippet may import another, e.g. a model defined earlier on the page)."""
    shown = {root / "snippets" / inc.path for inc in includes(markdown)}
    needed = set()
    for path in shown:
        needed.update(p for p in local_source_closure(module_name(path, root), root) if p != path)
    for path in list(needed):  # the packages on the way need their __init__.py
        for parent in path.relative_to(root).parents:
            if parent != Path(".") and (root / parent / "__init__.py").exists():
                needed.add(root / parent / "__init__.py")
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(needed)}
