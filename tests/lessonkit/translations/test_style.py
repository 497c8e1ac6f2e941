"""The style checks a native reviewer asked for, each on a damaged temporary copy of a real page (or string file)."""

import dataclasses
import shutil

import pytest

from lessonkit import DOCS_DIR, TRANSLATIONS_DIR
from lessonkit.translations import style
from lessonkit.translations.checks import load_glossary
from lessonkit.translations.figure_words import (
    figure_word_mismatches,
    figure_word_problems,
    glossary_terms,
    load_plot_strings,
)
from lessonkit.translations.latin_names import latin_names, spelt_out_name
from tests.support.translation_copies import copy_of_docs, damaged, line_of, problems, reported

GLOSSARY = load_glossary()


@pytest.fixture
def docs(tmp_path):
    return copy_of_docs(tmp_path)


def test_a_figure_word_that_differs_from_the_glossary_term_of_the_page_is_reported_with_the_string_line():
    strings = load_plot_strings()
    key = "PyTorch: MLP on the two moons"
    old = strings[key]
    strings[key] = dataclasses.replace(old, translations={**old.translations, "hi": "PyTorch: दो-चाँद डेटासेट पर MLP"})
    page = DOCS_DIR / "low-level" / "training.hi.md"
    text = page.read_text(encoding="utf-8")
    found = [str(p) for p in figure_word_problems(page, text, "hi", GLOSSARY, strings)]
    figure_line = next(n for n, line in enumerate(text.split("\n"), 1) if "curves_pytorch-1.svg" in line)
    assert reported(
        found,
        f"training.hi.md:{figure_line}:",
        "दो-चाँद",
        "'दो अर्धचंद्र' (as this page does)",
        f"plot_strings.yml line {old.line}",
    )
    assert not figure_word_problems(page, text, "hi", GLOSSARY, load_plot_strings())


def test_every_figure_string_says_each_glossary_term_as_the_glossary_does():
    """Also the strings that no page's figure is found to use (a title built with an f-string, say)."""
    for language in ("bn", "hi"):
        terms = glossary_terms(GLOSSARY, language)
        wrong = {s.english: figure_word_mismatches(s, language, terms) for s in load_plot_strings().values()}
        assert not {english: terms for english, terms in wrong.items() if terms}, language


def test_a_hindi_word_without_the_nukta_it_has_elsewhere_is_reported(docs):
    page = damaged(docs, "overfitting.hi.md", "जिसे आप ख़ुद", "जिसे आप खुद")
    assert reported(
        problems(page),
        f"overfitting.hi.md:{line_of(page, 'जिसे आप खुद')}:",
        "'खुद' without the nukta that 'ख़ुद' has",
        "fix: write 'ख़ुद'",
    )


def test_a_hindi_word_against_the_glossary_spelling_is_reported_even_when_no_page_has_it(docs):
    page = damaged(docs, "overfitting.hi.md", "ठीक होकर", "ठीक जुकाम होकर")
    glossary = GLOSSARY + [{"term": "a cold", "bn": "সর্দি", "hi": "ज़ुकाम", "keep_english": False}]
    found = [str(p) for p in style.style_problems(page, page.read_text(encoding="utf-8"), "hi", glossary)]
    assert reported(
        found,
        f"overfitting.hi.md:{line_of(page, 'जुकाम')}:",
        "'जुकाम' without the nukta that 'ज़ुकाम' has (translations/glossary.yml)",
    )


def test_mode_and_turn_are_different_words_not_a_missing_nukta(docs):
    page = damaged(docs, "overfitting.hi.md", "ठीक होकर", "ठीक मोड़ होकर")
    assert not reported(problems(page), "nukta")


def test_a_bengali_number_in_two_scripts_in_one_paragraph_is_reported(docs):
    page = damaged(docs, "overfitting.bn.md", "আর ৪০০টি ইপক (ছোট", "আর ৪০০টি ইপক (ইপক 0 থেকে 400, ছোট")
    line = line_of(page, "(ইপক 0 থেকে 400,")
    assert reported(
        problems(page),
        f"overfitting.bn.md:{line}:",
        f"the number 400 is written ৪০০ (line {line}) and 400",
        "Bengali digits for counts in running prose",
    )


