"""A file that a page shows in parts, made to run in the page's notebook.

A page often shows a snippet in parts (``--8<-- "keras/fit_digits.py:main"``): the function that trains and plots,
without the file's imports and without its ``if __name__ == "__main__":`` block (which holds plumbing for the site,
``record(...)``). As notebook cells such parts would fail on a name the file imports, or only define functions and
draw no figure. So, in the notebook only (the page stays as it is):

- before the first part of such a file: the file's top-level statements outside the parts that the parts use
  (imports, constants, helper functions; what those use, too), in the file's order;
- a part cut from inside a function that the main block calls (the computation of ``main`` without its plotting)
  becomes that whole function, so that the notebook draws the figure the page shows;
- after the last part: the main block's calls of the functions the parts define, in the block's order, under the
  same ``if __name__ == "__main__":`` (true in a notebook), as running the file would.
"""

import ast
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from lessonkit.markdown.includes import INCLUDE, SECTION_MARKER, section_marker

MAIN_BLOCK = 'if __name__ == "__main__":'


@dataclass
class Runnable:
    """What the notebook adds to one file's parts: ``context`` before the first, ``calls`` after the last, and the
    whole function to show instead of a part cut from it (section -> text; "" for a second part of the same one)."""

    context: str = ""
    calls: str = ""
    instead: dict[str, str] = field(default_factory=dict)


def _is_main_block(node: ast.stmt) -> bool:
    names = (
        {getattr(n, "id", getattr(n, "value", None)) for n in ast.walk(node.test)} if isinstance(node, ast.If) else ()
    )
    return {"__name__", "__main__"} <= set(names)


def _used(nodes) -> set[str]:
    return {n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name)}


def _bound(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return {n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)}
    return set()


def main_block_calls(source: str) -> list[tuple[str, str]]:
    """(function name, call as written) for each call of a plain name in the file's main block, in order, whose
    arguments are constants ("main(epochs=5)"; not ``fastest_rate(by_rate)``, which needs the block's own names)."""
    calls = []
    for node in (n for n in ast.parse(source).body if _is_main_block(n)):
        for call in (n for statement in node.body for n in ast.walk(statement) if isinstance(n, ast.Call)):
            arguments = [*call.args, *(keyword.value for keyword in call.keywords)]
            if isinstance(call.func, ast.Name) and not _used(arguments):
                calls.append((call.lineno, call.col_offset, call.func.id, ast.unparse(call)))
    return [(name, text) for _, _, name, text in sorted(calls)]


def section_lines(source: str, section: str) -> range:
    """The line numbers (1-based) between a section's start and end markers."""
    lines = [line.strip() for line in source.split("\n")]
    first = lines.index(section_marker("start", section)) + 1
    return range(first + 1, lines.index(section_marker("end", section)) + 1)


def _source(lines: list[str], node: ast.stmt) -> str:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return "\n".join(line for line in lines[first - 1 : node.end_lineno] if not SECTION_MARKER.match(line))


def runnable(source: str, sections: list[str]) -> Runnable:
    """What the notebook adds to the file's ``sections`` (see the module's docstring)."""
    tree, lines = ast.parse(source), source.split("\n")
    spans = {section: section_lines(source, section) for section in sections}
    called = main_block_calls(source)
    span_of = {n: set(range(n.lineno, n.end_lineno + 1)) for n in tree.body}
    whole = {  # functions the main block calls that a part was cut from
        n: [section for section, span in spans.items() if n.lineno not in span and span_of[n] & set(span)]
        for n in tree.body
        if isinstance(n, ast.FunctionDef) and n.name in {name for name, _ in called}
    }
    whole = {n: cut for n, cut in whole.items() if cut}
    cut = {section for sections_cut in whole.values() for section in sections_cut}
    shown = (
        [  # the statements the notebook shows: the parts (dedented: a part may lie inside a function), whole
            n
            for section, span in spans.items()
            if section not in cut
            for n in ast.parse(textwrap.dedent("\n".join(lines[span[0] - 1 : span[-1]]))).body
        ]
        + list(whole)
    )
    covered = set().union(*spans.values())
    outside = [n for n in tree.body if not covered & span_of[n] and not _is_main_block(n) and _bound(n)]
    chosen, used = [], _used(shown) - set().union(*map(_bound, shown))
    while more := [n for n in outside if n not in chosen and _bound(n) & used]:  # what the parts use, and so on
        chosen += more
        used |= _used(more)
    defined = {n.name for n in shown if isinstance(n, ast.FunctionDef)}
    calls = [call for name, call in called if name in defined]
    return Runnable(
        context="\n".join(_source(lines, n) for n in sorted(chosen, key=lambda n: n.lineno)),
        calls="\n".join([MAIN_BLOCK, *(f"    {call}" for call in calls)]) if calls else "",
        instead={
            section: (_source(lines, n) if i == 0 else "") for n, s in whole.items() for i, section in enumerate(s)
        },
    )


def _indented(text: str, like: str) -> list[str]:
    indent = like[: len(like) - len(like.lstrip())]
    return [indent + line if line.strip() else "" for line in text.split("\n")]


def runnable_parts(markdown: str, snippets_dir: Path) -> str:
    """``markdown`` as the notebook needs it: each file shown only in parts made runnable (see the module's
    docstring)."""
    lines = markdown.split("\n")
    parts: dict[str, list[tuple[int, str]]] = {}  # file -> (line index, section) of each include, page order
    for index, line in enumerate(lines):
        if match := INCLUDE.match(line):
            parts.setdefault(match["path"], []).append((index, match["section"]))
    replaced: dict[int, list[str]] = {}
    for path, included in parts.items():
        if any(section is None for _, section in included):
            continue  # the whole file is shown: imports and main block too
        added = runnable((snippets_dir / path).read_text(encoding="utf-8"), [section for _, section in included])
        for index, section in included:
            line = lines[index]
            replaced[index] = _indented(added.instead[section], line) if section in added.instead else [line]
        first, last = included[0][0], included[-1][0]
        if added.context:
            replaced[first] = [*_indented(added.context, lines[first]), "", *replaced[first]]
        if added.calls:
            replaced[last] = [*replaced[last], "", *_indented(added.calls, lines[last])]
    return "\n".join(line for index, original in enumerate(lines) for line in replaced.get(index, [original]))
