"""Where figures of snippet runs are kept, keyed by everything that can change them.

The key hashes the snippet's source, the sources of the local helpers it imports, the figure runner
itself, the plot translations and the versions of the libraries that draw or compute. An entry is a
folder ``<module>--<key>`` that appears whole or not at all (written to a temporary folder
``.tmp-<pid of the build>-<module>-*``, then renamed). Its ``manifest.json`` records the size and SHA-256
of every other file in it; an entry whose files do not match is damaged, and the build treats it as absent.
"""

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from functools import cache
from importlib import metadata
from pathlib import Path

from lessonkit.figures.entry_files import MANIFEST_FILE
from lessonkit.snippets import local_source_closure

CACHE_DIR_VARIABLE = "LESSON_FIGURE_CACHE"
LIBRARIES = (
    "numpy",
    "matplotlib",
    "torch",
    "tensorflow",
    "tensorflow-cpu",
    "keras",
    "pytorch-lightning",
    "scikit-learn",
)
# The code that draws and names what an entry holds (a change to it makes every entry out of date).
_MACHINERY = (
    "figures/runner.py",
    "figures/plot_translation.py",
    "figures/light_svg.py",
    "figures/entry_files.py",
    "translation_files.py",
    "languages.py",
    "figures/narrow_layout.py",
)


def cache_dir(root: Path) -> Path:
    """``$LESSON_FIGURE_CACHE`` if set, else ``.cache/figures`` in the project (outside docs/: no rebuild loops)."""
    return Path(os.environ.get(CACHE_DIR_VARIABLE) or root / ".cache" / "figures")


@cache  # the installed versions do not change while a build runs
def library_versions() -> str:
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return f"python {sys.version_info[:3]}; " + "; ".join(versions)


def cache_key(module: str, root: Path, extra_inputs: tuple[Path, ...] = (), settings: str = "") -> str:
    """A hash of every input that can change what the snippet draws or prints (``settings``: the run's environment)."""
    digest = hashlib.sha256(library_versions().encode() + settings.encode())
    lessonkit = Path(__file__).resolve().parent.parent
    machinery = tuple(lessonkit / name for name in _MACHINERY)
    for path in (*local_source_closure(module, root), *machinery, *extra_inputs):
        # Named relative to the project (or to lessonkit/): a copy of the project elsewhere has the same keys.
        base = next((b for b in (root.resolve(), lessonkit) if path.resolve().is_relative_to(b)), Path(path.anchor))
        digest.update(str(path.resolve().relative_to(base)).encode())
        digest.update(path.read_bytes() if path.exists() else b"<absent>")
    return digest.hexdigest()[:20]


MANIFEST = MANIFEST_FILE
TEMP_PREFIX = ".tmp-"
# A build touches each entry it uses; an older entry of a module is dropped only once no build has used it for
# this long (another build, of other sources, may still be copying its figures into its site).
KEEP_USED_S = 3600
# Entries hashed by this process, with what stat() said of their files then: a file that is written to, replaced
# or truncated gets a new ctime (which no tool can set back), so an unchanged signature means unchanged bytes.
_verified: dict[Path, tuple] = {}


class DamagedEntry(Exception):
    """A cache entry whose files do not match its manifest."""

    def __init__(self, entry: Path, file: str, problem: str):
        super().__init__(f"cache entry {entry.name} is damaged: {file} {problem}")


