"""What a translation keeps from its English page: the blocks (in the same order and nesting), the link targets
and the value tokens. Each difference names the line in both files and the fix."""

import re
from difflib import SequenceMatcher
from pathlib import Path

from lessonkit.markdown.blocks import Placed
from lessonkit.markdown.refs import value_refs
from lessonkit.markdown.structure import INLINE_CODE
from lessonkit.translations.alignment import Alignment, Difference
from lessonkit.translations.problems import Problem, capped

# After this many differences the rest are counted, not listed: they usually follow from the first ones.
MAX_LISTED = 3
KIND_NAMES = {
    "heading": "heading",
    "paragraph": "paragraph",
    "figure": "figure",
    "list": "list",
    "item": "list item",
    "table": "table",
    "row": "table row",
    "admonition": "admonition",
    "tab": "tab",
    "code": "code block",
    "math": "maths block",
    "output": "output marker",
    "comment": "HTML comment",
    "html": "HTML block",
    "rule": "horizontal rule",
}
DIFFERING = {
    "heading": "heading structure",
    "tab": "tab label",
    "admonition": "admonition kind",
    "table": "table columns",
    "row": "table row",
    "list": "list type",
}
DETAIL_FIXES = {
    "heading": "keep the same headings, with the same levels, ids and order, as {english}",
    "code": "copy the code block unchanged from {english} (translate prose only, never code)",
    "figure": "show the same figures as {english}, in the same order (translate only the alt text)",
    "output": "keep the '<!-- output: ... -->' lines of {english} unchanged",
    "tab": 'keep tab labels exactly as in English ("PyTorch", "TensorFlow")',
    "admonition": "use the marker and kind of {english} (such as '!!! note' or '??? question'); translate only "
    "the title in quotes",
    "table": "keep the columns of the table in {english} (and the alignment colons of its second line)",
    "row": "give the row one cell per cell of the English row; write a '|' inside a cell as '\\|'",
    "list": "keep the list type of {english}: numbered ('1.') or bullets ('-')",
    "math": "copy the maths unchanged from {english}",
    "html": "use the same HTML as {english}",
}
LINK = re.compile(
    r"\]\((?P<inline><[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\)"  # [text](target), ![alt](target)
    r"|^\s*\[[^\]]+\]:\s*(?P<reference>\S+)"  # [label]: target
    r"|<(?P<auto>[a-z][a-z0-9+.-]*:[^>\s]+)>"  # <https://...>
    r"|\b(?:href|src)\s*=\s*\"(?P<html>[^\"]*)\"",  # raw HTML
    re.M,
)
NO_LINKS = {"code", "figure", "output", "comment", "math"}  # figures are compared as blocks


def describe(placed: Placed) -> str:
    block = placed.block
    name = KIND_NAMES[block.kind]
    if block.kind in ("heading", "tab", "admonition", "list", "figure", "output"):
        name += f" {block.detail!r}"
    elif block.kind == "code":
        name += f" {block.detail.splitlines()[0]!r}"
    elif block.kind == "row":
        name += f" ({block.detail})"
    if placed.containers:
        name += " inside " + " > ".join(KIND_NAMES[kind] for kind in placed.containers)
    return name


def _first_difference(english: str, translated: str) -> tuple[str, str]:
    """The first differing line of two multi-line details (the whole detail when it is one line)."""
    for ours, theirs in zip(translated.splitlines(), english.splitlines()):
        if ours != theirs:
            return theirs, ours
    english_lines, translated_lines = english.splitlines(), translated.splitlines()
    n = min(len(english_lines), len(translated_lines))
    return ("\n".join(english_lines[n : n + 1]) or "nothing more"), (
        "\n".join(translated_lines[n : n + 1]) or "nothing more"
    )


def _tops(stretch: list[Placed]) -> list[Placed]:
    """The blocks of a stretch that are not inside another block of the same stretch."""
    depth = min(len(p.containers) for p in stretch)
    return [p for p in stretch if len(p.containers) == depth]


def _summary(stretch: list[Placed]) -> str:
    tops = _tops(stretch)
    inside = len(stretch) - len(tops)
    text = describe(tops[0]) + (f" and {len(tops) - 1} more block(s)" if len(tops) > 1 else "")
    return text + (f" (with {inside} block(s) inside)" if inside else "")


def _replaced(path: Path, english: Placed, ours: Placed, english_file: str) -> Problem:
    e, t = english.block, ours.block
    if e.kind == t.kind and english.containers == ours.containers:
        theirs, mine = _first_difference(e.detail, t.detail)
        what = DIFFERING.get(e.kind, KIND_NAMES[e.kind])
        return Problem(
            path,
            t.start,
            f"{what} differs from English: {english_file} line {e.start} has {theirs!r}, this page has {mine!r}",
            DETAIL_FIXES[e.kind].format(english=english_file),
        )
    if e.kind == t.kind and e.detail == t.detail:

        def where(p) -> str:
            return "inside " + " > ".join(KIND_NAMES[k] for k in p.containers) if p.containers else "at the top level"

        return Problem(
            path,
            t.start,
            f"{KIND_NAMES[e.kind]} moved out of its place: {english_file} line {e.start} "
            f"has it {where(english)}, this page has it {where(ours)}",
            f"indent it as in {english_file}: four spaces for each container (list item, admonition, tab)",
        )
    return Problem(
        path,
        t.start,
        f"block structure differs from English: {english_file} line {e.start} has a "
        f"{describe(english)}, this page has a {describe(ours)}",
        f"give this page the blocks of {english_file}: one paragraph, list item, table row or "
        f"admonition for each of its own, with blank lines between blocks as there",
    )


