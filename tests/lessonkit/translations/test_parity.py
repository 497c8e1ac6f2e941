"""Block structure, links and value tokens of a translation are those of its English page: real pages damaged
in a temporary copy, each difference reported once, with the line in both files and the fix."""

import textwrap

import pytest

from lessonkit.markdown.blocks import outline, parse
from tests.support.translation_copies import copy_of_docs, damaged, line_of, problems, reported


@pytest.fixture
def docs(tmp_path):
    return copy_of_docs(tmp_path)


def test_the_page_model_sees_lists_tables_admonitions_tabs_code_figures_and_maths():
    page = textwrap.dedent("""\
        ---
        translation_of: 0
        ---
        # Title {#top}

        1. first
           lazy continuation
        2. second

            nested paragraph

        | a | b |
        |---|--:|
        | 1 | `x | y` |

        ??? question "Why?"
            Because.

            === "PyTorch"

                ```python
                x = 1
                ```

        $$
        y = wx + b
        $$

        ![alt](figures/t/x-1.svg)

        <!-- output: t/x -->
        """)
    shape = [
        ("  " * len(p.containers)) + f"{p.block.kind}@{p.block.start}-{p.block.end}:{p.block.detail}"
        for p in outline(parse(page))
    ]
    assert shape == [
        "heading@4-4:# {#top}",
        "list@6-10:numbered",
        "  item@6-7:",
        "    paragraph@6-7:",
        "  item@8-10:",
        "    paragraph@8-8:",
        "    paragraph@10-10:",
        "table@12-14:2 columns |-|-:|",
        "  row@12-12:2 cells",
        "  row@13-13:separator",
        "  row@14-14:2 cells",
        "admonition@16-23:??? question",
        "  paragraph@17-17:",
        "  tab@19-23:PyTorch",
        "    code@21-23:```python\nx = 1\n```",
        "math@25-27:$$\ny = wx + b\n$$",
        "figure@29-29:figures/t/x-1.svg",
        "output@31-31:<!-- output: t/x -->",
    ]


def test_a_missing_list_item_is_one_problem_with_both_lines(docs):
    item = "2. একটি হিডেন লেয়ারসহ (যেমন ১৬টি ReLU ইউনিটের) একটি **মাল্টি-লেয়ার নেটওয়ার্ক** বানান।\n"
    before = line_of(docs / "lab.bn.md", item) - 1  # the end of the item above it: where the missing one belongs
    english = line_of(docs / "lab.md", "2. Build a **multi-layer network**")
    found = problems(damaged(docs, "lab.bn.md", item, ""))
    assert len(found) == 1 and reported(
        found,
        f"lab.bn.md:{before}: missing list item inside list",
        f"lab.md line {english} has it",
        f"this page has nothing in its place (after line {before})",
        f"line {english} here",
    ), found


def test_an_extra_paragraph_is_reported_once_not_as_a_cascade(docs):
    text = (docs / "lab.bn.md").read_text(encoding="utf-8")
    start = text.index("5. বেছে নেওয়া নেটওয়ার্কটিকে")
    item = text[start : text.index("\n\n", start) + 1]  # the last item of the list, all its lines
    extra = line_of(docs / "lab.bn.md", item) + item.count("\n") + 1  # after the item and a blank line
    english_text = (docs / "lab.md").read_text(encoding="utf-8")
    english_start = english_text.index("5. Train the chosen network again")
    english_end = english_text.count("\n", 0, english_text.index("\n\n", english_start)) + 1
    found = problems(damaged(docs, "lab.bn.md", item, item + "\nএকটি বাড়তি অনুচ্ছেদ।\n"))
    assert len(found) == 1 and reported(
        found, f"lab.bn.md:{extra}: extra paragraph, which ", f"lab.md does not have (after its line {english_end})"
    ), found


def test_a_block_moved_out_of_its_admonition_is_reported(docs):
    english_line = line_of(docs / "self-check.md", "    Both are low-level frameworks")
    page = damaged(docs, "self-check.bn.md", "\n    দুটিই নিম্ন-স্তরের ফ্রেমওয়ার্ক", "\nদুটিই নিম্ন-স্তরের ফ্রেমওয়ার্ক")
    found = problems(page)
    assert len(found) == 1 and reported(
        found,
        f"self-check.bn.md:{line_of(page, 'দুটিই নিম্ন-স্তরের ফ্রেমওয়ার্ক')}: paragraph moved out of its place: ",
        f"self-check.md line {english_line} has it inside admonition, this page has it at the top level",
        "four spaces for each container",
    ), found


