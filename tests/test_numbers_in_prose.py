"""Numbers in prose come from runs: value tokens, what a snippet records, and the gate against hand-typed numbers.

The gate: a number in a page's prose (outside code, value tokens, arithmetic and HTML comments) that a snippet
the page uses printed or recorded, and that is not one of the snippet's own settings, was typed by hand from a
run. It drifts when the run changes; the page must insert it with ``<!-- value: topic/snippet name:format -->``.
"""

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from lessonkit import DOCS_DIR, REPO_ROOT
from lessonkit.figures.build import build_figures
from lessonkit.figures.cache import FigureCache, cache_dir
from lessonkit.markdown.includes import includes
from lessonkit.markdown.refs import (
    MissingValue,
    NotANumber,
    figure_refs,
    insert_values,
    output_modules,
    snippet_module,
    value_modules,
    value_refs,
)
from lessonkit.markdown.structure import prose_lines
from lessonkit.snippets import local_source_closure, module_name
from snippets.common import results

# --- value tokens and record() ----------------------------------------------------------------------------------

PAGE = (
    "Accuracy <!-- value: keras/fit_digits val_accuracy:.1% --> after <!-- value: keras/early_stopping best_epoch -->."
)


def test_value_tokens_are_replaced_by_the_recorded_values_in_each_language():
    recorded = {
        "snippets.keras.fit_digits": {"val_accuracy": 0.96389},
        "snippets.keras.early_stopping": {"best_epoch": 27},
    }
    assert insert_values(PAGE, "docs/x.md", recorded.__getitem__, "en") == "Accuracy 96.4% after 27."
    assert insert_values(PAGE, "docs/x.md", recorded.__getitem__, "hi") == "Accuracy 96.4% after 27."
    # Bengali prose counts in Bengali digits (the glossary's rule); a measured decimal keeps the plot's digits.
    assert insert_values(PAGE, "docs/x.bn.md", recorded.__getitem__, "bn") == "Accuracy 96.4% after ২৭."
    assert [(ref.module, ref.key, ref.spec) for ref in value_refs(PAGE)] == [
        ("snippets.keras.fit_digits", "val_accuracy", ".1%"),
        ("snippets.keras.early_stopping", "best_epoch", ""),
    ]


def test_a_value_the_snippet_did_not_record_stops_the_build_with_page_line_and_snippet():
    with pytest.raises(MissingValue) as error:
        insert_values(
            "Title\n\n" + PAGE, "docs/high-level/keras.md", lambda module: {"val_accuracy": 0.9}, "en", first_line=4
        )
    message = str(error.value)
    assert message.startswith("docs/high-level/keras.md:6: <!-- value: keras/early_stopping best_epoch -->")
    assert "snippets.keras.early_stopping recorded val_accuracy" in message
    assert "snippets/keras/early_stopping.py with record('best_epoch', value)" in message


def test_a_format_that_does_not_fit_the_value_is_reported():
    with pytest.raises(MissingValue, match=r"docs/x.md:1: .*cannot write 'large' with the format ':.1%'"):
        insert_values(PAGE, "docs/x.md", lambda module: {"val_accuracy": "large", "best_epoch": 1}, "en")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_value_that_is_not_a_finite_number_stops_the_build_with_page_line_snippet_and_value(value):
    recorded = {"val_accuracy": value, "best_epoch": 3}
    with pytest.raises(NotANumber) as error:
        insert_values("Title\n\n" + PAGE, "docs/high-level/keras.md", lambda module: recorded, "en", first_line=4)
    message = str(error.value)
    assert message.startswith("docs/high-level/keras.md:6: <!-- value: keras/fit_digits val_accuracy:.1% -->")
    assert f"snippets.keras.fit_digits recorded val_accuracy = {value!r}" in message
    assert "python -m snippets.keras.fit_digits" in message


def test_record_does_nothing_when_run_alone_and_keeps_values_for_the_build(tmp_path, monkeypatch):
    import numpy as np

    monkeypatch.delenv(results.RESULTS_VARIABLE, raising=False)
    results.record("accuracy", 0.9)  # run alone: nothing written anywhere
    target = tmp_path / "results.json"
    monkeypatch.setenv(results.RESULTS_VARIABLE, str(target))
    results.record("accuracy", np.float32(0.25))
    results.record("best_epoch", np.int64(27))
    results.record("chosen", "16 hidden units")
    assert json.loads(target.read_text(encoding="utf-8")) == {
        "accuracy": 0.25,
        "best_epoch": 27,
        "chosen": "16 hidden units",
    }
    with pytest.raises(TypeError, match="a page can quote a number or a text, not list"):
        results.record("losses", [0.5, 0.4])


# --- the gate: no number typed by hand from a run ----------------------------------------------------------------

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
TO_LATIN = str.maketrans("০১২৩৪৫৬৭৮৯०१२३४५६७८९", "0123456789" * 2)


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
        line = NOT_PROSE.sub(" ", item.text.translate(TO_LATIN))
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


