"""Characters a reader cannot see: reported with line, column and Unicode name, and repaired by fix-encoding;
the zero-width joiners that Bengali and Hindi spellings need are left alone."""

import subprocess
import sys

import pytest

from lessonkit import REPO_ROOT
from lessonkit.translations.invisible import invisible_characters
from tests.support.translation_copies import copy_of_docs, damaged, problems, reported

ZWJ, ZWNJ = "\u200d", "\u200c"
LEGITIMATE = {
    "Bengali ya-phala after ra (র‍্য)": f"র{ZWJ}্যাব আর র{ZWJ}্যাপিড শব্দে য-ফলা",
    "Bengali khanda-ta (ত্‍)": f"হঠাত্{ZWJ} একটি পরিবর্তন, উত্{ZWJ}সব",
    "Bengali conjunct kept apart (ZWNJ after hasanta)": f"ক্{ZWNJ}ষ আলাদা করে দেখানো",
    "Hindi half form (क्‍ष)": f"क्{ZWJ}ष और न्{ZWJ}ह का आधा रूप",
    "Hindi visible halant (क्‌ष)": f"क्{ZWNJ}ष में दिखता हलंत",
}


@pytest.fixture
def docs(tmp_path):
    return copy_of_docs(tmp_path)


@pytest.mark.parametrize("text", LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_joiners_that_bengali_and_hindi_spellings_need_are_not_reported(text):
    assert invisible_characters(text) == []


def test_joiners_elsewhere_are_reported():
    (finding,) = invisible_characters(f"ডেটা{ZWJ}সেট")
    assert (finding.line, finding.column, finding.name) == (1, 5, "U+200D ZERO WIDTH JOINER")


def test_legitimate_joiners_on_a_real_page_pass_every_check(docs):
    page = damaged(docs, "overfitting.bn.md", "সেটি **ওভারফিট** করেছে", f"সেটি **ওভারফিট** (উত্{ZWJ}স: র{ZWJ}্যাব) করেছে")
    assert problems(page) == []
    page = damaged(docs, "overfitting.hi.md", "\n## ", f"\nक्{ZWJ}ष और क्{ZWNJ}ष।\n\n## ")
    assert not reported(problems(page), "invisible")


def test_each_invisible_character_is_reported_with_line_column_and_name(docs):
    page = damaged(docs, "lab.hi.md", "इस लैब में", "इस\u200b लैब\u202e में")
    found = problems(page)
    line = next(n for n, t in enumerate(page.read_text().split("\n"), 1) if "लैब\u202e" in t)
    assert reported(
        found,
        f"lab.hi.md:{line}: invisible format character U+200B ZERO WIDTH SPACE at column 3",
        "delete it (it is invisible), or run: lessonkit translations fix-encoding",
    ), found
    assert reported(
        found, f"lab.hi.md:{line}: bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE at column 8"
    ), found


def test_bom_carriage_returns_and_no_break_spaces_are_reported_and_fix_encoding_repairs_them(docs):
    page = docs / "frameworks.bn.md"
    original = page.read_bytes()
    text = original.decode("utf-8")
    broken = "\ufeff" + text.replace("\n", "\r\n").replace("PyTorch ও TensorFlow", "PyTorch\u00a0ও\u00a0TensorFlow", 1)
    page.write_bytes(broken.encode("utf-8"))
    found = problems(page)
    assert reported(found, "frameworks.bn.md:1: byte-order mark U+FEFF ZERO WIDTH NO-BREAK SPACE at column 1"), found
    assert reported(
        found, "carriage return (U+000D)", f"on {text.count(chr(10))} line(s) in all", "Windows (CR LF) line endings"
    ), found
    assert reported(
        found, "no-break space where English has a plain space U+00A0 NO-BREAK SPACE", "type a plain space instead"
    ), found
    result = subprocess.run(
        [sys.executable, "-m", "lessonkit", "translations", "fix-encoding", str(page)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0 and "repaired" in result.stdout
    assert page.read_bytes() == original
    assert problems(page) == []


def test_a_no_break_space_the_english_block_has_too_is_allowed(docs):
    damaged(docs, "overfitting.md", "16 000 parameters", "16\u00a0000 parameters")
    page = damaged(docs, "overfitting.bn.md", "১৬ হাজারের বেশি", "১৬\u00a0হাজারের বেশি")
    assert problems(page) == []
