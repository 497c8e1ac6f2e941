"""Quiz questions (``lessonkit.markdown.quizzes``) as accessible HTML: a fieldset whose legend is the question,
a radio button or checkbox per option, a Check button, a live region for the feedback, each option's explanation
and the question's explanation (hidden until the learner answers), a score per section and per page, and
"Start again". ``docs/javascripts/quiz.js`` and ``docs/stylesheets/quiz.css`` (linked only from pages that have
a question, as files the browser caches) make them work; the interface strings come in the page's language.

The HTML keeps Markdown inside (``md_in_html``), so code, emphasis and links in questions and explanations are
rendered, and their links resolved, like the rest of the page.
"""

import html
import json
import re

from lessonkit.markdown.quizzes import Quiz, quizzes

ASSETS = ("stylesheets/quiz.css", "javascripts/quiz.js")
QUIZ_MARK = 'class="quiz"'


class QuizError(ValueError):
    pass


def _digits(number: int, strings: dict) -> str:
    """The number in the page's digits (Bengali pages: ১, ২, ৩)."""
    return "".join(strings["digits"][int(digit)] for digit in str(number))


def _question(quiz: Quiz, index: int, number: int, strings: dict) -> str:
    name = f"quiz-{index}"
    kind = "checkbox" if quiz.kind == "quiz-multi" else "radio"
    correct = " ".join(map(str, quiz.correct))
    out = [
        f'<div class="quiz" id="{name}" data-quiz="{index}" data-section="{quiz.section}" '
        f'data-correct="{correct}" markdown="1">',
        '<fieldset markdown="1">',
        f'<legend markdown="span"><span class="quiz-number">{_digits(number, strings)}.</span> {quiz.question}</legend>',
    ]
    if quiz.kind == "quiz-multi":
        out.append(f'<p class="quiz-hint">{html.escape(strings["choose_all"])}</p>')
    for i, option in enumerate(quiz.options):
        out.append(
            f'<div class="quiz-option" markdown="span"><input type="{kind}" name="{name}" id="{name}-{i}" '
            f'value="{i}"><label for="{name}-{i}">{option.text}</label></div>'
        )
    out += [
        "</fieldset>",
        f'<p class="quiz-actions"><button type="button" class="quiz-check quiz-button">'
        f"{html.escape(strings['check'])}</button></p>",
        '<div class="quiz-feedback" role="status" aria-live="polite"></div>',
    ]
    for i, option in enumerate(quiz.options):
        out += [f'<div class="quiz-why" data-option="{i}" hidden markdown="1">', "", option.explanation, "", "</div>"]
    out += ['<div class="quiz-explanation" hidden markdown="1">', "", quiz.explanation, "", "</div>", "</div>", ""]
    return "\n".join(out)


def _page_box(strings: dict, sections: int) -> str:
    data = html.escape(json.dumps(strings, ensure_ascii=False), quote=True)
    return (
        f'<div class="quiz-page" data-strings="{data}" data-sections="{sections}">\n'
        '<p class="quiz-page-score"></p>\n'
        f'<p><button type="button" class="quiz-restart quiz-button">{html.escape(strings["start_again"])}</button></p>\n'
        "</div>\n"
    )


def render_quizzes(markdown: str, strings: dict, where: str) -> str:
    """The page with its quiz questions as HTML; ``strings``: the interface strings in the page's language."""
    found = quizzes(markdown)
    if not found:
        return markdown
    for quiz in found:
        for line, what in quiz.problems:
            raise QuizError(f"{where}: quiz question near line {line}: {what}")
    lines = markdown.split("\n")
    sections = sorted({quiz.section for quiz in found})
    out, previous, number = [], 0, 0
    for index, quiz in enumerate(found):
        out += lines[previous : quiz.line - 1]
        first_of_section = index == 0 or found[index - 1].section != quiz.section
        number = 1 if first_of_section else number + 1
        indent = len(lines[quiz.line - 1]) - len(lines[quiz.line - 1].lstrip(" "))
        block = _question(quiz, index, number, strings)
        last_of_section = index + 1 == len(found) or found[index + 1].section != quiz.section
        if last_of_section and len(sections) > 1:
            block += f'<p class="quiz-score" data-section="{quiz.section}"></p>\n'
        if index + 1 == len(found):
            block += _page_box(strings, len(sections))
        out += [(" " * indent + line) if line.strip() else line for line in ["", *block.split("\n")]]
        previous = quiz.end
    out += lines[previous:]
    return "\n".join(out)


HEAD_END = re.compile(r"</head>")


def link_assets(output: str, page_url: str) -> str:
    """Pages with a quiz load its style and script (files, cached across pages); other pages load neither."""
    if QUIZ_MARK not in output:
        return output
    root = "../" * page_url.count("/")
    links = f'<link rel="stylesheet" href="{root}{ASSETS[0]}"><script defer src="{root}{ASSETS[1]}"></script>'
    return HEAD_END.sub(lambda _: links + "</head>", output, count=1)