def test_a_bengali_range_in_two_scripts_is_reported(docs):
    page = damaged(docs, "overfitting.bn.md", "আর ৪০০টি ইপক (ছোট", "আর ৪০০টি ইপক (ইপক ১ থেকে 40, ছোট")
    assert reported(
        problems(page),
        f"overfitting.bn.md:{line_of(page, '(ইপক ১ থেকে 40,')}:",
        "'১ থেকে 40' joins numbers in two scripts",
    )


def test_question_numbers_and_shapes_in_one_title_are_not_a_mixed_number():
    assert not reported(problems(DOCS_DIR / "self-check.bn.md"), "number 1")


def test_a_name_kept_in_latin_letters_spelt_out_is_reported(docs):
    bengali = damaged(docs, "high-level/keras.bn.md", "Keras হলো", "কেরাস হলো")
    assert reported(
        problems(bengali),
        f"keras.bn.md:{line_of(bengali, 'কেরাস হলো')}:",
        "'কেরাস' spells out the name Keras",
        "in Latin letters",
    )
    hindi = damaged(docs, "lab.hi.md", "PyTorch", "पाइटॉर्च")
    assert reported(problems(hindi), "lab.hi.md:", "'पाइटॉर्च' spells out the name PyTorch")


@pytest.mark.parametrize(
    "word, language, name",
    [
        ("জুপিটার", "bn", "Jupyter"),
        ("जुपिटर", "hi", "Jupyter"),
        ("কেরাসের", "bn", "Keras"),
        ("टेन्सरफ़्लो", "hi", "TensorFlow"),
        ("লাইটনিং", "bn", "Lightning"),
        ("অটোগ্র্যাড", "bn", "autograd"),
        ("ক্রস", "bn", None),
        ("क्रॉस", "hi", None),
        ("টেনসর", "bn", None),
        ("कारण", "hi", None),
        ("केरसों", "hi", None),
    ],
)
def test_spelt_out_names_are_told_from_words_that_sound_alike(word, language, name):
    assert spelt_out_name(word, latin_names(GLOSSARY, language), language) == name


def test_site_strings_are_checked_with_the_home_page(docs, tmp_path, monkeypatch):
    strings = tmp_path / "site_strings.yml"
    text = (TRANSLATIONS_DIR / "site_strings.yml").read_text(encoding="utf-8")
    strings.write_text(text.replace("এই পাতাটি Jupyter নোটবুক", "এই পাতাটি জুপিটার নোটবুক"), encoding="utf-8")
    monkeypatch.setattr(style, "SITE_STRINGS_FILE", strings)
    line = next(n for n, line in enumerate(text.split("\n"), 1) if "Jupyter নোটবুক" in line)
    assert reported(problems(docs / "index.bn.md"), f"site_strings.yml:{line}:", "'জুপিটার' spells out the name Jupyter")
    assert not reported(problems(docs / "lab.bn.md"), "site_strings.yml")


def test_mixed_quote_styles_in_one_page_are_reported(docs):
    page = damaged(docs, "high-level/keras.bn.md", '"sparse", কারণ', "“sparse”, কারণ")
    assert reported(
        problems(page), f"keras.bn.md:{line_of(page, '“sparse”, কারণ')}:", '“...” quotes, while this page writes "..."'
    )


def test_tab_labels_and_admonition_titles_are_not_quotes_of_the_text(docs):
    page = docs / "lab.bn.md"  # tabs and admonitions with titles, no quotes in its prose
    page.write_text(page.read_text(encoding="utf-8") + "\nএকটি “উদ্ধৃতি”।\n", encoding="utf-8")
    assert not reported(problems(page), "quotes")


def test_a_bengali_personal_pronoun_for_a_thing_is_reported(docs):
    page = damaged(docs, "overfitting.bn.md", "এটি বরং শেখে", "সে বরং শেখে")
    assert reported(
        problems(page),
        f"overfitting.bn.md:{line_of(page, 'সে বরং শেখে')}:",
        "'সে' (he, she) stands for a thing",
        "এটি / এটা",
    )


def test_words_that_begin_like_the_pronoun_are_not_it(docs):
    page = damaged(docs, "overfitting.bn.md", "এটি বরং শেখে", "সেটি বরং শেখে সেই")
    assert not reported(problems(page), "(he, she)")


def test_the_real_string_files_pass(tmp_path):
    home = shutil.copytree(DOCS_DIR, tmp_path / "docs")
    for language in ("bn", "hi"):
        assert not [str(p) for p in problems(home / f"index.{language}.md") if "translations/" in str(p)]
