"""Each translator check on a bad input gives the expected message with file, line and fix."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lessonkit import DOCS_DIR, REPO_ROOT
from lessonkit.translations.checks import check_glossary, check_translation, translated_pages
from lessonkit.translations.encoding_repair import repair_text
from lessonkit.translations.records import git_blob_hash, recorded_hash, stamp, translation_state
from tests.support.translation_copies import copy_of_docs, damaged, problems, reported

ENGLISH = textwrap.dedent("""\
    # Overfitting

    Some prose with a [link](index.md).

    ## Five points

    ```python
    --8<-- "overfitting/five_points.py:data"
    ```

    ![Five points](figures/overfitting/five_points-1.svg)

    === "PyTorch"

        ```python
        x = 1
        ```
    """)
BENGALI = textwrap.dedent("""\
    # ওভারফিটিং

    কিছু লেখা, একটি [লিংক](index.md) সহ।

    ## পাঁচটি বিন্দু

    ```python
    --8<-- "overfitting/five_points.py:data"
    ```

    ![পাঁচটি বিন্দু](figures/overfitting/five_points-1.svg)

    === "PyTorch"

        ```python
        x = 1
        ```
    """)
GLOSSARY = [
    {"term": "overfitting", "bn": "ওভারফিটিং", "hi": "ओवरफिटिंग", "keep_english": False, "bn_avoid": ["অতিরিক্ত ফিটিং"]}
]


@pytest.fixture
def pages(tmp_path):
    (tmp_path / "index.md").write_text("# Home\n")
    (tmp_path / "page.md").write_text(ENGLISH, encoding="utf-8")

    def translated(text: str, raw: bytes | None = None):
        path = tmp_path / "page.bn.md"
        path.write_bytes(raw if raw is not None else text.encode("utf-8"))
        return [str(p) for p in check_translation(path, GLOSSARY)]

    return translated


def test_a_good_translation_has_no_problem(pages):
    assert pages(BENGALI) == []


def test_mojibake_is_found_and_the_repaired_line_offered(pages):
    garbled = BENGALI.replace("কিছু লেখা", "কিছু লেখা".encode().decode("cp866"))
    (problem,) = pages(garbled)
    assert "page.bn.md:3: garbled text (mojibake" in problem
    assert "replace the line with:\n    কিছু লেখা, একটি [লিংক](index.md) সহ।" in problem
    assert repair_text(garbled) == BENGALI


def test_text_that_is_not_utf8_is_reported(pages):
    (problem,) = pages("", raw=BENGALI.encode("utf-16"))
    assert "page.bn.md:1: not valid UTF-8" in problem and "save the file as UTF-8" in problem


def test_changed_code_is_reported(pages):
    (problem,) = pages(BENGALI.replace("x = 1", "x = 2"))
    assert "page.bn.md:15: code block differs from English" in problem and "never code" in problem


def test_a_missing_include_is_reported(pages):
    (problem,) = pages(BENGALI.replace('--8<-- "overfitting/five_points.py:data"\n', ""))
    assert "page.bn.md:7: code block differs from English" in problem
    assert "line 7 has '--8<-- \"overfitting/five_points.py:data\"'" in problem


def test_an_include_of_a_file_that_does_not_exist_is_reported(pages):
    problems = pages(BENGALI.replace("five_points.py:data", "five_pointz.py:data"))
    assert any("there is no file snippets/overfitting/five_pointz.py" in p for p in problems)


def test_an_injected_script_is_refused(pages):
    problems = pages(BENGALI.replace("কিছু লেখা,", "কিছু লেখা <script>alert(1)</script>,"))
    assert any("page.bn.md:3: raw HTML '<script' is not allowed" in p for p in problems)
    problems = pages(BENGALI.replace("[লিংক](index.md)", "[লিংক](javascript:alert(1))"))
    assert any("raw HTML 'javascript:' is not allowed" in p for p in problems)
    problems = pages(BENGALI.replace("কিছু লেখা,", '<img src=x onerror="alert(1)">'))
    assert any("onerror=" in p for p in problems)


def test_changed_figures_tabs_headings_and_links_are_reported(pages):
    assert any("figure differs" in p for p in pages(BENGALI.replace("five_points-1.svg", "five_points-2.svg")))
    assert any("tab label differs" in p for p in pages(BENGALI.replace('=== "PyTorch"', '=== "পাইটর্চ"')))
    assert any("link target changed" in p for p in pages(BENGALI.replace("(index.md)", "(page.md)")))
    assert any("heading structure differs" in p for p in pages(BENGALI.replace("## পাঁচটি", "### পাঁচটি")))
    assert any(
        "link to 'missing.md' does not resolve" in p for p in pages(BENGALI.replace("(index.md)", "(missing.md)"))
    )


def test_glossary_variants_and_untranslated_terms_are_reported(pages):
    problems = pages(BENGALI.replace("# ওভারফিটিং", "# অতিরিক্ত ফিটিং"))
    assert any("page.bn.md:1: uses 'অতিরিক্ত ফিটিং' for 'overfitting'" in p and "'ওভারফিটিং'" in p for p in problems)
    problems = pages(BENGALI.replace("কিছু লেখা", "Overfitting নিয়ে কিছু লেখা"))
    assert any("English term 'overfitting' left in the prose" in p for p in problems)
    assert pages(BENGALI.replace("# ওভারফিটিং", "# ওভারফিটিং (overfitting)")) == [], "English in parentheses is fine"


def test_stamp_records_the_english_version_and_state_follows_it(tmp_path):
    english, translation = tmp_path / "page.md", tmp_path / "page.hi.md"
    english.write_text("# Page\n")
    translation.write_text("# पेज\n")
    assert translation_state(english, "hi").state == "outdated"
    assert translation_state(english, "bn").state == "missing"
    stamp(translation)
    assert recorded_hash(translation.read_text()) == git_blob_hash(english.read_bytes())
    assert translation_state(english, "hi").state == "up to date"
    english.write_text("# Page\n\nA new paragraph.\n")
    assert translation_state(english, "hi").state == "outdated"
    assert (
        git_blob_hash(b"# Page\n")
        == subprocess.run(["git", "hash-object", "--stdin"], input=b"# Page\n", capture_output=True)
        .stdout.decode()
        .strip()
    )


def test_every_translated_page_of_the_site_passes_every_check():
    problems = [str(p) for page in translated_pages(DOCS_DIR) for p in check_translation(page)]
    assert not problems, "\n".join(problems)


def test_cli_status_lists_every_page_and_language():
    result = subprocess.run(
        [sys.executable, "-m", "lessonkit", "translations", "status"], capture_output=True, text=True, cwd=REPO_ROOT
    )
    assert result.returncode == 0
    assert "| page | bn | hi |" in result.stdout and "| overfitting.md |" in result.stdout


def test_maths_symbols_are_not_taken_for_mojibake(pages):
    maths = "f(x, y) = x²·y + sin(x), 2 × 3 ÷ 4 ± ½, 90°"
    assert pages(BENGALI.replace("কিছু লেখা,", f"কিছু লেখা {maths},")) == []


def test_a_link_to_an_anchor_needs_an_explicit_heading_id(pages, tmp_path):
    english = ENGLISH.replace("(index.md)", "(page.md#five-points)")
    (tmp_path / "page.md").write_text(english)
    problems = pages(BENGALI.replace("(index.md)", "(page.md#five-points)"))
    assert any("#five-points is not an explicit heading id in page.md" in p and "{#five-points}" in p for p in problems)
    (tmp_path / "page.md").write_text(english.replace("## Five points", "## Five points {#five-points}"))
    assert (
        pages(
            BENGALI.replace("(index.md)", "(page.md#five-points)").replace(
                "## পাঁচটি বিন্দু", "## পাঁচটি বিন্দু {#five-points}"
            )
        )
        == []
    )


def test_a_multi_word_english_term_in_parentheses_is_allowed():
    glossary = [{"term": "error", "bn": "ত্রুটি", "keep_english": False}]
    text = "# শিরোনাম\n\nগড় বর্গ ত্রুটি (mean squared error) কমে।\n"
    assert check_glossary(Path("page.bn.md"), text, "bn", glossary) == []
    assert check_glossary(Path("page.bn.md"), text + "\nthe error\n", "bn", glossary)


def test_an_english_paragraph_left_in_a_real_translation_is_untranslated(tmp_path):
    docs = copy_of_docs(tmp_path)
    english = (docs / "overfitting.md").read_text()
    paragraph = english.split("\n\n")[1]  # the first paragraph below the title
    bengali = (docs / "overfitting.bn.md").read_text()
    translated = bengali.split("---\n", 2)[2].split("\n\n")[2]
    page = damaged(docs, "overfitting.bn.md", translated, paragraph)
    line = bengali.split("\n").index(translated.split("\n")[0]) + 1
    found = problems(page)
    assert reported(
        found,
        f"overfitting.bn.md:{line}: untranslated paragraph: still in English (",
        "overfitting.md line 3: 'A model is trained on one set of examples",
        "translate it",
    ), found


def test_a_mostly_english_block_is_untranslated_but_names_code_and_kept_terms_are_not(tmp_path):
    docs = copy_of_docs(tmp_path)
    page = damaged(docs, "lab.hi.md", "## ", "## Part one: the Iris flowers ")
    assert reported(problems(page), "untranslated heading: still in English"), problems(page)
    docs = copy_of_docs(tmp_path / "again")
    page = damaged(docs, "frameworks.hi.md", "| फ़्रेमवर्क |", "| Frameworks |")
    assert not reported(problems(page), "untranslated"), "one English word in a table row is a label, not prose"
    page = damaged(docs, "frameworks.hi.md", "| आप किसके साथ काम करते हैं |", "| you work with them |")
    assert reported(problems(page), "untranslated row"), problems(page)
