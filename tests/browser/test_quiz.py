"""Quiz questions as learners use them, in headless Chromium: answers right and wrong in en, bn and hi with the
feedback and the score in the page's language and digits, keyboard only (arrow keys move without checking),
the score kept across a reload and cleared by "Start again", and the quiz files loaded only where a quiz is."""

import gzip
import re

import pytest
import yaml

from lessonkit import DOCS_DIR, TRANSLATIONS_DIR
from lessonkit.markdown.quizzes import quizzes
from tests.support.browser_support import AXE_SCRIPT, PageProblems, page_url, serve

pytestmark = pytest.mark.browser
LANGUAGES = ("en", "bn", "hi")
STRINGS = yaml.safe_load((TRANSLATIONS_DIR / "site_strings.yml").read_text(encoding="utf-8"))["quiz"]
QUIZ_FILES = ("javascripts/quiz.js", "stylesheets/quiz.css")
QUIZ_LIMIT = 20 * 1024  # the quiz script and style together, compressed (issue 20)


def strings(language: str) -> dict:
    return {key: text[language] for key, text in STRINGS.items()}


def in_digits(text: str, language: str, **numbers: int) -> str:
    digits = strings(language)["digits"]
    return text.format(**{k: "".join(digits[int(d)] for d in str(n)) for k, n in numbers.items()})


