"""Quiz questions from Markdown to the page and the notebook: parsed with their lines and problems, rendered as
fieldsets (radio buttons or checkboxes) with hidden explanations and one score box, linked to the quiz files
only on pages that have a question, and written into notebooks with every option's answer."""

import re

import markdown
import pytest
import yaml

from lessonkit import DOCS_DIR, REPO_ROOT, TRANSLATIONS_DIR
from lessonkit.markdown.quizzes import quizzes
from lessonkit.notebooks.convert import page_notebook
from lessonkit.site.quiz_html import QuizError, link_assets, render_quizzes

STRINGS = yaml.safe_load((TRANSLATIONS_DIR / "site_strings.yml").read_text(encoding="utf-8"))["quiz"]
EN = {key: text["en"] for key, text in STRINGS.items()}
PAGE = """# Title

## First

!!! quiz "Which one is `right`?"
    - [ ] This one.

        No: *that* one.

    - [x] That one.

        Yes.

    Because. See [Overfitting](overfitting.md).

!!! quiz-multi "Which are right?"
    - [x] A

        Yes, A.

    - [x] B

        Yes, B.

    - [ ] C

        No, C.

    A and B.

## Second

!!! quiz "Last?"
    - [x] Yes

        Right.

    - [ ] No

        Wrong.

    The end.
"""


def html_of(page: str) -> str:
    return markdown.markdown(render_quizzes(page, EN, "docs/x.md"), extensions=["md_in_html", "attr_list"])


def test_questions_are_read_with_their_kind_answer_key_explanations_and_sections():
    first, multi, last = quizzes(PAGE)
    assert (first.line, first.kind, first.question, first.correct) == (5, "quiz", "Which one is `right`?", (1,))
    assert [o.explanation for o in first.options] == ["No: *that* one.", "Yes."]
    assert first.explanation.startswith("Because.") and first.explanation_line == 14
    assert (multi.kind, multi.correct) == ("quiz-multi", (0, 1))
    assert first.section == multi.section != last.section
    assert not any(q.problems for q in (first, multi, last))


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("    - [x] That one.", "    - [ ] That one.", "0 options marked [x]"),
        ("\n        Yes.\n", "\n", "an option without its explanation"),
        ("    Because. See [Overfitting](overfitting.md).\n", "", "no explanation of the question"),
    ],
)
def test_a_malformed_question_fails_the_build_with_its_line(old, new, problem):
    page = PAGE.replace(old, new, 1)
    assert any(problem in what for _, what in quizzes(page)[0].problems)
    with pytest.raises(QuizError, match=r"docs/x.md: quiz question near line \d+: " + re.escape(problem)):
        render_quizzes(page, EN, "docs/x.md")


def test_questions_become_fieldsets_with_inputs_a_check_button_a_live_region_and_hidden_explanations():
    html = html_of(PAGE)
    assert html.count("<fieldset>") == 3 and html.count("<legend>") == 3
    assert '<legend><span class="quiz-number">1.</span> Which one is <code>right</code>?</legend>' in html
    assert html.count('type="radio"') == 4 and html.count('type="checkbox"') == 3
    assert html.count('aria-live="polite"') == 3 and html.count(">Check</button>") == 3
    assert "<p>No: <em>that</em> one.</p>" in html  # explanations keep their Markdown
    assert html.count('class="quiz-why"') == 7 and html.count('hidden="hidden"') == 7 + 3
    assert html.count('class="quiz-score"') == 2  # one per section
    assert html.count('class="quiz-page"') == 1 and html.count(">Start again</button>") == 1
    assert html.index('class="quiz-page"') > html.index("The end.")
    assert "[x]" not in html and "[ ]" not in html  # the answer key is in data attributes, not in the text
    bengali = {key: text["bn"] for key, text in STRINGS.items()}
    assert '<span class="quiz-number">২.</span>' in render_quizzes(PAGE, bengali, "docs/x.bn.md")


def test_only_pages_with_a_question_link_the_quiz_files():
    head = "<html><head><title>t</title></head><body>{}</body></html>"
    assert link_assets(head.format("<p>No quiz.</p>"), "frameworks/") == head.format("<p>No quiz.</p>")
    linked = link_assets(head.format(html_of(PAGE)), "bn/self-check/")
    assert '<link rel="stylesheet" href="../../stylesheets/quiz.css">' in linked
    assert '<script defer src="../../javascripts/quiz.js"></script></head>' in linked


def test_a_notebook_shows_each_question_with_its_answers_and_explanations():
    page = (DOCS_DIR / "overfitting.md").read_text(encoding="utf-8")
    notebook = page_notebook(page, "PyTorch", "en", "setup", root=REPO_ROOT)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    last = quizzes(page)[-1]
    assert f"**{last.question}**" in text
    for option in last.options:
        assert (f"- ✔ **{option.text}**" if option.correct else f"- ✘ {option.text}") in text
        assert option.explanation.split("\n")[0] in text
    assert "!!! quiz" not in text and "- [x]" not in text
