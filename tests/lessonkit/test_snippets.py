"""The snippet index parses each file once, and again only after its text changed (as in ``mkdocs serve``)."""

import ast

from lessonkit.snippets import imported_packages, local_source_closure


def test_each_file_is_parsed_once_until_its_text_changes(tmp_path, monkeypatch):
    for name, text in {
        "snippets/__init__.py": "",
        "snippets/helpers.py": "import numpy\n",
        "snippets/demo/__init__.py": "",
        "snippets/demo/plot.py": "from snippets.helpers import style\nimport matplotlib\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    parsed, real_parse = [], ast.parse
    monkeypatch.setattr(
        ast, "parse", lambda text, filename, **kw: parsed.append(filename) or real_parse(text, filename, **kw)
    )

    for _ in range(3):  # as the figures, the notebooks and the hooks ask, in each language
        assert imported_packages("snippets.demo.plot", tmp_path) == {"snippets", "numpy", "matplotlib"}
    assert sorted(parsed) == sorted({str(tmp_path / "snippets/demo/plot.py"), str(tmp_path / "snippets/helpers.py")})

    (tmp_path / "snippets/helpers.py").write_text("import numpy\nimport torch\n", encoding="utf-8")
    assert "torch" in imported_packages("snippets.demo.plot", tmp_path)
    assert parsed.count(str(tmp_path / "snippets/helpers.py")) == 2
    assert local_source_closure("snippets.demo.plot", tmp_path) == [
        tmp_path / "snippets/demo/plot.py",
        tmp_path / "snippets/helpers.py",
    ]
