"""What to install for a set of imports: the pinned requirements of pyproject.toml, found by import name.

The base dependencies hold what every snippet needs; each framework is an extra (``pytorch``, ``lightning``,
``tensorflow``). A downloaded notebook installs the requirements of the modules its code imports.
"""

import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

from lessonkit import REPO_ROOT

PYPROJECT = REPO_ROOT / "pyproject.toml"
FRAMEWORK_EXTRAS = ("pytorch", "lightning", "tensorflow")
LOCAL_PACKAGES = ("snippets", "lessonkit")
# Import names that differ from the name of the distribution that provides them.
DISTRIBUTION_OF_IMPORT = {"sklearn": "scikit-learn", "tensorflow": "tensorflow-cpu"}
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


class UndeclaredImport(LookupError):
    """Code imports a third-party module that no base dependency or framework extra of pyproject.toml installs."""


def canonical_name(name: str) -> str:
    """PEP 503 normalised distribution name: ``PyYAML`` -> ``pyyaml``, ``pytorch_lightning`` -> ``pytorch-lightning``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def project_table(pyproject: Path = PYPROJECT) -> dict:
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]


def extra_requirements(extra: str, pyproject: Path = PYPROJECT) -> list[str]:
    """The requirements an extra installs, with the extras it names of this project expanded."""
    project = project_table(pyproject)
    own = canonical_name(project["name"])
    result = []
    for requirement in project["optional-dependencies"][extra]:
        if canonical_name(REQUIREMENT_NAME.match(requirement)[1]) == own:
            for included in re.search(r"\[([^\]]*)\]", requirement)[1].split(","):
                result.extend(extra_requirements(included.strip(), pyproject))
        else:
            result.append(requirement)
    return result


def pinned_requirements(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """Canonical distribution name -> requirement, from the base dependencies and the framework extras."""
    requirements = [*project_table(pyproject)["dependencies"]]
    requirements += [r for extra in FRAMEWORK_EXTRAS for r in extra_requirements(extra, pyproject)]
    return {canonical_name(REQUIREMENT_NAME.match(r)[1]): r for r in requirements}


def is_third_party(module: str) -> bool:
    top = module.partition(".")[0]
    return top not in sys.stdlib_module_names and top not in LOCAL_PACKAGES and not top.startswith("_")


def requirements_for(imports: Iterable[str], pyproject: Path = PYPROJECT) -> dict[str, str]:
    """Top-level import name -> requirement, for the third-party modules among ``imports`` (sorted by name)."""
    pinned = pinned_requirements(pyproject)
    result = {}
    for module in sorted({name.partition(".")[0] for name in imports if is_third_party(name)}):
        distribution = canonical_name(DISTRIBUTION_OF_IMPORT.get(module, module))
        if distribution not in pinned:
            raise UndeclaredImport(
                f"'import {module}': no base dependency or framework extra in {pyproject.name} installs it. "
                f"Add the distribution that provides '{module}' to [project] dependencies (every snippet needs it) "
                f"or to its framework's extra, or add its name to DISTRIBUTION_OF_IMPORT in {Path(__file__).name}."
            )
        result[module] = pinned[distribution]
    return result
