"""The answer key of a translated page's quizzes is the English page's: the same questions, of the same kind, with
the same number of options, the same options marked correct, and an explanation for every option and question."""

from pathlib import Path

from lessonkit.markdown.quizzes import Quiz, quizzes
from lessonkit.translations.problems import Problem


def _marks(quiz: Quiz) -> str:
    return " ".join("[x]" if option.correct else "[ ]" for option in quiz.options)


def _letters(indexes) -> str:
    return ", ".join(f"option {i + 1}" for i in indexes) or "none"


def quiz_key_problems(path: Path, text: str, english_text: str, english_file: str) -> list[Problem]:
    english, translated = quizzes(english_text), quizzes(text)
    problems = [
        Problem(
            path,
            line,
            f"quiz question: {what}",
            "write it in the form of the English question: options - [x] / - [ ], each with its explanation",
        )
        for quiz in translated
        for line, what in quiz.problems
    ]
    if len(english) != len(translated):
        line = (
            translated[len(english)].line
            if len(translated) > len(english)
            else (translated[-1].end if translated else 1)
        )
        problems.append(
            Problem(
                path,
                line,
                f"{len(translated)} quiz question(s), {english_file} has {len(english)}",
                f"translate every question of {english_file} (lines "
                + ", ".join(str(q.line) for q in english)
                + "), in the same order, and no others",
            )
        )
        return problems  # which question is missing or extra: the block checks say where; pairing would mislead
    for ours, theirs in zip(translated, english):
        where = f"{english_file} line {theirs.line}"
        if ours.kind != theirs.kind:
            problems.append(
                Problem(
                    path,
                    ours.line,
                    f"quiz kind {ours.kind!r}, {where} has {theirs.kind!r}",
                    f"write !!! {theirs.kind} as in English",
                )
            )
        if len(ours.options) != len(theirs.options):
            problems.append(
                Problem(
                    path,
                    ours.line,
                    f"{len(ours.options)} options, {where} has {len(theirs.options)}",
                    f"translate each of the {len(theirs.options)} options of {where}, in the same order "
                    "(none left out, none added)",
                )
            )
        elif ours.correct != theirs.correct:
            first = next(i for i, (a, b) in enumerate(zip(ours.options, theirs.options)) if a.correct != b.correct)
            problems.append(
                Problem(
                    path,
                    ours.options[first].line,
                    f"answer key changed: this question marks {_letters(ours.correct)} correct, {where} marks "
                    f"{_letters(theirs.correct)}",
                    f"mark the options as in English, in this order: {_marks(theirs)} "
                    "(only the text is translated, never the [x] marks)",
                )
            )
    return problems
