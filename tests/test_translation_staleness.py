"""An outdated translation lists the blocks whose English changed since its stamp, with the English before and
now, and the sections they sit in; blocks whose English did not change are not listed."""

import re

import pytest

from lessonkit.translations.records import translation_state
from lessonkit.translations.staleness import changed_sections, changes_report, english_changes
from tests.translation_copies import copy_of_docs, damaged


@pytest.fixture
def docs(tmp_path):
    return copy_of_docs(tmp_path)


def test_one_changed_english_paragraph_is_the_one_block_to_update(docs):
    bengali = (docs / "overfitting.bn.md").read_text()
    damaged(
        docs,
        "overfitting.md",
        "Take five points that lie near a straight line",
        "Take five points that lie close to a straight line",
    )
    state = translation_state(docs / "overfitting.md", "bn")
    assert state.state == "outdated"
    (change,) = english_changes(state)
    first = bengali.split("\n").index(next(line for line in bengali.split("\n") if line.startswith("একটি সরলরেখার")))
    assert (change.kind, change.first, change.last) == ("changed", first + 1, first + 2)
    assert change.before.startswith("Take five points that lie near") and change.now.startswith(
        "Take five points that lie close"
    )
    assert changed_sections([change]) == [("পাঁচটি বিন্দু, দুটি মডেল", None)]
    report = changes_report(state)
    assert f'overfitting.bn.md lines {first + 1}-{first + 2}, section "পাঁচটি বিন্দু, দুটি মডেল": English changed' in report
    assert "before: Take five points that lie near" in report and "now:    Take five points that lie close" in report
    assert "1 block(s) to update" in report


def test_new_and_removed_english_blocks_are_placed_in_the_translation(docs):
    damaged(docs, "overfitting.md", "## What helps\n", "## What helps\n\nA new paragraph.\n")
    damaged(
        docs,
        "overfitting.md",
        "The opposite problem is **underfitting**: a model too simple for the rule in the data, with high error\non training and validation data alike.\n\n",
        "",
    )
    changes = english_changes(translation_state(docs / "overfitting.md", "hi"))
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
    assert english_changes(state) is None
    assert "is not in this git repository" in changes_report(state)
