"""Which English version each translation was made from, and whether it is up to date.

A translated page records, in its front matter, the git blob hash of the English file it was translated
from (``translation_of: <hash>``; ``lessonkit translations stamp`` writes it). The hash of the English
file today tells whether the English changed since; git still has the old text, so we can show the diff.
"""

import difflib
import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lessonkit.atomic_write import write_atomically
from lessonkit.languages import TRANSLATED_LANGUAGES, english_path, translation_path
from lessonkit.languages import english_pages as _english_pages

RECORD = re.compile(r"^translation_of:\s*(?P<hash>[0-9a-f]{40})\s*$", re.M)
__all__ = ["TRANSLATED_LANGUAGES", "english_path", "translation_path"]  # their home is lessonkit.languages


def git_blob_hash(data: bytes) -> str:
    """The hash git gives this content (``git hash-object``), so git can return the old text later."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def english_pages(docs_dir: Path) -> list[Path]:
    return _english_pages(docs_dir)


def recorded_hash(translation_text: str) -> str | None:
    front = translation_text.split("\n---", 1)[0] if translation_text.startswith("---") else ""
    match = RECORD.search(front)
    return match["hash"] if match else None


@dataclass
class TranslationState:
    english: Path
    language: str
    state: str  # "up to date" | "outdated" | "missing"
    recorded: str | None = None
    current: str | None = None

    @property
    def path(self) -> Path:
        return translation_path(self.english, self.language)

    def recorded_english(self, root: Path) -> str | None:
        """The English text the translation was made from (from git's object store), None if unknown."""
        if not self.recorded:
            return None
        old = subprocess.run(["git", "cat-file", "blob", self.recorded], cwd=root, capture_output=True)
        return old.stdout.decode("utf-8") if old.returncode == 0 else None

    def unknown_english(self) -> str:
        """Why the English version the translation was made from cannot be shown."""
        if not self.recorded:
            return "(no translation_of record: the English version it was made from is unknown)"
        return f"(English version {self.recorded[:10]} is not in this git repository: cannot show what changed)"

    def english_diff(self, root: Path) -> str:
        """What changed in the English page since the translation was made (unified diff)."""
        if self.state != "outdated":
            return ""
        old = self.recorded_english(root)
        if old is None:
            return self.unknown_english()
        current = self.english.read_text(encoding="utf-8")
        name = self.english.relative_to(root).as_posix()
        return "".join(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                current.splitlines(keepends=True),
                fromfile=f"{name} (translated from {self.recorded[:10]})",
                tofile=f"{name} (now)",
            )
        )


def translation_state(english: Path, language: str) -> TranslationState:
    current = git_blob_hash(english.read_bytes())
    translation = translation_path(english, language)
    if not translation.exists():
        return TranslationState(english, language, "missing", current=current)
    recorded = recorded_hash(translation.read_text(encoding="utf-8", errors="replace"))
    state = "up to date" if recorded == current else "outdated"
    return TranslationState(english, language, state, recorded, current)


def all_states(docs_dir: Path) -> list[TranslationState]:
    return [translation_state(e, lang) for e in english_pages(docs_dir) for lang in TRANSLATED_LANGUAGES]


def keep_in_git(path: Path) -> None:
    """Store the file's text in git's object store, so ``status --diff`` can show it later even if it is never
    committed in this exact version (a clone only has the versions that were committed)."""
    subprocess.run(["git", "hash-object", "-w", str(path)], cwd=path.parent, capture_output=True)


def stamp(translation: Path) -> str:
    """Record in the translation's front matter that it matches the current English page."""
    english = english_path(translation)
    keep_in_git(english)
    current = git_blob_hash(english.read_bytes())
    text = translation.read_text(encoding="utf-8")
    line = f"translation_of: {current}"
    if text.startswith("---\n") and "\n---" in text[4:]:
        head, rest = text[4:].split("\n---", 1)
        head = RECORD.sub(line, head) if RECORD.search(head) else f"{head}\n{line}".lstrip("\n")
        text = f"---\n{head}\n---{rest}"
    else:
        text = f"---\n{line}\n---\n\n{text}"
    write_atomically(translation, text)
    return current
