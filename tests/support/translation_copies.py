"""Real pages damaged the way translators damage them, in a temporary copy of docs/."""

import shutil
from pathlib import Path

from lessonkit import DOCS_DIR
from lessonkit.translations.checks import check_translation


def copy_of_docs(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DOCS_DIR, tmp_path / "docs"))


def damaged(docs: Path, page: str, old: str, new: str) -> Path:
    """``docs/page`` with the first ``old`` replaced by ``new`` (``old`` must be there: the damage is real)."""
    path = docs / page
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{page} no longer contains {old!r}: pick another place to damage"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The line on which ``text`` first starts in the file (it must be there)."""
    whole = path.read_text(encoding="utf-8")
    assert text in whole, f"{path.name} no longer contains {text!r}: pick another place"
    return whole.count("\n", 0, whole.index(text)) + 1


def problems(path: Path) -> list[str]:
    return [str(p) for p in check_translation(path)]


def reported(found: list[str], *parts: str) -> bool:
    """Whether one of the problems says all of ``parts``."""
    return any(all(part in problem for part in parts) for problem in found)