def _difference_problem(path: Path, difference: Difference, english_file: str) -> Problem:
    left, right = difference.left, difference.right
    if difference.tag == "replace":
        first = next(((a, b) for a, b in zip(left, right) if a.shape != b.shape), (left[0], right[0]))
        return _replaced(path, *first, english_file)
    if difference.tag == "insert":
        return Problem(
            path,
            right[0].block.start,
            f"extra {_summary(right)}, which {english_file} does not have"
            + (f" (after its line {difference.left_before.block.end})" if difference.left_before else ""),
            f"remove it, or join it to the block it belongs to: each block of {english_file} has "
            f"exactly one translated block here (a blank line starts a new paragraph)",
        )
    after = difference.before.block.end if difference.before else 1
    return Problem(
        path,
        after,
        f"missing {_summary(left)}: {english_file} {left[0].block.lines} "
        f"has it, this page has nothing in its place (after line {after})",
        f"add the translation of {english_file} {left[0].block.lines} here, with the same indentation",
    )


def block_problems(path: Path, alignment: Alignment, english_file: str) -> list[Problem]:
    problems = [_difference_problem(path, d, english_file) for d in alignment.differences]
    return capped(path, problems, "block structure", MAX_LISTED)


def link_targets(placed: list[Placed]) -> list[tuple[int, str]]:
    found = []
    for p in placed:
        if p.block.kind in NO_LINKS:
            continue
        for offset, line in enumerate(p.block.text.split("\n")):
            for match in LINK.finditer(INLINE_CODE.sub("", line)):
                target = next(group for group in match.groups() if group is not None)
                found.append((p.block.start + offset, target.strip("<>")))
    return found


def link_problems(path: Path, alignment: Alignment, english_file: str) -> list[Problem]:
    english, ours = link_targets(alignment.left), link_targets(alignment.right)
    matcher = SequenceMatcher(None, [t for _, t in english], [t for _, t in ours], autojunk=False)
    fix = f"link to what {english_file} links to, in the same order; translate only the link text"
    problems = []
    for tag, i1, _i2, j1, _j2 in matcher.get_opcodes():
        if tag == "replace":
            (line, target), (english_line, english_target) = ours[j1], english[i1]
            problems.append(
                Problem(
                    path,
                    line,
                    f"link target changed: {english_file} line {english_line} links to "
                    f"{english_target!r}, this page to {target!r}",
                    fix,
                )
            )
        elif tag == "insert":
            line, target = ours[j1]
            problems.append(
                Problem(path, line, f"extra link to {target!r}, which {english_file} does not have here", fix)
            )
        elif tag == "delete":
            english_line, english_target = english[i1]
            line = ours[j1 - 1][0] if j1 else 1
            problems.append(
                Problem(
                    path,
                    line,
                    f"missing link to {english_target!r} ({english_file} line "
                    f"{english_line}; after this page's line {line})",
                    fix,
                )
            )
    return capped(path, problems, "link", MAX_LISTED)


def unresolved_link_problems(path: Path, alignment: Alignment, english_page: Path) -> list[Problem]:
    """Links to pages (``x.md``, ``x.md#id``, ``#id``) that do not exist, or to anchors that differ by language."""
    problems = []
    for line, link in link_targets(alignment.right):
        target, _, anchor = link.partition("#")
        if (
            re.match(r"^[a-z][a-z0-9+.-]*:", target)
            or target.startswith("/")
            or not (target.endswith(".md") or not target)
        ):
            continue
        linked = (path.parent / target).resolve() if target else english_page
        if not linked.exists():
            problems.append(
                Problem(
                    path,
                    line,
                    f"link to {link!r} does not resolve",
                    "link to an English page name (e.g. overfitting.md); the site maps it to this language",
                )
            )
        elif anchor and f"{{#{anchor}}}" not in linked.read_text(encoding="utf-8").replace(" }", "}"):
            problems.append(
                Problem(
                    path,
                    line,
                    f"link to {link!r}: #{anchor} is not an explicit heading id "
                    f"in {linked.name}, so it differs between languages",
                    f"give the heading an id in the English page and every translation: ## Title {{#{anchor}}}",
                )
            )
    return problems


def value_problems(path: Path, text: str, english_text: str, english_file: str) -> list[Problem]:
    english, ours = value_refs(english_text), value_refs(text)
    for index in range(max(len(english), len(ours))):
        theirs = english[index] if index < len(english) else None
        mine = ours[index] if index < len(ours) else None
        if theirs and mine and theirs.token == mine.token:
            continue
        expected = (
            f"{english_file} line {theirs.line} has {theirs.token!r}" if theirs else f"{english_file} has no more"
        )
        found = f"this page has {mine.token!r}" if mine else "this page has no more"
        line = mine.line if mine else (ours[-1].line if ours else 1)
        return [
            Problem(
                path,
                line,
                f"value token differs from English: {expected}, {found}",
                f"keep every '<!-- value: ... -->' token of {english_file}, unchanged and in the same "
                f"order: the build writes the number in",
            )
        ]
    return []
