import os

# pytest-xdist runs one worker per core: one compute thread per worker avoids threads fighting over the cores
# (6-30x slower PyTorch training measured on 2 busy cores). Set before torch or TensorFlow start.
for _name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "TF_NUM_INTRAOP_THREADS"):
    os.environ.setdefault(_name, "1")

import importlib.util  # noqa: E402

import pytest  # noqa: E402

from tests.support.site_build import build_site  # noqa: E402
from tests.support.snippet_runner import run_main  # noqa: E402

# Fixture modules: the browser (Chromium) and a rendered lab notebook page.
pytest_plugins = [
    "pytester",
    "tests.support.browser_support",
    "tests.support.notebook_pages",
    "tests.support.snippet_runs",
]


def pytest_sessionstart(session):
    """A GPU run (LESSON_DEVICE=cuda) on a machine without a CUDA GPU stops at once instead of passing on the CPU."""
    if os.environ.get("LESSON_DEVICE", "").strip().lower() == "cuda":
        import torch

        if not torch.cuda.is_available():
            pytest.exit(
                f"LESSON_DEVICE=cuda, but PyTorch {torch.__version__} sees no CUDA GPU "
                f"(CUDA build: {torch.version.cuda or 'no'}). Run `make test` on a machine without a GPU.",
                returncode=3,
            )


# A machine with one framework only (the GPU machine has PyTorch and no TensorFlow): a test that needs the missing
# framework is skipped with the reason, instead of failing. A framework that is installed never skips.
OPTIONAL_FRAMEWORKS = {
    "tensorflow": "TensorFlow",
    "keras": "Keras",
    "torch": "PyTorch",
    "pytorch_lightning": "Lightning",
}


def _skip_if_framework_missing(error: ModuleNotFoundError) -> None:
    top = (error.name or "").split(".")[0]
    if top in OPTIONAL_FRAMEWORKS and importlib.util.find_spec(top) is None:
        pytest.skip(f"{OPTIONAL_FRAMEWORKS[top]} is not installed here")
    raise error


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    try:
        return (yield)
    except ModuleNotFoundError as error:
        _skip_if_framework_missing(error)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    try:
        return (yield)
    except ModuleNotFoundError as error:
        _skip_if_framework_missing(error)


def pytest_collection_modifyitems(items):
    """Every test that uses the built site carries the ``site`` marker, so ``-m "not site"`` (make test-fast) builds
    no site: the marker follows the fixture, whichever module the test is in."""
    for item in items:
        if "site" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("site"):
            item.add_marker(pytest.mark.site)


@pytest.fixture
def run_snippet(monkeypatch):
    """``run_snippet("snippets.topic.name")`` -> SnippetRun(result of main(), figures shown)."""
    return lambda module_name: run_main(module_name, monkeypatch)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built once per test process (reusing the figure cache): (site folder, build log)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir, result.stderr
