"""Numbers in prose come from runs: value tokens, what a snippet records, and the gate against hand-typed numbers
(lessonkit/figures/hand_typed_numbers.py), on every page and on damaged copies."""

import json
import shutil
from types import SimpleNamespace

import pytest

from lessonkit import DOCS_DIR, REPO_ROOT
from lessonkit.figures.entry_files import RESULTS_FILE
from lessonkit.figures.hand_typed_numbers import hand_typed_numbers, recorded_values
from lessonkit.languages import counting_digits
from lessonkit.markdown.refs import (
    MissingValue,
    NotANumber,
    insert_values,
    snippet_module,
    value_refs,
)
from snippets.common import results
from tests.support.snippet_runs import pages
from tests.support.throwaway_project import snippet_package, write

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


# --- the gate: no number typed by hand from a run (lessonkit/figures/hand_typed_numbers.py) --------------------


@pytest.mark.parametrize("page", pages(), ids=lambda page: page.relative_to(DOCS_DIR).as_posix())
def test_no_page_types_a_number_from_a_run_by_hand(page, runs):
    problems = hand_typed_numbers(page, runs, DOCS_DIR, REPO_ROOT)
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
    page.write_text(markdown.replace(token, counting_digits(str(best_epoch), "bn")), encoding="utf-8")

    problems = hand_typed_numbers(page, runs, docs, REPO_ROOT)
    assert problems and problems[0].startswith(f"docs/high-level/keras.bn.md:{line}: ")
    assert "snippets.keras.early_stopping prints or records" in problems[0]
    assert "<!-- value: keras/early_stopping NAME:FORMAT -->" in problems[0]


def test_the_gate_reads_percentages_and_leaves_settings_and_arithmetic_alone(tmp_path):
    """The gate itself, on a throw-away project: a snippet that sets 20 epochs and prints its results."""
    snippet_package(tmp_path, {"fit": "EPOCHS = 20\n"})
    entry = tmp_path / "entry"
    entry.mkdir()
    (entry / RESULTS_FILE).write_text(json.dumps({"best_epoch": 27}), encoding="utf-8")
    run = SimpleNamespace(output="epoch 20/20  val_accuracy 0.9639  loss 0.2041  params 2080\n", entry=entry)
    page = tmp_path / "docs" / "page.md"
    write(
        page,
        "<!-- output: demo/fit -->\n\n"
        "After 20 epochs: 96.4 % correct, best epoch 27, 20 % of the loss; 64 × 32 + 32 = 2080 parameters, "
        "2080 in all; about 0.96.\n```\n0.9639\n```\n",
    )
    problems = hand_typed_numbers(page, {"snippets.demo.fit": run}, tmp_path / "docs", tmp_path)
    assert [problem.split("'")[1] for problem in problems] == ["96.4 %", "27", "0.96"]
    assert all(problem.startswith("docs/page.md:3: ") for problem in problems)
