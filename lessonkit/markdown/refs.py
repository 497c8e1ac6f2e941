"""Find what a page takes from snippet runs.

- Figures: Markdown images whose path is ``figures/<topic>/<snippet>-<n>.svg``; such a path names
  its source, figure ``n`` drawn by ``snippets/<topic>/<snippet>.py``.
- Printed output: a line ``<!-- output: <topic>/<snippet> -->``, replaced by what the snippet printed.
- Values: an inline token ``<!-- value: <topic>/<snippet> <name>:<format> -->``, replaced by the value the snippet
  recorded under ``name`` (``snippets.common.results.record``), written with the Python format spec after the colon
  (optional): ``<!-- value: keras/fit_digits val_accuracy:.1% -->`` becomes ``96.4%``. Translators keep the token
  unchanged; on Bengali pages a whole number is written in Bengali digits (the glossary's rule for counts).
"""

import math
import re
from dataclasses import dataclass

from lessonkit.languages import counting_digits

OUTPUT_MARKER = re.compile(r"^(?P<indent>[ \t]*)<!-- output: (?P<topic>[\w/]+)/(?P<name>\w+) -->[ \t]*$", re.M)
VALUE_TOKEN = re.compile(r"<!-- value: (?P<topic>[\w/]+)/(?P<name>\w+) (?P<key>\w+)(?::(?P<spec>[^\s>]*))? -->")
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
        return f"{indent}```text\n{body}\n{indent}```"

    return OUTPUT_MARKER.sub(block, markdown)


@dataclass(frozen=True)
class ValueRef:
    page: str
    line: int
    topic: str
    name: str
    key: str  # the name the snippet recorded the value under
    spec: str  # Python format spec ("" for str(value))
    token: str  # the token as written, which every translation repeats

    @property
    def module(self) -> str:
        return snippet_module(self.topic, self.name)


class MissingValue(LookupError):
    """A value token names a value its snippet did not record."""


class NotANumber(MissingValue):
    """A value token quotes a recorded value that is NaN or infinite: the run went wrong, the prose would lie."""


# Whole numbers are counts ("27th epoch", "64 units"); Bengali prose writes counts in Bengali digits.
WHOLE_NUMBER = re.compile(r"-?\d[\d,]*")


def value_refs(markdown: str, page: str = "") -> list[ValueRef]:
    """Every value token of a page, in order, with its line."""
    return [
        ValueRef(page, line_number, m["topic"], m["name"], m["key"], m["spec"] or "", m.group(0))
        for line_number, line in enumerate(markdown.splitlines(), start=1)
        for m in VALUE_TOKEN.finditer(line)
    ]


def value_modules(markdown: str) -> set[str]:
    return {snippet_module(m["topic"], m["name"]) for m in VALUE_TOKEN.finditer(markdown)}


def format_value(value, spec: str, language: str) -> str:
    text = format(value, spec)
    return counting_digits(text, language) if WHOLE_NUMBER.fullmatch(text) else text


def insert_values(markdown: str, page: str, values_of, language: str, first_line: int = 1) -> str:
    """Replace each value token by its formatted value; ``values_of(module)`` is the dict the snippet recorded.

    ``first_line``: the line of the page file that ``markdown`` starts on (after front matter), for messages.
    """

    def value(match):
        line = first_line + markdown.count("\n", 0, match.start())
        module, key, spec = snippet_module(match["topic"], match["name"]), match["key"], match["spec"] or ""
        values = values_of(module)
        if key not in values:
            recorded = ", ".join(sorted(values)) or "nothing"
            raise MissingValue(
                f"{page}:{line}: {match.group(0)} asks for '{key}', but {module} recorded {recorded}. "
                f"Record it in snippets/{match['topic']}/{match['name']}.py with record({key!r}, value), "
                f"or use one of the recorded names."
            )
        if isinstance(values[key], float) and not math.isfinite(values[key]):
            raise NotANumber(
                f"{page}:{line}: {match.group(0)}: {module} recorded {key} = {values[key]!r}, not a number the "
                f"prose can quote. The run went wrong (a diverging loss, a division by zero): run it alone to "
                f"debug: python -m {module}"
            )
        try:
            return format_value(values[key], spec, language)
        except (TypeError, ValueError) as error:
            raise MissingValue(
                f"{page}:{line}: {match.group(0)}: cannot write {values[key]!r} with the format ':{spec}' "
                f"({error}). Use a format spec for its type, such as ':.2f', ':.1%' or ':d'."
            ) from None

    return VALUE_TOKEN.sub(value, markdown)
