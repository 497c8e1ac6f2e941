"""Turn a page's Markdown into what the reader sees as code, for pytest-markdown-docs.

pytest-markdown-docs reads raw Markdown: it would see ``--8<--`` lines instead of the included code,
and it skips fences indented inside ``=== "Tab"``, ``??? details`` and ``!!! admonition`` blocks. This
expands the includes with pymdownx.snippets itself (same settings as mkdocs.yml) and moves the
contents of those blocks to the left margin.
"""

from pathlib import Path

import markdown
from markdown_it import MarkdownIt

from lessonkit import SNIPPETS_DIR
from lessonkit.markdown.syntax import CONTAINER_INDENT, container_header, in_fences, indent_width, strip_indent


def expand_snippet_includes(text: str, base_path: Path) -> str:
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
    """Move the bodies of tab, details and admonition blocks (nested too) to the left margin, keeping line count.
    A header-like line inside a fence is code (lessonkit.markdown.syntax: the fence rules)."""
    lines = text.split("\n")
    out, stack = [], []  # stack: the body indent of each open block, innermost last
    for line, code in zip(lines, in_fences(lines)):
        leading = indent_width(line)
        if line.strip():
            while stack and leading < stack[-1]:
                stack.pop()  # a non-blank line left of a block's body closes that block
        header = None if code else container_header(line)
        if header:
            stack.append(indent_width(header["indent"]) + CONTAINER_INDENT)
            out.append("")
            continue
        out.append(strip_indent(line, len(stack) * CONTAINER_INDENT) if line.strip() else "")
    return "\n".join(out)


class ExpandingMarkdownIt(MarkdownIt):
    """A commonmark parser that first expands snippet includes and un-indents tab, details and admonition bodies."""

    def parse(self, src, env=None):
        return super().parse(unindent_blocks(expand_snippet_includes(src, SNIPPETS_DIR)), env)  # the pages' snippets
