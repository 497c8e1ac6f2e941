"""Turn a page's Markdown into what the reader sees as code, for pytest-markdown-docs.

pytest-markdown-docs reads raw Markdown: it would see ``--8<--`` lines instead of the included code,
and it skips fences indented inside ``=== "Tab"``, ``??? details`` and ``!!! admonition`` blocks. This
expands the includes with pymdownx.snippets itself (same settings as mkdocs.yml) and moves the
contents of those blocks to the left margin.
"""

import re
from pathlib import Path

import markdown
from markdown_it import MarkdownIt

from lessonkit import SNIPPETS_DIR

# Blocks whose body is indented 4 spaces: tabs (=== "Label"), details (??? / ???+), admonitions (!!!).
BLOCK_HEADER = re.compile(r"^(?P<indent>[ \t]*)(?:===|\?\?\?\+?|!!!)[ \t]")


def expand_snippet_includes(text: str, base_path: Path = SNIPPETS_DIR) -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={
            "pymdownx.snippets": {
                "base_path": [str(base_path)],
                "check_paths": True,
                "dedent_subsections": True,
            }
        },
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def unindent_blocks(text: str) -> str:
    """Move the bodies of tab, details and admonition blocks (nested too) to the left margin, keeping line count."""
    out, stack = [], []  # stack: the body indent of each open block, innermost last
    for line in text.split("\n"):
        leading = len(line) - len(line.lstrip(" "))
        if line.strip():
            while stack and leading < stack[-1]:
                stack.pop()  # a non-blank line left of a block's body closes that block
        header = BLOCK_HEADER.match(line)
        if header:
            stack.append(len(header["indent"]) + 4)
            out.append("")
            continue
        strip = min(len(stack) * 4, leading) if line.strip() else 0
        out.append(line[strip:])
    return "\n".join(out)


class ExpandingMarkdownIt(MarkdownIt):
    """A commonmark parser that first expands snippet includes and un-indents tab, details and admonition bodies."""

    def parse(self, src, env=None):
        return super().parse(unindent_blocks(expand_snippet_includes(src)), env)
