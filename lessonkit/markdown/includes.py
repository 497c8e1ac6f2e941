"""The ``--8<--`` snippet includes of a page, and whether each points at an existing file and section."""

import re
from dataclasses import dataclass
from pathlib import Path

INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"[ \t]*$', re.M)
SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$")  # a line that opens or closes a section


def section_marker(kind: str, section: str) -> str:
    """The comment that opens (``kind`` "start") or closes ("end") a section in a snippet file."""
    return f"# --8<-- [{kind}:{section}]"


@dataclass(frozen=True)
class Include:
    line: int
    path: str  # relative to snippets/
    section: str | None

    def __str__(self) -> str:
        return f'--8<-- "{self.path}{":" + self.section if self.section else ""}"'


def includes(markdown: str) -> list[Include]:
    return [
        Include(markdown.count("\n", 0, m.start()) + 1, m["path"], m["section"]) for m in INCLUDE.finditer(markdown)
    ]


def include_problem(include: Include, snippets_dir: Path) -> str | None:
    """Why the include cannot be resolved, or None when it can."""
    file = snippets_dir / include.path
    if not file.is_file():
        return f"{include}: there is no file snippets/{include.path}"
    if include.section:
        text = file.read_text(encoding="utf-8")
        for marker in ("start", "end"):
            if section_marker(marker, include.section) not in text:
                return f"{include}: snippets/{include.path} has no '{section_marker(marker, include.section)}' line"
    return None
