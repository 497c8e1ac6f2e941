"""A learner installs one framework: pyproject extras, snippets that run without the other framework, and a
snippet whose framework is missing saying which extra to install."""

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from lessonkit import REPO_ROOT, SNIPPETS_DIR
from lessonkit.requirements import (
    FRAMEWORK_EXTRAS,
    REQUIREMENT_NAME,
    canonical_name,
    extra_requirements,
    project_table,
    requirements_for,
)
from lessonkit.snippets import imported_packages, module_name
from snippets import FRAMEWORK_EXTRAS as EXTRA_OF_MODULE

FRAMEWORK_DISTRIBUTIONS = {"pytorch": ("torch", "pytorch-lightning"), "tensorflow": ("tensorflow-cpu", "keras")}
FRAMEWORK_MODULES = {"pytorch": ("torch", "pytorch_lightning"), "tensorflow": ("tensorflow", "keras")}


def _names(requirements) -> set[str]:
    return {canonical_name(REQUIREMENT_NAME.match(r)[1]) for r in requirements}


def snippet_modules() -> list[str]:
    return sorted(module_name(p, REPO_ROOT) for p in SNIPPETS_DIR.rglob("*.py") if p.name != "__init__.py")


def test_base_dependencies_hold_no_framework():
    base = _names(project_table()["dependencies"])
    frameworks = _names(r for extra in FRAMEWORK_EXTRAS for r in extra_requirements(extra))
    assert {"torch", "tensorflow-cpu", "keras", "pytorch-lightning"} <= frameworks
    assert not base & frameworks, f"the base dependencies install a framework: {base & frameworks}"


@pytest.mark.parametrize("module", snippet_modules())
def test_base_and_its_frameworks_extra_install_what_a_snippet_imports(module):
    imports = imported_packages(module, REPO_ROOT)
    extras = {EXTRA_OF_MODULE[name][1] for name in imports if name in EXTRA_OF_MODULE}
    installed = _names(project_table()["dependencies"]) | _names(r for e in extras for r in extra_requirements(e))
    needed = _names(requirements_for(imports).values())
    assert needed <= installed, f"{module} imports {needed - installed}, which neither the base nor {extras} installs"


def test_the_extra_named_for_each_framework_installs_it():
    for module, (_, extra) in EXTRA_OF_MODULE.items():
        assert requirements_for([module])[module] in extra_requirements(extra), (module, extra)


def test_make_venv_installs_every_framework():
    assert re.search(r"^EXTRAS \?= cpu,site,test$", (REPO_ROOT / "Makefile").read_text(), re.M)
    everything = _names(extra_requirements("cpu"))
    assert all(_names(extra_requirements(extra)) <= everything for extra in FRAMEWORK_EXTRAS)


def environment_without(tmp_path: Path, extra: str) -> dict[str, str]:
    """Environment variables for ``python -S``: every installed package except the extra's frameworks
    (a folder of links to the real site-packages, without those distributions' files)."""
    site_packages = Path(metadata.distribution("numpy").locate_file(""))
    hidden = {Path(f).parts[0] for name in FRAMEWORK_DISTRIBUTIONS[extra] for f in metadata.distribution(name).files}
    packages = tmp_path / f"site-packages-without-{extra}"
    packages.mkdir()
    for entry in site_packages.iterdir():
        if entry.name not in hidden:
            (packages / entry.name).symlink_to(entry)
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO_ROOT), str(packages)]), MPLBACKEND="Agg")


def run_without(tmp_path: Path, extra: str, module: str) -> subprocess.CompletedProcess:
    env = environment_without(tmp_path, extra)
    probe = f"import importlib.util as u; print([u.find_spec(m) for m in {list(FRAMEWORK_MODULES[extra])}])"
    hidden = subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True, text=True, env=env)
    assert hidden.stdout.strip() == str([None] * len(FRAMEWORK_MODULES[extra])), hidden
    return subprocess.run(
        [sys.executable, "-S", "-m", module], capture_output=True, text=True, cwd=REPO_ROOT, env=env, timeout=300
    )


@pytest.mark.parametrize(
    "module, absent",
    [
        ("snippets.low_level.tensors_pytorch", "tensorflow"),
        ("snippets.low_level.tensors_tensorflow", "pytorch"),
    ],
)
def test_a_snippet_runs_without_the_other_framework(tmp_path, module, absent):
    result = run_without(tmp_path, absent, module)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "x + ones =" in result.stdout, "the snippet printed its tensors"


def test_a_snippet_without_its_framework_names_the_extra_to_install(tmp_path):
    result = run_without(tmp_path, "pytorch", "snippets.low_level.tensors_pytorch")
    assert result.returncode == 1
    assert 'pip install -e ".[pytorch]"' in result.stderr and "PyTorch" in result.stderr
    assert "Traceback" not in result.stderr, "the learner sees what to do, not a stack of frames"


def _install_cell(page: str, framework: str):
    from lessonkit import DOCS_DIR
    from lessonkit.notebooks.convert import page_notebook

    notebook = page_notebook(
        (DOCS_DIR / f"{page}.md").read_text(encoding="utf-8"), framework, "en", "Run the next cell.", root=REPO_ROOT
    )
    return notebook.cells[0]


def test_a_notebook_begins_with_a_cell_installing_exactly_what_it_imports():
    pytorch, tensorflow = _install_cell("overfitting", "PyTorch"), _install_cell("overfitting", "TensorFlow")
    assert pytorch.cell_type == "code" and "pip" in pytorch.source
    assert 'torch": "torch==2.13.0"' in pytorch.source.replace("'", '"')
    assert "tensorflow" not in pytorch.source and "keras" not in pytorch.source
    assert "keras==3.15.1" in tensorflow.source and "tensorflow-cpu==2.21.0" in tensorflow.source
    assert "torch" not in tensorflow.source


def test_the_install_cell_installs_only_what_is_missing(tmp_path):
    """Run in an environment without PyTorch, with pip replaced by a print: it asks for torch alone."""
    cell = _install_cell("overfitting", "PyTorch").source
    code = "import subprocess\nsubprocess.check_call = lambda args: print('PIP', args[4:])\n" + cell
    without = subprocess.run(
        [sys.executable, "-S", "-c", code], capture_output=True, text=True, env=environment_without(tmp_path, "pytorch")
    )
    assert without.stdout.strip() == "PIP ['torch==2.13.0']", without.stderr
    everything = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert everything.returncode == 0 and "PIP" not in everything.stdout, "nothing to install where all is present"
