"""Find what a page takes from snippet runs.

- Figures: Markdown images whose path is ``figures/<topic>/<snippet>-<n>.svg``; such a path names
  its source, figure ``n`` drawn by ``snippets/<topic>/<snippet>.py``.
- Printed output: a line ``<!-- output: <topic>/<snippet> -->``, replaced by what the snippet printed.
"""
import re
from dataclasses import dataclass

OUTPUT_MARKER = re.compile(r"^(?P<indent>[ \t]*)<!-- output: (?P<topic>[\w/]+)/(?P<name>\w+) -->[ \t]*$", re.M)
FIGURE_URI = re.compile(r"(?<![\w/])(?:\.\./)*figures/(?P<topic>[\w/]+)/(?P<name>\w+)-(?P<number>\d+)\.svg")


def snippet_module(topic: str, name: str) -> str:
    return "snippets." + ".".join(topic.split("/")) + "." + name


@dataclass(frozen=True)
class FigureRef:
    page: str  # path of the Markdown file, relative to the docs folder
    line: int
    topic: str
    name: str
    number: int

    @property
    def module(self) -> str:
        return snippet_module(self.topic, self.name)

    @property
    def uri(self) -> str:
        return f"figures/{self.topic}/{self.name}-{self.number}.svg"

    def localized_uri(self, language_suffix: str) -> str:
        return f"figures/{self.topic}/{self.name}-{self.number}{language_suffix}.svg"


def figure_refs(markdown: str, page: str) -> list[FigureRef]:
    refs = []
    for line_number, line in enumerate(markdown.splitlines(), start=1):
        for match in FIGURE_URI.finditer(line):
            refs.append(FigureRef(page, line_number, match["topic"], match["name"], int(match["number"])))
    return refs


def output_modules(markdown: str) -> set[str]:
    return {snippet_module(m["topic"], m["name"]) for m in OUTPUT_MARKER.finditer(markdown)}


def insert_outputs(markdown: str, output_of) -> str:
    """Replace each output marker by a text block holding ``output_of(module)``."""
    def block(match):
        indent = match["indent"]
        text = output_of(snippet_module(match["topic"], match["name"])).rstrip("\n")
        body = "\n".join(f"{indent}{line}" if line else "" for line in text.splitlines())
        return f'{indent}```text\n{body}\n{indent}```'

    return OUTPUT_MARKER.sub(block, markdown)
