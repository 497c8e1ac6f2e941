"""What pytest-markdown-docs sees of a page: includes expanded, tabbed fences moved to the margin."""

from lessonkit.markdown.fences import ExpandingMarkdownIt, unindent_blocks

PAGE = """# Page

=== "PyTorch"

    ```python
    --8<-- "overfitting/five_points.py:fit"
    ```

=== "TensorFlow"

    ```python
    x = 2
    ```

Text after the tabs.
"""


def test_tabbed_fences_are_found_with_included_code():
    fences = [t for t in ExpandingMarkdownIt(config="commonmark").parse(PAGE) if t.type == "fence"]
    assert len(fences) == 2
    assert fences[0].content.startswith("def polynomial_features(x, n_params):")
    assert fences[1].content == "x = 2\n"


def test_unindent_keeps_line_numbers_and_text_after_tabs():
    out = unindent_blocks(PAGE)
    assert len(out.split("\n")) == len(PAGE.split("\n"))
    assert "\nText after the tabs.\n" in out
    assert "\n```python\nx = 2\n```\n" in out


def test_fences_in_tabs_nested_in_a_details_block_are_found():
    page = (
        '# Lab\n\n??? success "Solution"\n\n    === "PyTorch"\n\n        ```python\n        a = 1\n        ```\n\n'
        "    ```python\n    b = 2\n    ```\n\nAfter.\n"
    )
    fences = [t.content for t in ExpandingMarkdownIt(config="commonmark").parse(page) if t.type == "fence"]
    assert fences == ["a = 1\n", "b = 2\n"]
