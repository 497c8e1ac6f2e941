"""Style a native reader of the Bengali and Hindi pages asks for, checked where a program can tell.

- one quote style per page (the pages write straight quotes "..." like the English ones);
- Bengali: a number in one script per paragraph (৪০০টি ইপক ... 400), a range or list in one script (১ থেকে 10);
  the personal pronouns সে / তাকে (he, she) not used for things;
- names the glossary keeps in Latin letters (Jupyter, Keras) not spelt out in Bengali or Devanagari letters
  (``latin_names.py``);
- Hindi: one nukta spelling per word across all Hindi pages, figure and site strings and the glossary (ख़ुद, not
  खुद next to it: the nukta is written in Perso-Arabic and English loanwords);
- figure words that say a glossary term another way than the glossary (``figure_words.py``).

The shared strings (``site_strings.yml``, ``plot_strings.yml``) are checked once per language, with its home page.
"""

import re
import unicodedata
from pathlib import Path

import yaml

from lessonkit.languages import to_latin_digits
from lessonkit.markdown.blocks import outline, parse
from lessonkit.markdown.structure import prose_lines
from lessonkit.markdown.syntax import ADMONITION, container_header, mask_not_prose
from lessonkit.translation_files import GLOSSARY, PLOT_STRINGS, SITE_STRINGS, translations_dir
from lessonkit.translations.figure_words import figure_word_problems, load_plot_strings, nfc
from lessonkit.translations.latin_names import INDIC_WORD, MOST_REPORTED, NUKTA, name_problems
from lessonkit.translations.problems import Problem, capped, shown_path

SITE_STRINGS_FILE = translations_dir() / SITE_STRINGS
GLOSSARY_FILE = translations_dir() / GLOSSARY
PLOT_STRINGS_FILE = translations_dir() / PLOT_STRINGS
LOAN_NUKTA = re.compile("([कखगजफ])" + NUKTA)  # क़ ख़ ग़ ज़ फ़; ड़ ढ़ are letters of their own (मोड mode, मोड़ turn)
QUOTES = {"straight": '"', "curly": "“”"}


def mask(text: str) -> str:
    """``text`` with code, comments (value tokens), HTML, link targets, maths and attribute lists blanked out;
    positions and line breaks stay where they were."""
    return mask_not_prose(text)


def prose(text: str) -> list[tuple[int, str]]:
    """(line, text) of each prose line, outside code, with what is not prose blanked and syntax quotes removed."""
    lines = []
    for item in prose_lines(text):
        line = item.text
        if header := container_header(line):  # a container's header: only its title is prose
            name = "title" if header.re is ADMONITION else "label"
            line = " " * header.start(name) + (header[name] or "") if header[name] else ""
        lines.append((item.line, nfc(mask(line))))
    return lines


def quote_problems(path: Path, lines: list[tuple[int, str]]) -> list[Problem]:
    found = {style: [n for n, line in lines for ch in line if ch in marks] for style, marks in QUOTES.items()}
    if not all(found.values()):
        return []
    kept = max(QUOTES, key=lambda style: (len(found[style]), style == "straight"))
    other = next(style for style in QUOTES if style != kept)
    shown = {"straight": '"..."', "curly": "“...”"}
    return capped(
        path,
        [
            Problem(
                path,
                n,
                f"{shown[other]} quotes, while this page writes {shown[kept]} ({len(found[kept])} marks)",
                f"write {shown[kept]}: one quote style per page",
            )
            for n in sorted(set(found[other]))
        ],
        "quote",
        MOST_REPORTED,
    )


# --- Bengali ----------------------------------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.,])[0-9০-৯]+(?:[.,][0-9০-৯]+)*(?![A-Za-z_])")
ENUMERATION = re.compile(
    r'(?m)(?:^\s*|(?<=")\s*)[0-9০-৯]+[.)](?=\s)'
)  # "১. question", "1. step": not numbers of the text
JOINED = re.compile(r"^\s*(?:থেকে|–|—|-|…|,|ও|আর|বা|এবং)\s*$")  # "১ থেকে 10", "১, ৫ আর 10"
PERSONAL = re.compile(r"(?<![\u0980-\u09FF])(?P<word>সে|তাকে)(?![\u0980-\u09FF])")
FOR_THINGS = {"সে": "এটি / এটা", "তাকে": "এটিকে / সেটিকে"}
PROSE_BLOCKS = {"heading", "paragraph", "figure", "item", "row", "admonition"}


def _script(number: str) -> str:
    return "Bengali" if to_latin_digits(number) != number else "Latin"


