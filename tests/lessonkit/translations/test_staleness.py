"""An outdated translation lists the blocks whose English changed since its stamp, with the English before and
now, and the sections they sit in; blocks whose English did not change are not listed."""

import re

import pytest

from lessonkit import REPO_ROOT
from lessonkit.markdown import blocks
from lessonkit.translations import alignment
from lessonkit.translations.records import translation_state
from lessonkit.translations.staleness import changed_sections, changes_report, english_changes
from tests.support.translation_copies import copy_of_docs, damaged


@pytest.fixture(autouse=True, params=["memoised parse", "fresh parse"])
def parse_mode(request, monkeypatch):
    """Every test runs twice: with the memoised parse, and with a parse that returns new objects on each call (the
    report must not rely on getting the same block objects back)."""
    if request.param == "fresh parse":
        monkeypatch.setattr(alignment, "parse", blocks.parse.__wrapped__)
    return request.param


@pytest.fixture
def docs(tmp_path):
    return copy_of_docs(tmp_path)


def as_translated(docs, page: str, language: str) -> None:
    """The copy's English page as the translation was made from it (its stamp): the damage is then the only change,
    however far the real English page has moved on since."""
    english = translation_state(docs / page, language).recorded_english(REPO_ROOT)
    assert english is not None, f"{page}: the English version its {language} translation records is not in git"
    (docs / page).write_text(english, encoding="utf-8")


def test_one_changed_english_paragraph_is_the_one_block_to_update(docs):
    bengali = (docs / "overfitting.bn.md").read_text()
    as_translated(docs, "overfitting.md", "bn")
    damaged(
        docs,
        "overfitting.md",
        "Take five points that lie near a straight line",
        "Take five points that lie close to a straight line",
    )
    state = translation_state(docs / "overfitting.md", "bn")
    assert state.state == "outdated"
    (change,) = english_changes(state, REPO_ROOT)
    first = bengali.split("\n").index(next(line for line in bengali.split("\n") if line.startswith("একটি সরলরেখার")))
    assert (change.kind, change.first, change.last) == ("changed", first + 1, first + 2)
    assert change.before.startswith("Take five points that lie near") and change.now.startswith(
        "Take five points that lie close"
    )
    assert changed_sections([change]) == [("পাঁচটি বিন্দু, দুটি মডেল", None)]
    report = changes_report(state, REPO_ROOT)
    assert f'overfitting.bn.md lines {first + 1}-{first + 2}, section "পাঁচটি বিন্দু, দুটি মডেল": English changed' in report
    assert "before: Take five points that lie near" in report and "now:    Take five points that lie close" in report
    assert "1 block(s) to update" in report


def test_new_and_removed_english_blocks_are_placed_in_the_translation(docs):
    as_translated(docs, "overfitting.md", "hi")
    damaged(docs, "overfitting.md", "## What helps\n", "## What helps\n\nA new paragraph.\n")
    damaged(
        docs,
        "overfitting.md",
        "The opposite problem is **underfitting**: a model too simple for the rule in the data, with high error\non training and validation data alike.\n\n",
        "",
    )
    changes = english_changes(translation_state(docs / "overfitting.md", "hi"), REPO_ROOT)
    assert [c.kind for c in changes] == ["removed", "new"], changes
    removed, new = changes
    assert removed.before.startswith("The opposite problem is **underfitting**") and removed.now == ""
    assert new.now == "A new paragraph." and new.where.startswith("after line ")
    hindi = (docs / "overfitting.hi.md").read_text().split("\n")
    assert hindi[new.first - 1].startswith("## ")  # the new paragraph goes right below the heading
    assert [title for title, _ in changed_sections(changes)][1:] == [hindi[new.first - 1][3:].strip()]


def test_unknown_english_version_is_said(docs):
    page = docs / "index.bn.md"
    page.write_text(re.sub(r"translation_of: [0-9a-f]{40}", "translation_of: " + "0" * 40, page.read_text()))
    state = translation_state(docs / "index.md", "bn")
    assert english_changes(state, REPO_ROOT) is None
    assert "is not in this git repository" in changes_report(state, REPO_ROOT)


def test_counterparts_are_found_in_another_parse_of_the_same_page():
    english = "# Title\n\nOne paragraph.\n\n- an item\n- another\n"
    translated = "# শিরোনাম\n\nএকটি অনুচ্ছেদ।\n\n- একটি\n- আরেকটি\n"
    pairs = alignment.align(english, translated)
    fresh = blocks.parse.__wrapped__(translated)
    assert fresh[1] is not blocks.parse(translated)[1]  # another object, the same block
    assert pairs.counterpart(fresh[1]).text == "One paragraph."
