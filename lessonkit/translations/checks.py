"""Checks of a translated page against its English source. Each problem names file, line, what is wrong and the fix."""
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from lessonkit import DOCS_DIR, REPO_ROOT, TRANSLATIONS_DIR
from lessonkit.markdown import structure as md
from lessonkit.translations.encoding_repair import looks_garbled, repair_line
from lessonkit.markdown.includes import include_problem, includes
from lessonkit.translations.records import english_path

GLOSSARY_FILE = TRANSLATIONS_DIR / "glossary.yml"
DANGEROUS_HTML = re.compile(
    r"<\s*(?P<tag>script|iframe|object|embed|form|style|link|meta|base)\b"
    r"|\bon[a-z]+\s*=|javascript\s*:|data\s*:\s*text/html",
    re.I,
)
HTML_TAG = re.compile(r"<\s*(?P<tag>[a-zA-Z][\w-]*)")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
ENGLISH_IN_PARENTHESES = re.compile(r"\([A-Za-z][A-Za-z \-–]*\)")


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        where = self.path.relative_to(REPO_ROOT) if self.path.is_relative_to(REPO_ROOT) else self.path
        return f"{where}:{self.line}: {self.message}\n    fix: {self.fix}"


def check_encoding(path: Path) -> tuple[str | None, list[Problem]]:
    """The page's text (None if it is not UTF-8) and its garbled lines, with the repaired text where one exists."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, f"not valid UTF-8 (byte {raw[error.start]:#04x})",
                              "save the file as UTF-8 (without changing the text)")]
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not looks_garbled(line):
            continue
        repaired = repair_line(line)
        if repaired:
            problems.append(Problem(path, number, "garbled text (mojibake: UTF-8 read with the wrong code page)",
                                    f"replace the line with:\n    {repaired}\n    "
                                    f"or run: lessonkit translations fix-encoding {path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path}"))
        else:
            problems.append(Problem(path, number, "garbled or replaced characters (U+FFFD or mojibake) with no automatic repair",
                                    "copy the line again from the original translation"))
    return text, problems


def _compare(path, english_items, translated_items, what, fix) -> list[Problem]:
    problems = []
    for index in range(max(len(english_items), len(translated_items))):
        ours = translated_items[index] if index < len(translated_items) else None
        theirs = english_items[index] if index < len(english_items) else None
        if ours and theirs and ours.text == theirs.text:
            continue
        line = ours.line if ours else (translated_items[-1].line if translated_items else 1)
        expected = f"English line {theirs.line} has {theirs.text!r}" if theirs else "English has nothing more here"
        found = f"this page has {ours.text!r}" if ours else "this page has nothing here"
        problems.append(Problem(path, line, f"{what} differs from English: {expected}, {found}", fix))
        break  # the first difference; the rest usually follow from it
    return problems


def check_parity(path: Path, text: str, english_text: str) -> list[Problem]:
    english_file = english_path(path).relative_to(REPO_ROOT).as_posix() if path.is_relative_to(REPO_ROOT) else "the English page"
    problems = []
    inc = lambda t: [md.Item(i.line, str(i)) for i in includes(t)]  # noqa: E731
    problems += _compare(path, inc(english_text), inc(text), "snippet include",
                         f"use exactly the includes of {english_file}, in the same order")
    for i in includes(text):
        if problem := include_problem(i):
            problems.append(Problem(path, i.line, problem, "point the include at an existing snippet file and section"))
    problems += _compare(path, md.fences(english_text), md.fences(text), "code block",
                         f"copy the code block unchanged from {english_file} (translate prose only, never code)")
    problems += _compare(path, md.figures(english_text), md.figures(text), "figure",
                         f"show the same figures as {english_file}, in the same order (translate only the alt text)")
    problems += _compare(path, md.output_markers(english_text), md.output_markers(text), "output marker",
                         f"keep the '<!-- output: ... -->' lines of {english_file} unchanged")
    problems += _compare(path, md.tab_labels(english_text), md.tab_labels(text), "tab label",
                         'keep tab labels exactly as in English ("PyTorch", "TensorFlow")')
    problems += _compare(path, md.headings(english_text), md.headings(text), "heading structure",
                         f"keep the same headings, with the same levels and order, as {english_file}")
    for link in md.links(text):
        target, _, anchor = link.text.partition("#")
        if re.match(r"^[a-z]+:", target) or target.startswith("/"):
            continue
        linked = (path.parent / target).resolve() if target else english_path(path)
        if not linked.exists():
            problems.append(Problem(path, link.line, f"link to {link.text!r} does not resolve",
                                    "link to an English page name (e.g. overfitting.md); the site maps it to this language"))
        elif anchor and f"{{#{anchor}}}" not in linked.read_text(encoding="utf-8").replace(" }", "}"):
            problems.append(Problem(path, link.line, f"link to {link.text!r}: #{anchor} is not an explicit heading id "
                                    f"in {linked.name}, so it differs between languages",
                                    f"give the heading an id in the English page and every translation: "
                                    f"## Title {{#{anchor}}}"))
    return problems


def check_raw_html(path: Path, text: str, english_text: str) -> list[Problem]:
    english_tags = {m["tag"].lower() for m in HTML_TAG.finditer(english_text)}
    problems = []
    for item in md.prose_lines(text):
        for match in DANGEROUS_HTML.finditer(item.text):
            if match.group(0).lower() not in english_text.lower():
                problems.append(Problem(path, item.line, f"raw HTML {match.group(0)!r} is not allowed in a translation",
                                        "remove it: translations change prose only"))
        for match in HTML_TAG.finditer(item.text):
            tag = match["tag"].lower()
            if tag not in english_tags and not DANGEROUS_HTML.match(match.group(0)):
                problems.append(Problem(path, item.line, f"HTML tag <{tag}> that the English page does not have",
                                        "use Markdown, or the same HTML as the English page"))
    return problems


def load_glossary(path: Path = GLOSSARY_FILE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or [] if path.exists() else []


def check_glossary(path: Path, text: str, language: str, glossary: list[dict]) -> list[Problem]:
    """Report variants the glossary says to avoid, and English terms left in the prose that should be translated."""
    problems = []
    prose = [md.Item(i.line, md.INLINE_CODE.sub("", LINK_TARGET.sub("]", i.text))) for i in md.prose_lines(text)]
    for entry in glossary:
        wanted = entry.get(language)
        for variant in entry.get(f"{language}_avoid", []) or []:
            for item in prose:
                if variant in item.text:
                    problems.append(Problem(path, item.line, f"uses {variant!r} for '{entry['term']}'",
                                            f"use the glossary term {wanted!r} (translations/glossary.yml)"))
        if entry.get("keep_english") or not wanted:
            continue
        english_word = re.compile(rf"(?<![\w(-]){re.escape(entry['term'])}(?![\w-])", re.I)
        for item in prose:
            # The English term in parentheses after the translation, "গড় বর্গ ত্রুটি (mean squared error)",
            # is a good habit: allowed.
            if english_word.search(ENGLISH_IN_PARENTHESES.sub("", item.text)):
                problems.append(Problem(path, item.line, f"English term '{entry['term']}' left in the prose",
                                        f"write {wanted!r} (translations/glossary.yml), or mark it keep_english there"))
    return problems


def check_translation(path: Path, glossary: list[dict] | None = None) -> list[Problem]:
    """Every check on one translated page."""
    language = path.name.rsplit(".", 2)[1]
    text, problems = check_encoding(path)
    if text is None:
        return problems
    english = english_path(path)
    if not english.exists():
        return problems + [Problem(path, 1, f"no English page {english.name} for this translation",
                                   "rename the file after its English page, or delete it")]
    english_text = english.read_text(encoding="utf-8")
    problems += check_parity(path, text, english_text)
    problems += check_raw_html(path, text, english_text)
    problems += check_glossary(path, text, language, load_glossary() if glossary is None else glossary)
    return problems


def translated_pages(docs_dir: Path = DOCS_DIR) -> list[Path]:
    return sorted(p for p in docs_dir.rglob("*.md") if re.search(r"\.(bn|hi)\.md$", p.name))