def digit_script_problems(path: Path, text: str) -> list[Problem]:
    """A number written in both scripts in one paragraph, or a range or list of numbers in two scripts."""
    rule = (
        "Bengali digits for counts in running prose (৪০০টি ইপক), Latin digits for values set in code or read "
        "off a plot (0.5, ফিচার 1); reword so that one number is not needed in both (translations/glossary.yml)"
    )
    problems = []
    for placed in outline(parse(text)):
        block = placed.block
        if block.kind not in PROSE_BLOCKS:
            continue
        body = ENUMERATION.sub(lambda m: " " * len(m.group(0)), mask(block.text))
        numbers = list(NUMBER.finditer(body))

        def line_of(m, block=block, body=body) -> int:
            return block.start + body[: m.start()].count("\n")

        by_value: dict[str, list] = {}
        for m in numbers:
            by_value.setdefault(to_latin_digits(m.group(0)), []).append(m)
        for value, found in by_value.items():
            scripts = {_script(m.group(0)): m for m in found}
            if len(scripts) == 2:
                b, latin = scripts["Bengali"], scripts["Latin"]
                problems.append(
                    Problem(
                        path,
                        line_of(latin),
                        f"the number {value} is written {b.group(0)} (line "
                        f"{line_of(b)}) and {latin.group(0)} in one paragraph",
                        f"use one script: {rule}",
                    )
                )
        for a, b in zip(numbers, numbers[1:]):
            if _script(a.group(0)) != _script(b.group(0)) and JOINED.match(body[a.end() : b.start()]):
                joined = body[a.start() : b.end()]
                problems.append(
                    Problem(
                        path,
                        line_of(a),
                        f"{joined!r} joins numbers in two scripts",
                        f"write both in one script: {rule}",
                    )
                )
    return capped(path, problems, "digit-script", MOST_REPORTED)


def pronoun_problems(path: Path, lines: list[tuple[int, str]]) -> list[Problem]:
    problems = [
        Problem(
            path,
            n,
            f"'{m['word']}' (he, she) stands for a thing here: the lesson speaks of no person but the reader (আপনি)",
            f"write {FOR_THINGS[m['word']]}, or name the thing (মডেলটি, লেয়ারটি)",
        )
        for n, line in lines
        for m in PERSONAL.finditer(line)
    ]
    return capped(path, problems, "pronoun", MOST_REPORTED)


# --- Hindi nukta ----------------------------------------------------------------------------------------------------


def _without_nukta(word: str) -> str:
    return unicodedata.normalize("NFC", LOAN_NUKTA.sub(r"\1", unicodedata.normalize("NFD", word)))


def _nuktas(word: str) -> int:
    return len(LOAN_NUKTA.findall(unicodedata.normalize("NFD", word)))


def hindi_spellings(docs_root: Path, glossary: list[dict]) -> dict[str, tuple[str, str]]:
    """For each word written with a nukta anywhere in Hindi: its form without nukta -> (the nukta spelling, where)."""
    # The glossary's Hindi terms, and the spellings its notes give (every form: मुक़ाबला, मुक़ाबले).
    sources = [
        (shown_path(GLOSSARY_FILE), 0, e[key])
        for e in glossary
        for key in ("hi", "note")
        if isinstance(e.get(key), str)
    ]
    sources += [(shown_path(f), n, s) for f, n, s in shared_strings("hi")]
    for page in sorted(docs_root.rglob("*.hi.md")):
        sources += [(shown_path(page), n, line) for n, line in prose(page.read_text(encoding="utf-8"))]
    spellings: dict[str, tuple[str, str]] = {}
    for where, n, text in sources:
        for word in INDIC_WORD.findall(nfc(text)):
            known = spellings.get(_without_nukta(word))
            if _nuktas(word) and (known is None or _nuktas(word) > _nuktas(known[0])):
                spellings[_without_nukta(word)] = (word, f"{where} line {n}" if n else where)
    return spellings


def nukta_problems(path: Path, lines: list[tuple[int, str]], spellings: dict[str, tuple[str, str]]) -> list[Problem]:
    problems = []
    for n, line in lines:
        for word in INDIC_WORD.findall(line):
            wanted = spellings.get(_without_nukta(word))
            if wanted and _nuktas(word) < _nuktas(wanted[0]):
                problems.append(
                    Problem(
                        path,
                        n,
                        f"{word!r} without the nukta that {wanted[0]!r} has ({wanted[1]})",
                        f"write {wanted[0]!r}: Hindi pages write the nukta in Perso-Arabic and English "
                        "loanwords (ख़ुद, क़ीमत, फ़र्क़, फ़्रेमवर्क), translations/glossary.yml",
                    )
                )
    return capped(path, problems, "nukta", MOST_REPORTED)


