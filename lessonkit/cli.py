"""Command line: ``lessonkit translations status|check|first-use|stamp|fix-encoding`` (also ``python -m lessonkit``)."""

import argparse
import sys
from pathlib import Path

from lessonkit import DOCS_DIR, REPO_ROOT  # the CLI works on this checkout
from lessonkit.atomic_write import write_atomically
from lessonkit.languages import page_language
from lessonkit.translation_files import load_glossary
from lessonkit.translations.checks import check_encoding, check_translation, findings_to_repair, translated_pages
from lessonkit.translations.encoding_repair import repair_text
from lessonkit.translations.glossary_terms import add_originals, first_use_problems
from lessonkit.translations.invisible import repair
from lessonkit.translations.problems import shown_path
from lessonkit.translations.records import TRANSLATED_LANGUAGES, all_states, english_path, stamp
from lessonkit.translations.staleness import changes_report

STATE_MARK = {"up to date": "✓ up to date", "outdated": "⚠ outdated", "missing": "✗ missing"}


def status(args) -> int:
    states = all_states(DOCS_DIR)
    pages = sorted({s.english for s in states})
    print("| page | " + " | ".join(TRANSLATED_LANGUAGES) + " |")
    print("|---|" + "---|" * len(TRANSLATED_LANGUAGES))
    for page in pages:
        row = [
            STATE_MARK[s.state]
            for lang in TRANSLATED_LANGUAGES
            for s in states
            if s.english == page and s.language == lang
        ]
        print(f"| {page.relative_to(DOCS_DIR).as_posix()} | " + " | ".join(row) + " |")
    counts = {state: sum(s.state == state for s in states) for state in STATE_MARK}
    print("\n" + ", ".join(f"{n} {state}" for state, n in counts.items()))
    for s in (s for s in states if s.state == "outdated"):
        print(f"\n## {shown_path(s.path)}: outdated")
        print(s.english_diff(REPO_ROOT) if args.diff else changes_report(s, REPO_ROOT))
        print(f"When the translation covers these changes: lessonkit translations stamp {shown_path(s.path)}")
    return 0


def check(args) -> int:
    paths = [Path(p).resolve() for p in args.files] or translated_pages(DOCS_DIR)
    problems = [problem for path in paths for problem in check_translation(path)]
    for problem in problems:
        print(problem)
    print(f"{len(paths)} translated page(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


def first_use(args) -> int:
    """Glossary terms whose first use on a Bengali or Hindi page lacks its English original."""
    paths = [Path(p).resolve() for p in args.files] or translated_pages(DOCS_DIR)
    glossary = load_glossary()
    problems, unreadable = [], []
    for path in paths:
        text, encoding_problems = check_encoding(path)
        if text is None:  # not UTF-8: say so (as `check` does) and leave the file alone
            unreadable += encoding_problems
            continue
        if args.fix:
            text, added = add_originals(text, page_language(path), glossary)
            if added:
                write_atomically(path, text)
                print(f"{shown_path(path)}: {added} English original(s) added; read the page through")
        problems += first_use_problems(shown_path(path), text, page_language(path), glossary)
    for problem in [*unreadable, *problems]:
        print(problem)
    summary = f"{len(paths)} translated page(s) checked, {len(problems)} term(s) without their English original"
    print(summary + (f", {len(unreadable)} page(s) not UTF-8" if unreadable else ""))
    return 1 if problems or unreadable else 0


def stamp_files(args) -> int:
    for name in args.files:
        print(f"{name}: translation_of {stamp(Path(name).resolve())[:10]}")
    return 0


def fix_encoding(args) -> int:
    for name in args.files:
        path = Path(name).resolve()
        text = path.read_bytes().decode("utf-8")  # not read_text: it would hide carriage returns
        repaired = repair_text(text)
        english = english_path(path)
        english_text = english.read_text(encoding="utf-8") if english.exists() and english != path else repaired
        repaired = repair(repaired, findings_to_repair(repaired, english_text))
        if repaired != text:
            path.write_bytes(repaired.encode("utf-8"))  # bytes: no newline translation on any system
            print(f"{name}: repaired")
        else:
            print(f"{name}: nothing to repair")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="lessonkit", description=__doc__)
    group = parser.add_subparsers(dest="group", required=True)
    translations = group.add_parser("translations", help="tools for translators").add_subparsers(
        dest="command", required=True
    )
    p = translations.add_parser("status", help="page x language table: up to date / outdated / missing")
    p.add_argument(
        "--diff", action="store_true", help="for outdated pages, the whole English diff instead of the blocks to update"
    )
    p.set_defaults(run=status)
    p = translations.add_parser("check", help="check translated pages (all when no file is given)")
    p.add_argument("files", nargs="*")
    p.set_defaults(run=check)
    p = translations.add_parser(
        "first-use", help="glossary terms whose first use on a page lacks the English original in parentheses"
    )
    p.add_argument("files", nargs="*")
    p.add_argument(
        "--fix", action="store_true", help="write ' (english)' after each such first use (a draft to read through)"
    )
    p.set_defaults(run=first_use)
    p = translations.add_parser("stamp", help="record that a translation matches the current English page")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=stamp_files)
    p = translations.add_parser(
        "fix-encoding",
        help="repair in place: mojibake, invisible characters, byte-order "
        "mark, CR LF line endings, no-break spaces where English has a plain space",
    )
    p.add_argument("files", nargs="+")
    p.set_defaults(run=fix_encoding)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
