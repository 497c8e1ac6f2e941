"""What pytest-markdown-docs sees of a page: includes expanded, tabbed fences moved to the margin."""
from lessonkit.markdown_fences import ExpandingMarkdownIt, unindent_tabs

PAGE = '''# Page

=== "PyTorch"

    ```python
    --8<-- "overfitting/five_points.py:fit"
    ```

=== "TensorFlow"

    ```python
    x = 2
    ```

Text after the tabs.
'''


def test_tabbed_fences_are_found_with_included_code():
    fences = [t for t in ExpandingMarkdownIt(config="commonmark").parse(PAGE) if t.type == "fence"]
    assert len(fences) == 2
    assert fences[0].content.startswith("def polynomial_features(x, n_params):")
    assert fences[1].content == "x = 2\n"


def test_unindent_keeps_line_numbers_and_text_after_tabs():
    out = unindent_tabs(PAGE)
    assert len(out.split("\n")) == len(PAGE.split("\n"))
    assert "\nText after the tabs.\n" in out
    assert "\n```python\nx = 2\n```\n" in out
