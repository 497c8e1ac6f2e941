"""Cost as the site grows: warm (and, with --cold, cold) builds with 3, 6 and 12 languages, against the floor's.

    .venv/bin/python bench/language_scaling.py [--counts 3 6 12] [--repeats 2] [--cold]

For each count, a copy of the project in a temporary folder gets the extra languages by copying the Hindi
translation under new codes (languages mkdocs-material has: ta, te, kn, ...): every ``page.hi.md`` becomes
``page.<code>.md``, the i18n plugin's ``hi`` entry in mkdocs.yml is repeated under the new code, and every ``hi:``
string of translations/site_strings.yml and plot_strings.yml is repeated too. The copy's lessonkit/ reads the
languages from the copy's mkdocs.yml (PYTHONPATH is the copy).

- warm: the checkout's figure cache (run a build first), each entry given the new languages' figures (copies of its
  Hindi figures, with their size and SHA-256 in the manifest: the cache checks them as its own) under the key the
  copy computes (the languages are part of it), then one build to make the notebooks;
  the best of ``--repeats`` builds with nothing changed counts. The floor (plain mkdocs build, bench/run_benchmarks.py)
  is measured the same way on the same copy.
- cold (``--cold``): an empty figure cache: every snippet runs (slow: minutes per count).

The table (bench/language_scaling.md) gives each build's seconds, ours / floor, and the cost per added language
(seconds per language above 3) of ours and of the floor.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_benchmarks import FLOOR_CONFIG, REPO, copy_project, floor_config, machine, mkdocs_build  # noqa: E402

EXTRA_CODES = ("ta", "te", "kn", "ur", "si", "sa", "th", "my", "ja")  # mkdocs-material has each
SOURCE = "hi"


def add_languages(project: Path, codes: tuple[str, ...]) -> None:
    """The Hindi translation again under each code in ``codes``."""
    for page in sorted((project / "docs").rglob(f"*.{SOURCE}.md")):
        for code in codes:
            shutil.copy2(page, page.with_name(page.name.replace(f".{SOURCE}.md", f".{code}.md")))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(rf"(?ms)^( +)- locale: {SOURCE}\n.*?(?=^\1- locale: |^\S|\n\n)", config)
    assert block, "mkdocs.yml: no i18n entry for Hindi"
    copies = "".join(
        block.group(0).replace(f"locale: {SOURCE}", f"locale: {code}", 1).rstrip("\n") + "\n" for code in codes
    )
    config = config[: block.end()].rstrip("\n") + "\n" + copies + config[block.end() :]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("site_strings.yml", "plot_strings.yml"):
        path = project / "translations" / name
        lines = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            lines.append(line)
            if match := re.match(rf"^(\s*){SOURCE}: (.*)$", line):
                lines += [f"{match[1]}{code}: {match[2]}" for code in codes]
        path.write_text("\n".join(lines), encoding="utf-8")


RENAME = """
import sys
from pathlib import Path
from lessonkit.figures.build import snippet_key
project, cache = Path(sys.argv[1]), Path(sys.argv[2])
for entry in sorted(cache.iterdir()):
    module = entry.name.split("--")[0]
    entry.rename(cache / f"{module}--{snippet_key(module, project)}")
"""


def warm_cache(source: Path, target: Path, codes: tuple[str, ...], project: Path) -> None:
    """The checkout's figure cache (the newest entry of each snippet) with each entry's Hindi figures copied for
    ``codes`` (recorded in its manifest), under the keys the copy's build computes (the languages are in the key)."""
    newest = {}
    for manifest in sorted(source.glob("*/manifest.json"), key=lambda path: path.stat().st_mtime):
        newest[manifest.parent.name.split("--")[0]] = manifest.parent
    for entry in newest.values():
        shutil.copytree(entry, target / entry.name)
    for manifest_path in target.glob("*/manifest.json"):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for name in [n for n in manifest.get("files", {}) if n.endswith(f".{SOURCE}.svg")]:
            data = (manifest_path.parent / name).read_bytes()
            for code in codes:
                copy = name.replace(f".{SOURCE}.svg", f".{code}.svg")
                (manifest_path.parent / copy).write_bytes(data)
                manifest["files"][copy] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-c", RENAME, str(project), str(target)],
        env={**os.environ, "PYTHONPATH": str(project)},
        cwd=project,  # the copy's lessonkit computes the keys, as its build will (not the checkout's, from cwd)
        check=True,
    )


def best(project: Path, cache: Path, config: str, repeats: int) -> float:
    return min(mkdocs_build(project, cache, config, PYTHONPATH=str(project))[0] for _ in range(repeats))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[3, 6, 12])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--cold", action="store_true", help="also cold builds (every snippet runs: slow)")
    parser.add_argument("--figure-cache", type=Path, default=REPO / ".cache" / "figures")
    args = parser.parse_args()
    assert all(3 <= n <= 3 + len(EXTRA_CODES) for n in args.counts), f"counts from 3 to {3 + len(EXTRA_CODES)}"
    results = {}
    for count in args.counts:
        codes = EXTRA_CODES[: count - 3]
        print(f"{count} languages: en, bn, hi{''.join(', ' + c for c in codes)}", flush=True)
        with tempfile.TemporaryDirectory(prefix="lesson-languages-") as tmp:
            project = copy_project(Path(tmp) / "project")
            add_languages(project, codes)
            (project / FLOOR_CONFIG).write_text(
                floor_config((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
            )
            row = {}
            if args.cold:
                row["cold"] = mkdocs_build(project, Path(tmp) / "cold-cache", PYTHONPATH=str(project))[0]
            cache = Path(tmp) / "warm-cache"
            warm_cache(args.figure_cache, cache, codes, project)
            mkdocs_build(project, cache, PYTHONPATH=str(project))  # makes the notebooks: the next builds are warm
            row["warm"] = best(project, cache, "mkdocs.yml", args.repeats)
            row["floor"] = best(project, cache, FLOOR_CONFIG, args.repeats)
            results[count] = row
    write_table(results, args)


def write_table(results: dict[int, dict[str, float]], args) -> None:
    base = min(results)
    lines = [
        "# Cost as the site grows: builds with more languages",
        "",
        f"`bench/language_scaling.py --counts {' '.join(map(str, args.counts))} --repeats {args.repeats}"
        f"{' --cold' if args.cold else ''}`; {machine()}. Extra languages are copies of the Hindi translation.",
        "",
        "| languages | warm build (s) | floor (s) | warm / floor | per added language: ours (s) | floor (s) | ratio |"
        + (" cold build (s) |" if args.cold else ""),
        "|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if args.cold else ""),
    ]
    for count, row in sorted(results.items()):
        added = count - base
        ours = (row["warm"] - results[base]["warm"]) / added if added else None
        floor = (row["floor"] - results[base]["floor"]) / added if added else None
        per = f"{ours:.2f} | {floor:.2f} | {ours / floor:.2f}" if added and floor else "– | – | –"
        cold = f" {row['cold']:.1f} |" if args.cold else ""
        lines.append(
            f"| {count} | {row['warm']:.1f} | {row['floor']:.1f} | {row['warm'] / row['floor']:.2f} | {per} |{cold}"
        )
    text = "\n".join(lines) + "\n"
    (REPO / "bench" / "language_scaling.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
