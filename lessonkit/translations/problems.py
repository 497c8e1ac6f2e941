"""A problem a translator check found: file, line, what is wrong, and how to fix it."""

from dataclasses import dataclass
from pathlib import Path

from lessonkit import REPO_ROOT


def shown_path(path: Path) -> str:
    """The path as a translator types it: relative to the repository when inside it."""
    return path.relative_to(REPO_ROOT).as_posix() if path.is_relative_to(REPO_ROOT) else str(path)


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{shown_path(self.path)}:{self.line}: {self.message}\n    fix: {self.fix}"


def capped(path: Path, problems: list[Problem], what: str, most: int) -> list[Problem]:
    """The first ``most`` problems, then one that counts the rest (they usually follow from the first ones)."""
    if len(problems) <= most:
        return problems
    rest = problems[most:]
    return problems[:most] + [
        Problem(
            path,
            rest[0].line,
            f"{len(rest)} more {what} problem(s) from line {rest[0].line} on",
            "fix the ones above first, then check again: later ones often follow from earlier ones",
        )
    ]
