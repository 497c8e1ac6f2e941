"""Turn a page's Markdown into what the reader sees as code, for pytest-markdown-docs.

pytest-markdown-docs reads raw Markdown: it would see ``--8<--`` lines instead of the included code,
and it skips fences indented inside ``=== "Tab"`` blocks. This expands the includes with
pymdownx.snippets itself (same settings as mkdocs.yml) and moves tab contents to the left margin.
"""
import re
from pathlib import Path

import markdown
from markdown_it import MarkdownIt

from lessonkit import SNIPPETS_DIR

TAB_HEADER = re.compile(r'^(?P<indent>[ \t]*)=== "[^"]*"\s*$')


def expand_snippet_includes(text: str, base_path: Path = SNIPPETS_DIR) -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {
            "base_path": [str(base_path)], "check_paths": True, "dedent_subsections": True,
        }},
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def unindent_tabs(text: str) -> str:
    """Remove the 4-space indent of content under ``=== "Label"`` headers (keeping line count)."""
    out, tab_indent = [], None
    for line in text.split("\n"):
        header = TAB_HEADER.match(line)
        if header:
            tab_indent = len(header["indent"]) + 4
            out.append("")
            continue
        if tab_indent is not None and line.strip():
            leading = len(line) - len(line.lstrip(" "))
            if leading >= tab_indent:
                line = line[4:]
            else:
                tab_indent = None
        out.append(line)
    return "\n".join(out)


class ExpandingMarkdownIt(MarkdownIt):
    """A commonmark parser that first expands snippet includes and un-indents tabbed content."""

    def parse(self, src, env=None):
        return super().parse(unindent_tabs(expand_snippet_includes(src)), env)