def settings_of(module: str) -> set[float]:
    """The numbers written in a snippet and the helpers it imports: epochs, sizes, rates (not results).
    A page's settings are those of all its snippets (the Lightning page quotes the Keras page's network)."""
    return {
        float(m["number"])
        for path in local_source_closure(module, REPO_ROOT)
        for m in NUMBER.finditer(path.read_text(encoding="utf-8"))
    }


def modules_used(markdown: str) -> set[str]:
    used = output_modules(markdown) | value_modules(markdown) | {ref.module for ref in figure_refs(markdown, "")}
    return used | {
        module_name(REPO_ROOT / "snippets" / inc.path) for inc in includes(markdown) if inc.path.endswith(".py")
    }


def derived_numbers(markdown: str) -> set[float]:
    """Numbers the page works out itself ("0.4² = 0.16", "= (2, 11, 60)"): arithmetic, wherever they recur."""
    derived = set()
    for result in re.finditer(r"=\s*(\([^)]*\)|[\d.]+)", markdown.translate(TO_LATIN)):
        derived.update(float(m["number"]) for m in NUMBER.finditer(result.group(1)))
    return derived


def is_round(number: Number) -> bool:
    """Whole numbers and whole percentages that are multiples of 5 (20 %, 40 epochs): settings and readings."""
    percent = number.value * 100 if number.decimals >= 2 else None
    whole = number.value if number.decimals == 0 else percent
    return whole is not None and abs(whole - round(whole)) < 1e-9 and round(whole) % 5 == 0


def hand_typed_numbers(page: Path, runs, docs: Path = DOCS_DIR) -> list[str]:
    """One message per number in the page's prose that one of its snippets produced."""
    markdown = page.read_text(encoding="utf-8")
    modules = sorted(m for m in modules_used(markdown) if m in runs)
    settings = set().union(*(settings_of(module) for module in modules)) | derived_numbers(markdown)
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
    path = run.entry / "results.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def pages(docs: Path = DOCS_DIR) -> list[Path]:
    return sorted(docs.rglob("*.md"))


@pytest.fixture(scope="module")
def runs():
    """Every snippet the pages use, from the build's figure cache (run now if not cached)."""
    users = {}
    for page in pages():
        for module in modules_used(page.read_text(encoding="utf-8")):
            users.setdefault(module, set()).add(str(page.relative_to(REPO_ROOT)))
    return build_figures(users, cache=FigureCache(cache_dir(REPO_ROOT)), root=REPO_ROOT, log=lambda line: None)


@pytest.mark.parametrize("page", pages(), ids=lambda page: page.relative_to(DOCS_DIR).as_posix())
def test_no_page_types_a_number_from_a_run_by_hand(page, runs):
    problems = hand_typed_numbers(page, runs)
    assert not problems, "\n".join(problems)


def test_the_gate_flags_a_number_copied_from_a_run_into_a_damaged_copy(runs, tmp_path):
    """A translator replaces a value token by the number it showed: the gate names the file and line."""
    docs = tmp_path / "docs"
    (docs / "high-level").mkdir(parents=True)
    page = docs / "high-level" / "keras.bn.md"
    shutil.copy(DOCS_DIR / "high-level" / "keras.bn.md", page)
    markdown = page.read_text(encoding="utf-8")
    (token,) = {ref.token for ref in value_refs(markdown) if ref.key == "best_epoch"}
    best_epoch = recorded_values(runs[snippet_module("keras", "early_stopping")])["best_epoch"]
    line = next(i for i, text in enumerate(markdown.split("\n"), start=1) if token in text)
    bengali_digits = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
    page.write_text(markdown.replace(token, str(best_epoch).translate(bengali_digits)), encoding="utf-8")

    problems = hand_typed_numbers(page, runs, docs)
    assert problems and problems[0].startswith(f"docs/high-level/keras.bn.md:{line}: ")
    assert "snippets.keras.early_stopping prints or records" in problems[0]
    assert "<!-- value: keras/early_stopping NAME:FORMAT -->" in problems[0]


def test_the_gate_reads_percentages_and_leaves_settings_and_arithmetic_alone():
    run = run_numbers(
        "epoch 20/20  val_accuracy 0.9639  loss 0.2041  params 2080\n", {"best_epoch": 27}, settings={20.0}
    )
    page = (
        "After 20 epochs: 96.4 % correct, best epoch 27, 20 % of the loss; 64 × 32 + 32 = 2080 parameters, "
        "2080 in all; about 0.96.\n```\n0.9639\n```\n"
    )
    derived = derived_numbers(page)
    found = [
        text
        for _, text, number in prose_numbers(page)
        if number.significant_digits >= 2
        and not is_round(number)
        and number.value not in derived
        and any(states(number, r) for r in run)
    ]
    assert found == ["96.4 %", "27", "0.96"]
