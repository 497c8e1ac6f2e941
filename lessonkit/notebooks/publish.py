"""Publish the site's notebooks to the repository's ``notebooks`` branch, where Colab and Kaggle open them.

``python -m lessonkit.notebooks.publish SITE_DIR [--repo DIR] [--branch notebooks]`` makes one commit whose tree is
every notebook under the site's ``notebooks/`` folder, each at its path below that folder (the path the pages'
"open in Colab" links use: lessonkit.notebooks.cloud_links), and a README saying where they come from. The commit
has no parent: the branch is rewritten by every publish and holds the notebooks of the latest build only. Neither
the working tree nor the index of ``--repo`` is touched (a temporary index is used); the workflow then pushes the
branch (``git push --force origin notebooks``). Standard library only: the deploy job runs it without installing
the lesson.
"""

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

BRANCH = "notebooks"
SITE_FOLDER = "notebooks"  # the notebooks' folder in the built site
README = """# Notebooks of the lesson (generated)

Every notebook of the lesson's site, in every language and framework, at the path its "open in Colab" and
"open in Kaggle" links use. This branch is rewritten by the publishing workflow on each push to `main`
(`python -m lessonkit.notebooks.publish`): do not commit to it; change the pages and snippets on `main`.
"""
# Used when the environment names no committer (a CI runner): git refuses to commit without one.
IDENTITY = {
    "GIT_AUTHOR_NAME": "lesson-site publisher",
    "GIT_AUTHOR_EMAIL": "lesson-site@users.noreply.github.com",
    "GIT_COMMITTER_NAME": "lesson-site publisher",
    "GIT_COMMITTER_EMAIL": "lesson-site@users.noreply.github.com",
}


def branch_path(site_uri: str) -> str:
    """``notebooks/low-level/training-pytorch.bn.ipynb`` (in the site) -> ``low-level/training-pytorch.bn.ipynb``."""
    return site_uri.removeprefix(f"{SITE_FOLDER}/")


def site_notebooks(site_dir: Path) -> dict[str, Path]:
    """The built site's notebooks, by their path on the branch."""
    folder = site_dir / SITE_FOLDER
    return {branch_path(p.relative_to(site_dir).as_posix()): p for p in sorted(folder.rglob("*.ipynb"))}


def publish(site_dir: Path, repo: Path, branch: str = BRANCH, message: str = "Notebooks of the latest build") -> str:
    """Point ``branch`` of the git repository ``repo`` at a new commit holding the site's notebooks; its hash."""
    notebooks = site_notebooks(site_dir)
    if not notebooks:
        raise SystemExit(f"{site_dir / SITE_FOLDER}: no notebooks to publish (build the site first)")
    with tempfile.TemporaryDirectory() as temporary:
        env = {**IDENTITY, **os.environ, "GIT_INDEX_FILE": str(Path(temporary) / "index")}

        def git(*args: str, stdin: str | None = None) -> str:
            done = subprocess.run(
                ["git", *args], cwd=repo, env=env, input=stdin, capture_output=True, text=True, check=False
            )
            if done.returncode:
                raise SystemExit(f"git {' '.join(args)} failed in {repo}:\n{done.stderr}")
            return done.stdout.strip()

        readme = Path(temporary) / "README.md"
        readme.write_text(README, encoding="utf-8")
        files = {"README.md": readme, **notebooks}
        blobs = git("hash-object", "-w", "--", *map(str, files.values())).split("\n")
        git(
            "update-index",
            "--add",
            "--index-info",
            stdin="".join(f"100644 {blob}\t{path}\n" for path, blob in zip(files, blobs, strict=True)),
        )
        commit = git("commit-tree", git("write-tree"), "-m", message)
        git("update-ref", f"refs/heads/{branch}", commit)
    print(f"{branch}: {len(notebooks)} notebooks at {commit[:12]}")
    return commit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site (mkdocs build's folder)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the git repository (default: here)")
    parser.add_argument("--branch", default=BRANCH)
    parser.add_argument("--message", default="Notebooks of the latest build")
    args = parser.parse_args()
    publish(args.site_dir, args.repo, args.branch, args.message)


if __name__ == "__main__":
    main()
