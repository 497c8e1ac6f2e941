"""Translators cannot change the answer key: a translated quiz question that marks another option correct, drops
an option or an option's explanation, or changes the kind of question is reported with file, line and the fix
(real pages, damaged in a temporary copy)."""

import pytest

from lessonkit import DOCS_DIR
from lessonkit.markdown.quizzes import quizzes
from tests.support.translation_copies import copy_of_docs, damaged, line_of, problems, reported

FIRST_OPTIONS_BN = (
    "    - [ ] নিউরাল নেটওয়ার্কের জন্য বিশেষ এক ধরনের প্রসেসর।",
    "    - [x] যেকোনো সংখ্যক মাত্রার সংখ্যার অ্যারে।",
)


@pytest.fixture
def docs(tmp_path):
    return copy_of_docs(tmp_path)


def test_every_quiz_page_is_well_formed_and_its_translations_keep_the_answer_key():
    english = {p: quizzes(p.read_text(encoding="utf-8")) for p in DOCS_DIR.rglob("*.md") if p.name.count(".") == 1}
    assert sum(len(found) for found in english.values()) >= 32
    for page, found in english.items():
        assert not [(page, q.line, q.problems) for q in found if q.problems]
        for language in ("bn", "hi"):
            translated = page.with_name(f"{page.stem}.{language}.md")
            if found and translated.exists():
                theirs = quizzes(translated.read_text(encoding="utf-8"))
                assert [(q.kind, q.correct, len(q.options)) for q in theirs] == [
                    (q.kind, q.correct, len(q.options)) for q in found
                ], translated


def test_a_swapped_correct_option_in_a_bengali_copy_is_reported_with_file_line_and_fix(docs):
    wrong, right = FIRST_OPTIONS_BN
    page = damaged(docs, "self-check.bn.md", wrong + "\n", wrong.replace("[ ]", "[x]") + "\n")
    page = damaged(docs, "self-check.bn.md", right, right.replace("[x]", "[ ]"))
    found = problems(page)
    assert len(found) == 1 and reported(
        found,
        f"self-check.bn.md:{line_of(page, wrong.replace('[ ]', '[x]'))}: answer key changed: ",
        "this question marks option 1 correct, ",
        "docs/self-check.md line 12 marks option 2",
        "fix: mark the options as in English, in this order: [ ] [x] [ ]",
    ), found


def test_a_second_option_marked_correct_is_reported(docs):
    wrong, _ = FIRST_OPTIONS_BN
    page = damaged(docs, "self-check.bn.md", wrong + "\n", wrong.replace("[ ]", "[x]") + "\n")
    found = problems(page)
    assert reported(found, "2 options marked [x]: a quiz question has exactly one"), found
    assert reported(found, "answer key changed", "marks option 1, option 2 correct"), found


def test_a_dropped_option_and_a_dropped_explanation_are_reported(docs):
    wrong, _ = FIRST_OPTIONS_BN
    explanation = "\n\n        না: সেটি GPU বা TPU, অর্থাৎ টেনসর নিয়ে হিসাব করার হার্ডওয়্যার। টেনসর হলো ডেটা।\n"
    page = damaged(docs, "self-check.bn.md", wrong + explanation, "")
    found = problems(page)
    assert reported(found, "self-check.bn.md:16: 2 options, ", "docs/self-check.md line 12 has 3"), found
    assert reported(found, "translate each of the 3 options"), found

    page = damaged(copy_of_docs(docs.parent / "again"), "self-check.bn.md", explanation, "\n")
    found = problems(page)
    assert reported(
        found, f"self-check.bn.md:{line_of(page, wrong)}: quiz question: an option without its explanation"
    ), found


def test_a_changed_kind_of_question_and_a_dropped_question_are_reported(docs):
    page = damaged(docs, "self-check.hi.md", '!!! quiz-multi "इनमें से कौन-से न्यूरल', '!!! quiz "इनमें से कौन-से न्यूरल')
    found = problems(page)
    assert reported(
        found, "quiz kind 'quiz', ", "docs/self-check.md line 48 has 'quiz-multi'", "write !!! quiz-multi"
    ), found

    text = page.read_text(encoding="utf-8")
    start = text.index('!!! quiz "सही या ग़लत')
    end = text.index("## पाठ के बाद")
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems(page)
    english = (page.parent / "self-check.md").read_text(encoding="utf-8")
    count = sum(line.startswith(("!!! quiz ", "!!! quiz-multi ")) for line in english.splitlines())
    assert reported(
        found, f"{count - 1} quiz question(s), ", f"docs/self-check.md has {count}", "in the same order, and no others"
    ), found
