"""Gates over the content: no orphan snippets, no dangling includes, every snippet tested."""

from pathlib import Path

from lessonkit import DOCS_DIR, REPO_ROOT, SNIPPETS_DIR
from lessonkit.markdown.includes import include_problem, includes
from lessonkit.snippets import local_source_closure, module_name

PAGES = sorted(DOCS_DIR.rglob("*.md"))
SNIPPET_FILES = sorted(
    p
    for p in SNIPPETS_DIR.rglob("*.py")
    if p.name != "__init__.py" and "common" not in p.relative_to(SNIPPETS_DIR).parts
)


def test_every_include_points_at_an_existing_file_and_section():
    problems = [
        f"{page.relative_to(REPO_ROOT)}:{inc.line}: {problem}"
        for page in PAGES
        for inc in includes(page.read_text(encoding="utf-8"))
        if (problem := include_problem(inc, SNIPPETS_DIR))
    ]
    assert not problems, "\n".join(problems)


def test_every_snippet_is_shown_on_some_page():
    shown = {inc.path for page in PAGES for inc in includes(page.read_text(encoding="utf-8"))}
    orphans = [
        p.relative_to(REPO_ROOT).as_posix()
        for p in SNIPPET_FILES
        if p.relative_to(SNIPPETS_DIR).as_posix() not in shown
    ]
    assert not orphans, f"snippets no page includes (include them or delete them): {orphans}"


def test_every_snippet_is_run_by_a_test():
    """A snippet (a file with a ``main``) is named by a test; a helper module of a topic (no ``main``, such as
    lab/model_selection.py) is run through a tested snippet that imports it."""
    tests_text = "\n".join(p.read_text(encoding="utf-8") for p in Path(REPO_ROOT / "tests/snippets").glob("test_*.py"))
    runnable = [p for p in SNIPPET_FILES if "\ndef main(" in p.read_text(encoding="utf-8")]
    tested = [p for p in runnable if f'"{module_name(p, REPO_ROOT)}"' in tests_text]
    untested = [module_name(p, REPO_ROOT) for p in runnable if p not in tested]
    assert not untested, f"snippets no tests/snippets/test_*.py names in full (as a string) and runs: {untested}"
    reached = {path for p in tested for path in local_source_closure(module_name(p, REPO_ROOT), REPO_ROOT)}
    unreached = [module_name(p, REPO_ROOT) for p in SNIPPET_FILES if p not in runnable and p not in reached]
    assert not unreached, f"helper modules that no tested snippet imports (import them or delete them): {unreached}"


def test_include_finder_reports_a_missing_section(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t/a.py").write_text("# --8<-- [start:x]\npass\n# --8<-- [end:x]\n")
    found = includes('text\n\n```python\n--8<-- "t/a.py:y"\n```\n    --8<-- "t/b.py"\n')
    assert [(i.line, i.path, i.section) for i in found] == [(4, "t/a.py", "y"), (6, "t/b.py", None)]
    assert "has no '# --8<-- [start:y]' line" in include_problem(found[0], tmp_path)
    assert "there is no file snippets/t/b.py" in include_problem(found[1], tmp_path)


def test_every_figure_word_has_a_bengali_and_hindi_translation(runs):
    """What each run the pages use left untranslated (its manifest): read from those runs, warm cache or not."""
    missing = {
        f"{module} ({language}): {text!r}"
        for module, run in runs.items()
        for language, texts in run.manifest["untranslated"].items()
        for text in texts
    }
    assert not missing, "add to translations/plot_strings.yml:\n" + "\n".join(sorted(missing))