# --- Size and shape ---------------------------------------------------------------------------------------------

# What may stand between a word and the term after it: a Bengali genitive ending (ব্যাচের), a Hindi plural ending and
# postposition (सेटों के), then a space, a line break or a hyphen (चरण-आकार).
LINKS = {"bn": r"(?:গুলোর|গুলির|ের|এর|র)?", "hi": r"(?:ों|ें)?(?:\s+(?:का|के|की))?"}


def size_problems(path: Path, lines: list[tuple[int, str]], language: str, glossary: list[dict]) -> list[Problem]:
    """The shape term (আকার / आकार) right after a word whose size is meant (batch, step, set), as the glossary's
    "size" entry lists them in ``bn_size_of`` / ``hi_size_of``: a batch has a size, a tensor has a shape."""
    shape = next((e.get(language) for e in glossary if e.get("term") == "shape"), None)
    size = next((e for e in glossary if e.get("term") == "size"), None)
    words = (size or {}).get(f"{language}_size_of") or []
    if not shape or not words or language not in LINKS:
        return []
    pattern = re.compile(
        rf"(?<![\u0900-\u09FF])(?:{'|'.join(map(re.escape, words))}){LINKS[language]}[\s-]+{re.escape(shape)}"
        r"(?![\u0900-\u09FF])"
    )
    text = "\n".join(line for _, line in lines)  # a phrase may run over a line break
    starts = [0]
    for _, line in lines:
        starts.append(starts[-1] + len(line) + 1)
    problems = []
    for m in pattern.finditer(text):
        n = lines[max(i for i, start in enumerate(starts[:-1]) if start <= m.start())][0]
        phrase = " ".join(m.group(0).split())
        wanted = phrase[: -len(shape)] + size[language]
        problems.append(
            Problem(
                path,
                n,
                f"{phrase!r} uses {shape!r}, the glossary's word for the shape of a tensor, for a size",
                f"write {wanted!r} (translations/glossary.yml, 'size')",
            )
        )
    return capped(path, problems, "size", MOST_REPORTED)


# --- Shared strings, and the entry point -------------------------------------------------------------------------


def shared_strings(language: str) -> list[tuple[Path, int, str]]:
    """(file, line, text) of every site and figure string in ``language``."""
    found = []

    def walk(node):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == language and isinstance(value, yaml.ScalarNode):
                    found.append((SITE_STRINGS_FILE, value.start_mark.line + 1, value.value))
                walk(value)

    walk(yaml.compose(SITE_STRINGS_FILE.read_text(encoding="utf-8")))
    found += [
        (PLOT_STRINGS_FILE, s.line, s.translations[language])
        for s in load_plot_strings().values()
        if language in s.translations
    ]
    return found


def shared_string_problems(language: str, glossary: list[dict], spellings) -> list[Problem]:
    problems = []
    for file, n, text in shared_strings(language):
        line = [(n, nfc(text))]
        problems += name_problems(file, line, language, glossary)
        if language == "hi":
            problems += nukta_problems(file, line, spellings)
        for entry in glossary:
            for variant in entry.get(f"{language}_avoid", []) or []:
                if re.search(rf"(?<![\u0900-\u09FF]){re.escape(variant)}(?![\u0900-\u09FF])", text):
                    problems.append(
                        Problem(
                            file,
                            n,
                            f"uses {variant!r} for '{entry['term']}'",
                            f"use the glossary term {entry[language]!r} (translations/glossary.yml)",
                        )
                    )
    return problems


def docs_root(path: Path) -> Path:
    return next((p for p in path.parents if p.name == "docs"), path.parent)


def style_problems(path: Path, text: str, language: str, glossary: list[dict]) -> list[Problem]:
    """Every style check on one translated page; with a language's home page, its shared strings too."""
    lines = prose(text)
    problems = quote_problems(path, lines) + name_problems(path, lines, language, glossary)
    problems += size_problems(path, lines, language, glossary)
    if language == "bn":
        problems += digit_script_problems(path, text) + pronoun_problems(path, lines)
    spellings = hindi_spellings(docs_root(path), glossary) if language == "hi" else {}
    if language == "hi":
        problems += nukta_problems(path, lines, spellings)
    problems += figure_word_problems(path, text, language, glossary)
    if path.parent == docs_root(path) and path.name == f"index.{language}.md":
        problems += shared_string_problems(language, glossary, spellings)
    return problems