def test_a_changed_admonition_kind_a_table_row_a_tab_label_code_and_a_figure_are_reported(docs):
    page = damaged(docs, "self-check.bn.md", '??? question "TensorFlow', '!!! question "TensorFlow')
    found = problems(page)
    assert reported(
        found,
        f"self-check.bn.md:{line_of(page, '!!! question')}: admonition kind differs from English: ",
        f"self-check.md line {line_of(docs / 'self-check.md', '??? question')} has '??? question', "
        "this page has '!!! question'",
    ), found
    page = damaged(docs, "frameworks.bn.md", "| TensorFlow, PyTorch | Keras", "| TensorFlow, PyTorch, Keras")
    found = problems(page)
    assert reported(
        found,
        f"frameworks.bn.md:{line_of(page, '| TensorFlow, PyTorch, Keras')}: table row differs from English: ",
        f"frameworks.md line {line_of(docs / 'frameworks.md', '| TensorFlow, PyTorch | Keras')} has '3 cells', "
        "this page has '2 cells'",
        "one cell per cell",
    ), found
    found = problems(damaged(docs, "overfitting.hi.md", '=== "PyTorch"', '=== "पायटॉर्च"'))
    assert reported(found, "tab label differs from English", "'PyTorch', this page has 'पायटॉर्च'"), found
    found = problems(
        damaged(
            docs,
            "overfitting.bn.md",
            '--8<-- "overfitting/five_points.py:fit"',
            '--8<-- "overfitting/five_points.py:data"',
        )
    )
    assert reported(
        found,
        "overfitting.bn.md:25: code block differs from English: ",
        "overfitting.md line 21 has '--8<-- \"overfitting/five_points.py:fit\"'",
        "never code",
    ), found
    found = problems(damaged(docs, "overfitting.bn.md", "five_points-1.svg", "five_points-2.svg"))
    assert reported(found, "figure differs from English", "five_points-2.svg", "translate only the alt text"), found


def test_changed_maths_and_heading_level_are_reported(docs):
    maths = "\n$$\nw \\leftarrow w - \\eta \\nabla L\n$$\n"
    damaged(docs, "overfitting.md", "## Why it happens\n", "## Why it happens\n" + maths)
    page = damaged(docs, "overfitting.bn.md", "## কেন এমন হয়\n", "## কেন এমন হয়\n" + maths.replace("eta", "alpha"))
    (problem,) = problems(page)
    assert "maths block differs from English" in problem and "'w \\\\leftarrow w - \\\\eta \\\\nabla L'" in problem
    found = problems(damaged(docs, "overfitting.bn.md", "## কেন এমন হয়", "### কেন এমন হয়"))
    assert reported(found, "heading structure differs from English", "has '##', this page has '###'"), found


def test_many_differences_are_capped_with_a_count(docs):
    text = (docs / "self-check.bn.md").read_text()
    (docs / "self-check.bn.md").write_text(text.replace("!!! quiz", "??? note"))
    found = [p for p in problems(docs / "self-check.bn.md") if "quiz question" not in p]
    assert len(found) == 4 and "more block structure problem(s) from line" in found[-1], found


def test_link_targets_are_compared_in_order(docs):
    page = damaged(docs, "frameworks.bn.md", "(high-level/keras.md)", "(high-level/lightning.md)")
    found = problems(page)
    assert reported(
        found,
        f"frameworks.bn.md:{line_of(page, '[Keras](high-level/lightning.md)')}: link target changed: ",
        f"frameworks.md line {line_of(docs / 'frameworks.md', '[Keras](high-level/keras.md)')} links to "
        "'high-level/keras.md', this page to 'high-level/lightning.md'",
        "translate only the link text",
    ), found
    found = problems(damaged(docs, "lab.bn.md", "[ওভারফিটিং](overfitting.md)-এর", "ওভারফিটিং-এর"))
    assert reported(found, "missing link to 'overfitting.md'", "lab.md line"), found
    found = problems(damaged(docs, "lab.hi.md", "\n\n## ", "\n\n[PyTorch](https://pytorch.org) देखें।\n\n## "))
    assert reported(found, "extra link to 'https://pytorch.org', which ", "lab.md does not have here"), found


def test_value_tokens_are_kept_in_order(docs):
    token = "<!-- value: overfitting/five_points train_error:.2f -->"
    # After the page's last token, so that the Hindi page, which keeps all the others, has no more.
    english = damaged(
        docs, "overfitting.md", "A model too simple for the rule", f"{token} A model too simple for the rule"
    )
    found = problems(docs / "overfitting.hi.md")
    assert reported(
        found,
        "overfitting.hi.md:",
        "value token differs from English: ",
        f"overfitting.md line {line_of(english, token)} has",
        token,
        "this page has no more",
    ), found
