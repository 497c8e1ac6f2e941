"""The gate against numbers typed by hand from a run.

A number in a page's prose (outside code, value tokens, arithmetic and HTML comments) that a snippet the page uses
printed or recorded, and that is not one of the snippet's own settings, was typed by hand from a run. It drifts when
the run changes; the page must insert it with ``<!-- value: topic/snippet name:format -->`` (``lessonkit.markdown.refs``).
Numbers with fewer than two significant digits, round numbers (20 %, 40 epochs) and the page's own arithmetic are
left alone: too common to say where they came from.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from lessonkit.figures.entry_files import RESULTS_FILE
from lessonkit.languages import to_latin_digits
from lessonkit.markdown.includes import includes
from lessonkit.markdown.refs import figure_refs, output_modules, value_modules
from lessonkit.markdown.structure import prose_lines
from lessonkit.snippets import local_source_closure, module_name

NUMBER = re.compile(
    r"(?<![\w.])(?P<number>\d+(?:\.\d+)?)(?!\.?\d)"  # 27, 0.958 (not the 5 of 2.5, nor a version like 2.13.0)
    r"(?P<percent>\s?(?:%|শতাংশ|प्रतिशत))?"
)
ARITHMETIC = "=×+−-–/≈·*^<>≤≥"
NOT_PROSE = re.compile(
    r"<!--.*?-->"  # value tokens, output markers and other comments
    r"|`[^`\n]+`"  # inline code
    r"|\$[^$\n]+\$"  # inline maths
    r"|\]\([^)\s]+\)"  # link and image targets
    r"|\{\s*#[\w-]+\s*\}"  # heading ids
)


@dataclass(frozen=True)
class Number:
    value: float
    decimals: int

    @property
    def significant_digits(self) -> int:
        return len(f"{self.value:.{self.decimals}f}".replace(".", "").lstrip("0"))


def parse(text: str) -> Number:
    return Number(float(text), len(text.partition(".")[2]))


def prose_numbers(markdown: str):
    """(line, text, Number) for each number a reader sees in the prose, arithmetic left out."""
    for item in prose_lines(markdown):
        if item.text.lstrip().startswith("--8<--"):
            continue
        line = NOT_PROSE.sub(" ", to_latin_digits(item.text))
        for match in NUMBER.finditer(line):
            before, after = line[: match.start()].rstrip()[-1:], line[match.end() :].lstrip()[:1]
            if before and before in ARITHMETIC or after and after in ARITHMETIC.replace("-", ""):
                continue
            number = parse(match["number"])
            if match["percent"]:
                number = Number(number.value / 100, number.decimals + 2)
            yield item.line, match.group(0).strip(), number


def states(prose: Number, run: Number) -> bool:
    """The prose number is the run's number, written with the same or fewer decimals."""
    return run.decimals >= prose.decimals and abs(run.value - prose.value) <= 0.5 * 10**-prose.decimals + 1e-12


def run_numbers(output: str, recorded: dict, settings: set[float]) -> list[Number]:
    numbers = [parse(m["number"]) for m in NUMBER.finditer(output)]
    numbers += [
        Number(float(v), 12 if isinstance(v, float) else 0) for v in recorded.values() if isinstance(v, (int, float))
    ]
    return [n for n in numbers if n.value not in settings]


def settings_of(module: str, root: Path) -> set[float]:
    """The numbers written in a snippet and the helpers it imports: epochs, sizes, rates (not results).
    A page's settings are those of all its snippets (the Lightning page quotes the Keras page's network)."""
    return {
        float(m["number"])
        for path in local_source_closure(module, root)
        for m in NUMBER.finditer(path.read_text(encoding="utf-8"))
    }


def modules_used(markdown: str, root: Path) -> set[str]:
    used = output_modules(markdown) | value_modules(markdown) | {ref.module for ref in figure_refs(markdown, "")}
    return used | {
        module_name(root / "snippets" / inc.path, root) for inc in includes(markdown) if inc.path.endswith(".py")
    }


def derived_numbers(markdown: str) -> set[float]:
    """Numbers the page works out itself ("0.4² = 0.16", "= (2, 11, 60)"): arithmetic, wherever they recur."""
    derived = set()
    for result in re.finditer(r"=\s*(\([^)]*\)|[\d.]+)", to_latin_digits(markdown)):
        derived.update(float(m["number"]) for m in NUMBER.finditer(result.group(1)))
    return derived


def is_round(number: Number) -> bool:
    """Whole numbers and whole percentages that are multiples of 5 (20 %, 40 epochs): settings and readings."""
    percent = number.value * 100 if number.decimals >= 2 else None
    whole = number.value if number.decimals == 0 else percent
    return whole is not None and abs(whole - round(whole)) < 1e-9 and round(whole) % 5 == 0


def hand_typed_numbers(page: Path, runs: dict, docs: Path, root: Path) -> list[str]:
    """One message per number in the page's prose that one of its snippets produced (``runs``: module -> its
    FigureRun, with ``output`` and the cache ``entry``; ``root``: the project that holds ``snippets/``)."""
    markdown = page.read_text(encoding="utf-8")
    modules = sorted(m for m in modules_used(markdown, root) if m in runs)
    settings = set().union(*(settings_of(module, root) for module in modules)) | derived_numbers(markdown)
    numbers = {module: run_numbers(runs[module].output, recorded_values(runs[module]), settings) for module in modules}
    problems = []
    for line, text, number in prose_numbers(markdown):
        if number.significant_digits < 2 or is_round(number) or number.value in settings:
            continue  # "0.5", "3 layers", "20 %", "40 epochs": too common to say where they came from
        for module, produced in numbers.items():
            if any(states(number, run) for run in produced):
                topic, _, name = module.removeprefix("snippets.").rpartition(".")
                problems.append(
                    f"docs/{page.relative_to(docs).as_posix()}:{line}: "
                    f"'{text}' is a number that {module} prints or records. Insert it from the run with "
                    f"<!-- value: {topic.replace('.', '/')}/{name} NAME:FORMAT --> (record('NAME', value) in the "
                    f"snippet) so that it cannot drift."
                )
                break
    return problems


def recorded_values(run) -> dict:
    path = run.entry / RESULTS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
