"""The figure runner and its cache, on small throw-away snippet packages."""

import os
import time

import pytest

from lessonkit.figures.build import SnippetFailed, build_figures
from lessonkit.figures.cache import KEEP_USED_S, FigureCache
from lessonkit.snippets import local_source_closure
from tests.support.throwaway_project import snippet_package, write

PLOT = """\
import matplotlib.pyplot as plt
from snippets.helpers import style

def main():
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], label=style("{label}"))
    ax.set_title("training loss")
    print("{label} printed")
    plt.show()

if __name__ == "__main__":
    main()
"""


@pytest.fixture
def project(tmp_path):
    snippet_package(tmp_path, {"first": PLOT.format(label="first"), "second": PLOT.format(label="second")})
    write(tmp_path / "snippets/helpers.py", "def style(text):\n    return text\n")
    return tmp_path


def build(project, modules, logs):
    users = {m: {"docs/page.md"} for m in modules}
    return build_figures(users, FigureCache(project / "cache"), root=project, log=logs.append, jobs=2)


def ran(logs):
    return sorted(line.split("running ")[1].split(" (")[0] for line in logs if "] running " in line)


def test_closure_follows_local_imports(project):
    closure = local_source_closure("snippets.demo.first", project)
    assert project / "snippets/helpers.py" in closure
    assert project / "snippets/demo/second.py" not in closure


def test_the_manifest_lists_the_figure_words_without_a_translation(project):
    write(project / "snippets/demo/third.py", PLOT.replace('"training loss"', '"words nobody translated"'))
    runs = build(project, ["snippets.demo.first", "snippets.demo.third"], [])
    assert runs["snippets.demo.first"].manifest["untranslated"] == {}, "'training loss' is in plot_strings.yml"
    assert runs["snippets.demo.third"].manifest["untranslated"] == {
        "bn": ["words nobody translated"],
        "hi": ["words nobody translated"],
    }


def test_second_build_runs_nothing_and_an_edit_reruns_only_that_snippet(project):
    modules = ["snippets.demo.first", "snippets.demo.second"]
    logs = []
    runs = build(project, modules, logs)
    assert ran(logs) == modules
    assert all(run.figure_count == 1 for run in runs.values())
    assert runs["snippets.demo.first"].output.strip() == "first printed"
    for language_suffix in ("", ".bn", ".hi"):
        svg = runs["snippets.demo.first"].figure_path(1, language_suffix)
        assert svg.read_text().startswith("<?xml") and "</svg>" in svg.read_text()

    logs.clear()
    runs = build(project, modules, logs)
    assert ran(logs) == [] and sorted(runs) == modules
    assert "all 2 snippet(s) cached" in logs[0]

    (project / "snippets/demo/second.py").write_text(PLOT.format(label="second, edited"))
    logs.clear()
    build(project, modules, logs)
    assert ran(logs) == ["snippets.demo.second"]
    entries = list((project / "cache").glob("snippets.*--*"))
    assert len(entries) == 3, "the old entry stays a while: another build may still be copying its figures"

    long_ago = time.time() - KEEP_USED_S - 60
    for entry in entries:
        os.utime(entry, (long_ago, long_ago))
    (project / "snippets/helpers.py").write_text("def style(text):\n    return text.upper()\n")
    logs.clear()
    build(project, modules, logs)
    assert ran(logs) == modules, "a helper both import changed: both re-run"
    assert not list((project / "cache").glob(".tmp-*")), "no half-written entries left behind"
    assert len(list((project / "cache").glob("snippets.*--*"))) == 2, "entries no build used for long are dropped"


def test_a_failing_snippet_names_itself_its_pages_and_the_traceback(project):
    write(
        project / "snippets/demo/broken.py",
        """\
        def main():
            return 1 / 0

        main()
        """,
    )
    with pytest.raises(SnippetFailed) as failure:
        build(project, ["snippets.demo.broken", "snippets.demo.first"], [])
    message = str(failure.value)
    assert "snippets/demo/broken.py failed" in message
    assert "docs/page.md" in message
    assert "ZeroDivisionError: division by zero" in message and "line 2, in main" in message
    assert not list((project / "cache").glob("snippets.demo.broken--*")), "a failed run is not cached"


def test_output_captures_library_output_on_stderr_and_figures_left_open(project):
    write(
        project / "snippets/demo/noisy.py",
        """\
        import sys
        import matplotlib.pyplot as plt

        print("to stdout")
        print("to stderr", file=sys.stderr)
        plt.figure()
        plt.plot([0, 1])
        plt.show()
        plt.figure()
        plt.plot([1, 0])
        """,
    )
    run = build(project, ["snippets.demo.noisy"], [])["snippets.demo.noisy"]
    assert "to stdout" in run.output and "to stderr" in run.output
    assert run.figure_count == 2


def test_a_glyph_no_font_has_fails_the_run(project):
    write(
        project / "snippets/demo/tofu.py",
        """\
        import matplotlib.pyplot as plt

        plt.title("\\U0001D11E clef")
        plt.show()
        """,
    )
    with pytest.raises(SnippetFailed, match="missing from font"):
        build(project, ["snippets.demo.tofu"], [])


def test_snippets_of_one_group_share_a_worker_but_no_state(project):
    write(
        project / "snippets/demo/leaker.py",
        """\
        import json, os
        import matplotlib.pyplot as plt

        plt.rcParams["lines.linewidth"] = 9
        json.LEAKED = True
        os.environ["LEAKED"] = "yes"
        print("worker", os.getppid())
        """,
    )
    write(
        project / "snippets/demo/victim.py",
        """\
        import json, os
        import matplotlib.pyplot as plt

        print("worker", os.getppid())
        print("linewidth", plt.rcParams["lines.linewidth"], "json", hasattr(json, "LEAKED"), "env", "LEAKED" in os.environ)
        """,
    )
    runs = build(project, ["snippets.demo.leaker", "snippets.demo.victim"], [])
    leaker, victim = runs["snippets.demo.leaker"].output, runs["snippets.demo.victim"].output
    assert leaker.split("\n")[0] == victim.split("\n")[0], "both ran as children of the same worker process"
    assert "linewidth 1.5 json False env False" in victim
