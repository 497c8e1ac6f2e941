"""Three holes the native review found in the translation checks, each closed and tried on a damaged copy of a page:
a danda glued to the word before it, Hindi nukta words and एरर the glossary lists, and the shape term used for a
size (ব্যাচের আকার, बैच का आकार) where the glossary says size."""

from lessonkit.translations.latin_names import INDIC_WORD
from tests.support.translation_copies import copy_of_docs, damaged, line_of, problems, reported


def test_a_danda_is_not_part_of_the_word_before_it():
    assert INDIC_WORD.findall("यह तरीका। वह ग़लत॥ এটি ভুল।") == ["यह", "तरीका", "वह", "ग़लत", "এটি", "ভুল"]


def test_a_word_before_a_danda_is_still_checked_for_its_nukta(tmp_path):
    page = damaged(copy_of_docs(tmp_path), "overfitting.hi.md", "बस रट सकता है।", "बस रट सकता है। यही तरीका।")
    assert reported(
        problems(page),
        f"overfitting.hi.md:{line_of(page, 'यही तरीका।')}:",
        "'तरीका' without the nukta that 'तरीक़ा' has",
    )


def test_the_nukta_words_of_the_glossary_are_checked_in_every_form(tmp_path):
    docs = copy_of_docs(tmp_path)
    for page in docs.rglob("*.hi.md"):  # no page has these words: only the glossary can know them
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("मुक़ाबले", "तुलना में").replace("ख़र्च", "लागत").replace("सबक़", "बात"))
    page = damaged(docs, "overfitting.hi.md", "बस रट सकता है।", "बस रट सकता है। मुकाबले में खर्च, सबक।")
    found = problems(page)
    line = line_of(page, "मुकाबले में")
    for bare, nukta in (("मुकाबले", "मुक़ाबले"), ("खर्च", "ख़र्च"), ("सबक", "सबक़")):
        assert reported(found, f"overfitting.hi.md:{line}:", f"'{bare}' without the nukta that '{nukta}' has"), bare


def test_error_is_written_truti_in_hindi(tmp_path):
    page = damaged(copy_of_docs(tmp_path), "overfitting.hi.md", "बस रट सकता है।", "बस रट सकता है। कोई एरर नहीं आता।")
    assert reported(
        problems(page),
        f"overfitting.hi.md:{line_of(page, 'कोई एरर')}:",
        "uses 'एरर' for 'error (exception)'",
        "'त्रुटि'",
    )


def test_the_shape_term_for_a_batch_size_is_reported_with_its_fix(tmp_path):
    docs = copy_of_docs(tmp_path)
    hindi = damaged(docs, "high-level/keras.hi.md", "बैच का साइज़", "बैच का आकार")
    assert reported(
        problems(hindi),
        f"keras.hi.md:{line_of(hindi, 'बैच का आकार')}:",
        "'बैच का आकार' uses 'आकार', the glossary's word for the shape of a tensor, for a size",
        "fix: write 'बैच का साइज़'",
    )
    # Over a line break, with a Bengali genitive ending.
    bengali = damaged(docs, "high-level/keras.bn.md", "ব্যাচের\nমাপ", "ব্যাচের\nআকার")
    assert reported(
        problems(bengali),
        f"keras.bn.md:{line_of(bengali, 'মানে ব্যাচের')}:",
        "'ব্যাচের আকার' uses 'আকার'",
        "fix: write 'ব্যাচের মাপ'",
    )


def test_a_step_size_and_set_sizes_are_reported_but_a_tensor_shape_is_not(tmp_path):
    docs = copy_of_docs(tmp_path)
    page = damaged(docs, "overfitting.hi.md", "चरण के माप (step size)", "चरण-आकार")
    page = damaged(docs, "overfitting.hi.md", "बस रट सकता है।", "बस रट सकता है। तीनों सेटों के आकार, टेन्सर का आकार।")
    found = [p for p in problems(page) if "for a size" in p]
    assert len(found) == 2, found
    assert reported(found, "'चरण-आकार' uses", "fix: write 'चरण-साइज़'")
    assert reported(found, "'सेटों के आकार' uses", "fix: write 'सेटों के साइज़'")
