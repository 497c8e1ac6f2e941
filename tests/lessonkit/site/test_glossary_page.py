"""The glossary page of each language (lessonkit.site.glossary_page) and the first-use check
(lessonkit.translations.glossary_terms, ``lessonkit translations first-use``)."""

from pathlib import Path

import pytest
import yaml

from lessonkit import DOCS_DIR, LANGUAGES, TRANSLATIONS_DIR
from lessonkit.languages import page_language
from lessonkit.site.glossary_page import glossary_pages
from lessonkit.translations.checks import load_glossary, translated_pages
from lessonkit.translations.glossary_terms import add_originals, first_use_problems, listed, word

NAV = ["index.md", "overfitting.md", "low-level/training.md"]
STRINGS = yaml.safe_load((TRANSLATIONS_DIR / "site_strings.yml").read_text(encoding="utf-8"))["glossary"]


def test_every_glossary_entry_has_a_one_line_meaning_in_every_language_or_is_a_word_for_translators():
    for entry in load_glossary():
        if entry.get("on_glossary_page") is False:
            continue
        assert set(entry.get("meaning", {})) == set(LANGUAGES), entry["term"]
        assert all("\n" not in text and len(text) < 200 for text in entry["meaning"].values()), entry["term"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    docs = {p.relative_to(DOCS_DIR).as_posix(): p.read_text(encoding="utf-8") for p in DOCS_DIR.rglob("*.md")}
    written = glossary_pages(docs, NAV, load_glossary(), STRINGS, tmp_path_factory.mktemp("glossary"))
    return {uri: path.read_text(encoding="utf-8") for uri, path in written.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_page_lists_every_term_with_its_english_original_and_meaning(pages, language):
    page = pages["glossary.md" if language == "en" else f"glossary.{language}.md"]
    items = [line for line in page.splitlines() if line.startswith("- **")]
    assert len(items) == len(listed(load_glossary()))
    for entry in listed(load_glossary()):
        shown = entry["term"] if language == "en" else entry[language]
        item = next(line for line in items if line.startswith(f"- **{shown}**") and entry["meaning"][language] in line)
        if language != "en" and word(entry, language) != word(entry, "en"):
            assert f"**{shown}** ({entry['term']}):" in item


def test_the_glossary_links_each_term_to_the_page_that_teaches_it(pages):
    overfitting = next(line for line in pages["glossary.bn.md"].splitlines() if "(overfitting)" in line)
    assert "[ওভারফিটিং](overfitting.md)" in overfitting
    assert "(low-level/training.md)" in next(line for line in pages["glossary.md"].splitlines() if "**epoch**" in line)


def test_first_use_without_the_english_original_is_reported_with_its_line(tmp_path):
    glossary = load_glossary()
    good = "# শিরোনাম লস\n\nমডেলের লসের (loss) মান কমে। পরে আবার লস।\n"
    bad = "# শিরোনাম\n\nপ্রথমে লস কমে, তারপর লস (loss) বাড়ে।\n"
    assert not [p for p in first_use_problems(Path("a.bn.md"), good, "bn", glossary) if "'লস'" in p]
    problems = [p for p in first_use_problems(Path("b.bn.md"), bad, "bn", glossary) if "'লস'" in p]
    assert problems == ["b.bn.md:3: first use of 'লস' without its English original: write 'লস (loss)'"]
    code = "```python\nলস = 1\n```\n\n*ওভারফিটিং* (overfitting) হয়।\n"
    assert not first_use_problems(Path("c.bn.md"), code, "bn", glossary)


def test_on_every_translated_page_the_first_use_of_each_term_gives_its_english_original():
    glossary = load_glossary()
    problems = [
        problem
        for path in translated_pages(DOCS_DIR)
        for problem in first_use_problems(path, path.read_text(encoding="utf-8"), page_language(path), glossary)
    ]
    assert not problems, f"{len(problems)} first uses without the English original, e.g. {problems[:3]}"


def test_an_original_after_the_longer_term_or_on_the_next_line_counts_and_quizzes_are_skipped():
    glossary = load_glossary()
    longer = "মডেলের লস ফাংশন (loss function) ছোট।\n"
    assert not [p for p in first_use_problems(Path("a.bn.md"), longer, "bn", glossary) if "'লস'" in p]
    wrapped = "মডেলের লস\n(loss) ছোট।\n"
    assert not [p for p in first_use_problems(Path("a.bn.md"), wrapped, "bn", glossary) if "'লস'" in p]
    elsewhere = "মডেলের লস ছোট, আর ওভারফিটিং (loss) নয়।\n"
    assert [p for p in first_use_problems(Path("a.bn.md"), elsewhere, "bn", glossary) if "'লস'" in p]
    quiz = '!!! quiz "লস কী?"\n    - [x] লস একটি সংখ্যা।\n\n        ঠিক: লস।\n\nপরে লস (loss) আসে।\n'
    assert not [p for p in first_use_problems(Path("q.bn.md"), quiz, "bn", glossary) if "'লস'" in p]
    code = "`লস` এবং [লেখা](লস.md) আর <span title='লস'>x</span>, তারপর লস।\n"
    assert [p for p in first_use_problems(Path("c.bn.md"), code, "bn", glossary) if "'লস'" in p] == [
        "c.bn.md:1: first use of 'লস' without its English original: write 'লস (loss)'"
    ]


def test_a_use_in_another_sense_is_not_the_first_use():
    glossary = [{"term": "validation", "bn": "যাচাই", "hi": "सत्यापन", "meaning": {}, "bn_other_senses": ["উত্তর যাচাই"]}]
    page = "**উত্তর যাচাই করুন** চাপুন।\n\nমডেলের যাচাই (validation) লস।\n"
    assert not first_use_problems(Path("v.bn.md"), page, "bn", glossary)
    assert first_use_problems(Path("v.bn.md"), page, "bn", [{**glossary[0], "bn_other_senses": []}])


def test_the_fix_writes_the_original_after_the_word_with_its_ending_and_the_check_then_passes():
    glossary = load_glossary()
    page = "# লস\n\nমডেলের **লসের** মান কমে, লস ফাংশন ছোট হয়। পরে আবার লস।\n"
    fixed, added = add_originals(page, "bn", glossary)
    assert "**লসের** (loss) মান" in fixed and "লস ফাংশন (loss function) ছোট" in fixed
    assert fixed.count("(loss)") == 1 and added >= 2
    assert not first_use_problems(Path("f.bn.md"), fixed, "bn", glossary)
    assert add_originals(fixed, "bn", glossary) == (fixed, 0)


def test_a_term_across_a_line_break_its_forms_and_the_terms_a_longer_word_holds():
    glossary = load_glossary()

    def missing(page: str, own: str) -> list[str]:
        return [p for p in first_use_problems(Path("t.bn.md"), page, "bn", glossary) if f"'{own}'" in p]

    assert missing("একটি লার্নিং\nরেট বেছে নিন, পরে লার্নিং রেট (learning rate)।\n", "লার্নিং রেট") == [
        "t.bn.md:2: first use of 'লার্নিং রেট' without its English original: write 'লার্নিং রেট (learning rate)'"
    ], "a term broken over two lines of a paragraph is still its first use (the fix goes where the word ends)"
    assert not missing("একটি লার্নিং\nরেট (learning rate) বেছে নিন।\n", "লার্নিং রেট")
    assert not missing("মডেলের লসগুলো (losses) কমে।\n", "লস"), "a plural is the word's form"
    assert not missing("লগ করা মেট্রিক (logged metrics)।\n", "লগ করা")
    assert missing("দুটি শ্রেণির (classification) একটি।\n", "শ্রেণি"), "classification is not a form of class"
    holds = "বাইনারি শ্রেণিবিন্যাস (binary classification) করে, দুটি শ্রেণির (class) একটি।\n"
    assert not missing(holds, "শ্রেণি"), "শ্রেণি in শ্রেণিবিন্যাস is a use of classification, not of class"
    dash = "বায়াস–ভ্যারিয়েন্স ট্রেড-অফ (bias–variance trade-off) দেখায়।\n"
    assert not missing(dash, "বায়াস"), "the longer term's original holds bias"


def test_a_longer_word_of_another_meaning_broken_over_a_line_still_holds_the_shorter():
    glossary = load_glossary()
    page = "একটি শ্রেণিবিন্যাসের\nমডেল (classifier) বানাই। পরে মডেল (model) শিখি।\n"
    assert not [p for p in first_use_problems(Path("m.bn.md"), page, "bn", glossary) if "'মডেল'" in p]


def test_an_everyday_word_is_on_the_glossary_page_but_needs_no_original_at_first_use(pages):
    glossary = load_glossary()
    image = next(entry for entry in glossary if entry["term"] == "image")
    assert image.get("first_use_original") is False and image in listed(glossary)
    assert "(image)" in pages["glossary.bn.md"]
    page = "একটি ছবি দেখুন, তারপর লস (loss)।\n"
    assert not [p for p in first_use_problems(Path("e.bn.md"), page, "bn", glossary) if "'ছবি'" in p]
    asked = [{**image, "first_use_original": True}]
    assert first_use_problems(Path("e.bn.md"), page, "bn", asked)


def test_the_fix_sees_the_longer_words_of_the_whole_glossary_as_the_check_does():
    glossary = load_glossary()
    page = "শ্রেণিবিন্যাস (classification) করে, পরে শ্রেণি দেখি।\n"
    fixed, _ = add_originals(page, "bn", glossary)
    assert fixed == "শ্রেণিবিন্যাস (classification) করে, পরে শ্রেণি (class) দেখি।\n"
    assert not first_use_problems(Path("f.bn.md"), fixed, "bn", glossary)


def test_a_line_that_starts_with_a_value_token_is_running_text_too():
    glossary = load_glossary()
    page = "মান\n<!-- value: a/b loss:.3f -->, তারপর লস।\n"
    assert [p for p in first_use_problems(Path("v.bn.md"), page, "bn", glossary) if "'লস'" in p] == [
        "v.bn.md:2: first use of 'লস' without its English original: write 'লস (loss)'"
    ]


def test_the_first_use_command_reports_fixes_and_leaves_a_page_that_is_not_utf8_alone(tmp_path, capsys):
    from lessonkit.cli import main

    page = tmp_path / "p.bn.md"
    page.write_text("মডেলের লস কমে।\n", encoding="utf-8")
    assert main(["translations", "first-use", str(page)]) == 1
    assert "p.bn.md:1: first use of 'লস' without its English original: write 'লস (loss)'" in capsys.readouterr().out
    assert main(["translations", "first-use", "--fix", str(page)]) == 0
    assert "লস (loss)" in page.read_text(encoding="utf-8")
    broken = tmp_path / "b.bn.md"
    broken.write_bytes(b"\xff\xfe \x80\n")
    assert main(["translations", "first-use", "--fix", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "b.bn.md:1: not valid UTF-8 (byte 0xff)" in out and "1 page(s) not UTF-8" in out and "Traceback" not in out
    assert broken.read_bytes() == b"\xff\xfe \x80\n"


def test_the_fix_replaces_a_page_whole_and_keeps_its_permissions(tmp_path, monkeypatch):
    import os

    from lessonkit.cli import main

    page = tmp_path / "p.bn.md"
    page.write_text("মডেলের লস কমে।\n", encoding="utf-8")
    page.chmod(0o644)
    assert main(["translations", "first-use", "--fix", str(page)]) == 0
    assert page.stat().st_mode & 0o777 == 0o644 and "লস (loss)" in page.read_text(encoding="utf-8")
    page.write_text("মডেলের লস কমে।\n", encoding="utf-8")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    try:
        main(["translations", "first-use", "--fix", str(page)])
    except KeyboardInterrupt:
        pass
    assert page.read_text(encoding="utf-8") == "মডেলের লস কমে।\n", "an interrupted fix leaves the page as it was"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.bn.md"], "and no temporary file"