def _sha256(path: Path) -> str:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _signature(entry: Path, names) -> tuple:
    stats = [(entry / name).stat() for name in (MANIFEST, *names)]
    return tuple((s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns) for s in stats)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class FigureCache:
    def __init__(self, root: Path):
        self.root = root

    def entry(self, module: str, key: str) -> Path:
        return self.root / f"{module}--{key}"

    def lookup(self, module: str, key: str) -> dict | None:
        """The verified manifest of the entry for ``key``; None if there is none. A damaged entry is removed
        and raises DamagedEntry (say so, then run the snippet again)."""
        entry = self.entry(module, key)
        if not entry.is_dir():
            return None
        try:
            manifest = self.verify(entry)
        except DamagedEntry:
            shutil.rmtree(entry, ignore_errors=True)
            raise
        os.utime(entry)  # in use
        return manifest

    def verify(self, entry: Path) -> dict:
        """The entry's manifest, once every file it lists has the recorded size and SHA-256 (raises DamagedEntry)."""
        try:
            manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
            files = dict(manifest["files"])
        except FileNotFoundError:
            raise DamagedEntry(entry, MANIFEST, "is missing") from None
        except KeyError:
            problem = "records no file checksums (made before the cache checked itself)"
            raise DamagedEntry(entry, MANIFEST, problem) from None
        except (OSError, ValueError, TypeError) as error:
            raise DamagedEntry(entry, MANIFEST, f"cannot be read ({type(error).__name__}: {error})") from None
        try:
            signature = _signature(entry, files)
        except FileNotFoundError as missing:
            raise DamagedEntry(entry, Path(missing.filename).relative_to(entry).as_posix(), "is missing") from None
        if _verified.get(entry) == signature:
            return manifest
        for name, recorded in files.items():
            size = (entry / name).stat().st_size
            if size != recorded["size"]:
                raise DamagedEntry(entry, name, f"has {size} bytes, the manifest recorded {recorded['size']}")
            if _sha256(entry / name) != recorded["sha256"]:
                raise DamagedEntry(entry, name, "has other bytes than the manifest recorded (SHA-256 differs)")
        _verified[entry] = signature
        return manifest

    def latest_verified(self, module: str) -> Path | None:
        """The newest undamaged entry of ``module``, whatever its key (for previews that run no snippet)."""
        entries = [path for path in self.root.glob(f"{module}--*") if (path / MANIFEST).is_file()]
        for entry in sorted(entries, key=lambda path: (path / MANIFEST).stat().st_mtime_ns, reverse=True):
            try:
                self.verify(entry)
            except (DamagedEntry, OSError):
                continue
            return entry
        return None

    def new_work_dir(self, module: str) -> Path:
        """A temporary folder for one run, named after this process so that later builds know when it is stale."""
        self.root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-{module}-", dir=self.root))

    def remove_leftovers(self) -> list[Path]:
        """Remove temporary folders of runs whose build process has ended (killed builds); keep live builds' ones."""
        removed = []
        for folder in self.root.glob(f"{TEMP_PREFIX}*"):
            owner = folder.name.removeprefix(TEMP_PREFIX).split("-")[0]
            if not (owner.isdigit() and _alive(int(owner))):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        return removed

    def commit(self, work_dir: Path, module: str, key: str) -> Path:
        """Record every file's size and SHA-256 in the manifest, move the run into place atomically and drop
        older entries of the same module that no build has used for KEEP_USED_S."""
        manifest = json.loads((work_dir / MANIFEST).read_text(encoding="utf-8"))
        names = sorted(
            path.relative_to(work_dir).as_posix()
            for path in work_dir.rglob("*")
            if path.is_file() and path.name != MANIFEST
        )
        manifest["files"] = {
            name: {"size": (work_dir / name).stat().st_size, "sha256": _sha256(work_dir / name)} for name in names
        }
        (work_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        entry = self.entry(module, key)
        try:
            os.rename(work_dir, entry)
        except OSError:  # another build stored the same entry first: theirs is as good as ours
            shutil.rmtree(work_dir, ignore_errors=True)
        else:
            _verified[entry] = _signature(entry, names)
        for old in self.root.glob(f"{module}--*"):
            if old != entry and time.time() - old.stat().st_mtime > KEEP_USED_S:
                shutil.rmtree(old, ignore_errors=True)
        return entry

    def discard(self, work_dir: Path) -> None:
        shutil.rmtree(work_dir, ignore_errors=True)