def page_quizzes(language: str):
    suffix = "" if language == "en" else f".{language}"
    return quizzes((DOCS_DIR / f"self-check{suffix}.md").read_text(encoding="utf-8"))


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[`*]", "", text)).strip()


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site[0]) as url:
        yield url


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def open_self_check(context, base_url: str, language: str):
    page = context.new_page()
    problems = PageProblems(page)
    page.goto(page_url(base_url, "self-check", language), wait_until="networkidle")
    return page, problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_then_a_right_answer_get_feedback_that_explains_and_a_score(context, base_url, language):
    page, problems = open_self_check(context, base_url, language)
    text, found = strings(language), page_quizzes(language)
    first, second = found[0], found[1]
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    right = first.correct[0]

    page.locator(f"label[for='quiz-0-{wrong}']").click()
    page.locator("#quiz-0 .quiz-check").click()
    feedback = plain(page.locator("#quiz-0 .quiz-feedback").inner_text())
    assert feedback.startswith("✗ " + text["wrong"]), feedback
    assert plain(first.options[wrong].explanation) in feedback  # why the option picked is wrong
    assert f"{text['correct_answer']} {plain(first.options[right].text)}" in feedback  # and which one is right
    assert plain(first.options[right].explanation) in feedback
    assert page.locator("#quiz-0 .quiz-explanation").is_visible()  # the question's own explanation and link
    assert page.locator("#quiz-0 .quiz-explanation a").count() >= 1
    marks = page.locator("#quiz-0 .quiz-mark").all_inner_texts()  # words and signs, not colour alone
    assert any(text["mark_chosen"] in mark and "✗" in mark for mark in marks), marks
    assert any(text["mark_right"] in mark and "✓" in mark for mark in marks), marks

    page.locator(f"label[for='quiz-1-{second.correct[0]}']").click()
    page.locator("#quiz-1 .quiz-check").click()
    feedback = plain(page.locator("#quiz-1 .quiz-feedback").inner_text())
    assert feedback.startswith("✓ " + text["right"]), feedback
    assert plain(second.options[second.correct[0]].explanation) in feedback
    assert text["correct_answer"] not in feedback

    section = sum(1 for q in found if q.section == first.section)
    assert page.locator(".quiz-score").first.inner_text() == in_digits(
        text["section_score"], language, right=1, total=section
    )
    assert page.locator(".quiz-page-score").inner_text() == in_digits(
        text["page_score"], language, right=1, total=len(found), answered=2
    )
    page.locator(f"label[for='quiz-0-{right}']").click()  # a second try shows why it is right, the score stays
    page.locator("#quiz-0 .quiz-check").click()
    assert plain(page.locator("#quiz-0 .quiz-feedback").inner_text()).startswith("✓ " + text["right"])
    assert page.locator(".quiz-page-score").inner_text() == in_digits(
        text["page_score"], language, right=1, total=len(found), answered=2
    )

    page.add_script_tag(path=str(AXE_SCRIPT))  # with the feedback showing
    violations = page.evaluate(
        "async () => (await axe.run(document.querySelector('article'), {resultTypes: ['violations']})).violations"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    assert not violations, violations
    assert not problems.items, problems.items


def test_keyboard_alone_arrows_move_without_checking_enter_and_space_check(context, base_url):
    page, problems = open_self_check(context, base_url, "en")
    found, text = page_quizzes("en"), strings("en")
    for _ in range(80):  # Tab from the top of the page to the first question
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "quiz-0-0":
            break
    else:
        pytest.fail("Tab never reached the first option of the first question")
    feedback = page.locator("#quiz-0 .quiz-feedback")
    for key, expected in (("ArrowDown", "quiz-0-1"), ("ArrowDown", "quiz-0-2"), ("ArrowUp", "quiz-0-1")):
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.id") == expected
        assert page.locator(f"#{expected}").is_checked()
        assert feedback.inner_text() == "", f"{key} checked the answer"
    assert page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('lesson-quiz'))") == []
    page.keyboard.press("Enter")  # Enter on the chosen option confirms
    assert feedback.inner_text().startswith("✓ " + text["right"]), feedback.inner_text()
    assert found[0].correct == (1,)

    page.keyboard.press("Tab")  # to the Check button, then (past the explanation's link) into the next question
    assert page.evaluate("document.activeElement.classList.contains('quiz-check')")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "quiz-1":
            break
    assert page.evaluate("document.activeElement.name") == "quiz-1"
    page.keyboard.press("ArrowDown")
    assert page.locator("#quiz-1 .quiz-feedback").inner_text() == ""
    page.keyboard.press("Tab")  # the Check button of question 2: Space confirms
    assert page.evaluate("document.activeElement.closest('.quiz').id") == "quiz-1"
    page.keyboard.press("Space")
    assert page.locator("#quiz-1 .quiz-feedback").inner_text() != ""

    multi = next(i for i, q in enumerate(found) if q.kind == "quiz-multi")  # checkboxes: arrows move, Space ticks
    page.locator(f"#quiz-{multi}-0").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == f"quiz-{multi}-1"
    assert not page.locator(f"#quiz-{multi}-0").is_checked() and not page.locator(f"#quiz-{multi}-1").is_checked()
    page.keyboard.press("Space")
    assert page.locator(f"#quiz-{multi}-1").is_checked()
    assert page.locator(f"#quiz-{multi} .quiz-feedback").inner_text() == ""
    assert not problems.items, problems.items


def test_a_reload_keeps_the_score_and_start_again_clears_it(context, base_url):
    page, problems = open_self_check(context, base_url, "hi")
    found, text = page_quizzes("hi"), strings("hi")
    right = found[0].correct[0]
    page.locator(f"label[for='quiz-0-{right}']").click()
    page.locator("#quiz-0 .quiz-check").click()
    score = in_digits(text["page_score"], "hi", right=1, total=len(found), answered=1)
    assert page.locator(".quiz-page-score").inner_text() == score

    page.reload(wait_until="networkidle")
    assert page.locator(".quiz-page-score").inner_text() == score
    assert page.locator(f"#quiz-0-{right}").is_checked()
    assert page.locator("#quiz-0 .quiz-feedback").inner_text().startswith("✓ " + text["right"])

    page.locator(".quiz-restart").click()
    cleared = in_digits(text["page_score"], "hi", right=0, total=len(found), answered=0)
    assert page.locator(".quiz-page-score").inner_text() == cleared
    assert page.locator("#quiz-0 .quiz-feedback").inner_text() == ""
    assert not page.locator(f"#quiz-0-{right}").is_checked()
    page.reload(wait_until="networkidle")
    assert page.locator(".quiz-page-score").inner_text() == cleared
    assert not problems.items, problems.items


def test_bengali_scores_are_in_bengali_digits(context, base_url):
    page, _ = open_self_check(context, base_url, "bn")
    found = page_quizzes("bn")
    page.locator(f"label[for='quiz-0-{found[0].correct[0]}']").click()
    page.locator("#quiz-0 .quiz-check").click()
    score = page.locator(".quiz-page-score").inner_text()
    total = str(len(found)).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
    assert total in score and "১" in score and not re.search(r"[0-9]", score), score


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_pages_with_a_quiz_load_its_files_which_are_small_and_not_inlined(context, base_url, site, language):
    requested = []
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page_url(base_url, "frameworks", language), wait_until="networkidle")
    assert not [url for url in requested if "quiz" in url], requested
    assert page.locator(".quiz").count() == 0

    requested.clear()
    page.goto(page_url(base_url, "self-check", language), wait_until="networkidle")
    assert all(any(url.endswith(name) for url in requested) for name in QUIZ_FILES), requested
    html = (site[0] / ("" if language == "en" else f"{language}/") / "self-check/index.html").read_text()
    script = (site[0] / QUIZ_FILES[0]).read_text()
    assert script[:200] not in html  # linked, not inlined
    compressed = sum(len(gzip.compress((site[0] / name).read_bytes(), 6)) for name in QUIZ_FILES)
    assert compressed <= QUIZ_LIMIT, f"quiz files {compressed / 1024:.1f} KiB compressed"
