"""Where figures of snippet runs are kept, keyed by everything that can change them.

The key hashes the snippet's source, the sources of the local helpers it imports, the figure runner
itself, the plot translations and the versions of the libraries that draw or compute. An entry is a
folder ``<module>--<key>`` that appears whole or not at all (written to a temporary folder, then renamed).
"""
import hashlib
import os
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from lessonkit import REPO_ROOT
from lessonkit.snippets import local_source_closure

CACHE_DIR_VARIABLE = "LESSON_FIGURE_CACHE"
LIBRARIES = ("numpy", "matplotlib", "torch", "tensorflow", "tensorflow-cpu", "keras", "pytorch-lightning",
             "scikit-learn")
_MACHINERY = ("runner.py", "plot_translation.py")


def cache_dir(root: Path = REPO_ROOT) -> Path:
    """``$LESSON_FIGURE_CACHE`` if set, else ``.cache/figures`` in the project (outside docs/: no rebuild loops)."""
    return Path(os.environ.get(CACHE_DIR_VARIABLE) or root / ".cache" / "figures")


def library_versions() -> str:
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return f"python {sys.version_info[:3]}; " + "; ".join(versions)


def cache_key(module: str, root: Path = REPO_ROOT, extra_inputs: tuple[Path, ...] = (), settings: str = "") -> str:
    """A hash of every input that can change what the snippet draws or prints (``settings``: the run's environment)."""
    digest = hashlib.sha256(library_versions().encode() + settings.encode())
    machinery = tuple(Path(__file__).parent / name for name in _MACHINERY)
    for path in (*local_source_closure(module, root), *machinery, *extra_inputs):
        digest.update(str(path.relative_to(path.anchor)).encode())
        digest.update(path.read_bytes() if path.exists() else b"<absent>")
    return digest.hexdigest()[:20]


class FigureCache:
    def __init__(self, root: Path | None = None):
        self.root = root or cache_dir()

    def entry(self, module: str, key: str) -> Path:
        return self.root / f"{module}--{key}"

    def lookup(self, module: str, key: str) -> Path | None:
        entry = self.entry(module, key)
        return entry if (entry / "manifest.json").is_file() else None

    def new_work_dir(self, module: str) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".tmp-{module}-", dir=self.root))

    def commit(self, work_dir: Path, module: str, key: str) -> Path:
        """Move a finished run into place atomically and drop older entries of the same module."""
        entry = self.entry(module, key)
        try:
            os.rename(work_dir, entry)
        except OSError:  # another build stored the same entry first: theirs is as good as ours
            shutil.rmtree(work_dir, ignore_errors=True)
        for old in self.root.glob(f"{module}--*"):
            if old != entry:
                shutil.rmtree(old, ignore_errors=True)
        return entry

    def discard(self, work_dir: Path) -> None:
        shutil.rmtree(work_dir, ignore_errors=True)
