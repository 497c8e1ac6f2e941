"""Quiz questions in a page (the format: ``!!! quiz "Question?"`` with ``- [x]`` / ``- [ ]`` options, each with
its explanation, then the question's explanation). Read once per page text (memoised): the site renders them, the
notebooks write them with their answers, the translation checks compare their answer key with the English page's.

```markdown
!!! quiz "What is a tensor?"
    - [ ] A special processor for neural networks.

        No: that is hardware ...

    - [x] An array of numbers with any number of dimensions.

        Yes: ...

    A number is a 0-dimensional tensor ... See [Tensors](low-level/tensors-and-gradients.md#tensors).
```

``quiz`` has exactly one correct option (radio buttons); ``quiz-multi`` one or more (checkboxes). Consecutive
questions under one heading form a section; the site scores each section and the page.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from lessonkit.markdown.structure import FENCE_OPEN, front_matter_end

QUIZ_OPEN = re.compile(r'^(?P<indent> *)!!!\s+(?P<kind>quiz|quiz-multi)(?:\s+"(?P<question>[^"]*)")?\s*$')
OPTION = re.compile(r"^- \[(?P<mark>[xX ]?)\]\s*(?P<text>.*)$")
HEADING = re.compile(r"^#{1,6}\s+(?P<title>.*?)\s*(?:\{\s*#[\w-]+\s*\})?\s*$")
KINDS = ("quiz", "quiz-multi")


@dataclass(frozen=True)
class Option:
    line: int  # 1-based line in the file
    correct: bool
    text: str  # one line of inline Markdown
    explanation: str  # Markdown, indentation removed
    explanation_line: int  # 0 when the option has none


@dataclass(frozen=True)
class Quiz:
    line: int  # the ``!!! quiz`` line
    end: int  # last line of the block
    kind: str  # "quiz" or "quiz-multi"
    question: str
    options: tuple[Option, ...]
    explanation: str  # the question's explanation, Markdown
    explanation_line: int  # 0 when it has none
    section: int  # questions with the same number form a section (the same heading, no other block between)
    problems: tuple[tuple[int, str], ...]  # (line, what is wrong) in the block's own form

    @property
    def correct(self) -> tuple[int, ...]:
        return tuple(i for i, option in enumerate(self.options) if option.correct)


def _dedent(line: str, columns: int) -> str:
    return line[columns:] if line[:columns].strip() == "" else line.lstrip(" ")


def _paragraphs(lines: list[tuple[int, str]]) -> tuple[str, int]:
    """Markdown of indented lines (trailing blank lines dropped) and its first line number (0 when empty)."""
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    while lines and not lines[0][1].strip():
        lines = lines[1:]
    return "\n".join(text for _, text in lines), (lines[0][0] if lines else 0)


def _quiz(kind: str, question: str, opened: int, body: list[tuple[int, str]], section: int) -> Quiz:
    options: list[tuple[int, bool, str, list]] = []
    general: list[tuple[int, str]] = []
    problems: list[tuple[int, str]] = []
    for number, text in body:
        option = OPTION.match(text)
        if option and not general:
            options.append((number, option["mark"] in "xX" and option["mark"] != "", option["text"].strip(), []))
        elif text.strip() and not text.startswith(" ") and options:
            general.append((number, text))
        elif general:
            general.append((number, text))
        elif options:
            options[-1][3].append((number, _dedent(text, 4)))
        elif text.strip():
            problems.append((number, "text before the first option"))
    built = []
    for number, correct, text, explanation in options:
        markdown, first = _paragraphs(explanation)
        built.append(Option(number, correct, text, markdown, first))
        if not text:
            problems.append((number, "an option without text"))
        if not first:
            problems.append((number, "an option without its explanation (indented by 8 spaces under it)"))
    explanation, explanation_line = _paragraphs(general)
    end = body[-1][0] if body else opened
    if not question.strip():
        problems.append((opened, 'no question: write it as the title, !!! quiz "Question?"'))
    if len(built) < 2:
        problems.append((opened, f"{len(built)} option(s): a question needs 2 to 6 options, - [x] or - [ ]"))
    marked = sum(option.correct for option in built)
    if kind == "quiz" and built and marked != 1:
        problems.append((opened, f"{marked} options marked [x]: a quiz question has exactly one (or use quiz-multi)"))
    if kind == "quiz-multi" and built and marked < 1:
        problems.append((opened, "no option marked [x]: mark the correct option(s)"))
    if not explanation_line:
        problems.append((end, "no explanation of the question after its options (indented by 4 spaces)"))
    return Quiz(
        opened, end, kind, question.strip(), tuple(built), explanation, explanation_line, section, tuple(problems)
    )


@lru_cache(maxsize=256)
def quizzes(markdown: str) -> tuple[Quiz, ...]:
    """Every quiz question of the page, in page order."""
    lines = markdown.split("\n")
    found, section, i, fence, previous_end = [], 0, front_matter_end(lines), None, None
    while i < len(lines):
        text = lines[i]
        if fence:
            if text.strip().startswith(fence) and set(text.strip()) == {fence[0]}:
                fence = None
            i += 1
            continue
        if opening := FENCE_OPEN.match(text):
            fence = opening["fence"]
        elif HEADING.match(text):
            section += 1
        elif match := QUIZ_OPEN.match(text):
            indent = len(match["indent"]) + 4
            j, body = i + 1, []
            while j < len(lines) and (not lines[j].strip() or lines[j][:indent].strip() == ""):
                body.append((j + 1, lines[j][indent:]))
                j += 1
            while body and not body[-1][1].strip():
                body.pop()
            if previous_end is not None and any(t.strip() for t in lines[previous_end:i]):
                section += 1  # another block between two questions: a new section
            found.append(_quiz(match["kind"], match["question"] or "", i + 1, body, section))
            previous_end = i + 1 + len(body)
            i = previous_end
            continue
        i += 1
    return tuple(found)
