"""The "Translation status" page for contributors: every page x language, made at build time from the
translators' records (lessonkit.translations.records), as ``lessonkit translations status`` prints it.

English only, in the English build; not in the readers' navigation (``not_in_nav`` in mkdocs.yml) nor in search.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from lessonkit import DEFAULT_LANGUAGE
from lessonkit.atomic_write import write_atomically
from lessonkit.cli import STATE_MARK
from lessonkit.translations.records import TRANSLATED_LANGUAGES, TranslationState, all_states

STATUS_PAGE = "translation-status.md"
UP = "../"  # from the page's address, translation-status/, to the site's root
INTRO = """Each translated page records which version of the English page it was translated from
(`translation_of` in its front matter). **Outdated**: the English page changed since; `lessonkit translations status`
lists the paragraphs that changed. **Missing**: readers see the English page with a notice. How to translate,
check and stamp a page: `translations/README.md` in the repository. This page is made when the site is built."""


def add_status_page(files: Files, config: MkDocsConfig) -> None:
    """Add the page to the English build's files (call after the i18n plugin sorted the files by language)."""
    url_of = {f.src_uri: f.url for f in files.documentation_pages()}
    markdown = status_markdown(all_states(Path(config.docs_dir)), Path(config.docs_dir), url_of)
    source = write_atomically(
        Path(config.config_file_path).resolve().parent / ".cache" / "contributors" / STATUS_PAGE, markdown
    )
    page = File.generated(config, STATUS_PAGE, abs_src_path=str(source))
    # What the i18n plugin gives its own files: an English page with no translations, so its language menu
    # leads to each language's home page (without these it would keep the previous page's links).
    page.locale, page.alternates, page.locale_alternate_of = DEFAULT_LANGUAGE, {}, ""
    files.append(page)


def status_markdown(states: list[TranslationState], docs_dir: Path, url_of: dict[str, str]) -> str:
    """The page: a table with a row per English page, a cell per language linking to the translated page."""
    rows = []
    for english in sorted({s.english for s in states}):
        name = english.relative_to(docs_dir).as_posix()
        cells = [f'<a href="{UP}{url_of[name]}">{name}</a>']
        for state in (
            s for language in TRANSLATED_LANGUAGES for s in states if s.english == english and s.language == language
        ):
            mark = STATE_MARK[state.state]
            cells.append(
                mark if state.state == "missing" else f'<a href="{UP}{state.language}/{url_of[name]}">{mark}</a>'
            )
        rows.append("| " + " | ".join(cells) + " |")
    counts = ", ".join(f"{sum(s.state == state for s in states)} {state}" for state in STATE_MARK)
    return "\n".join(
        [
            "---",
            "search:",
            "  exclude: true",
            "---",
            "",
            "# Translation status",
            "",
            INTRO,
            "",
            "| page | " + " | ".join(TRANSLATED_LANGUAGES) + " |",
            "|---|" + "---|" * len(TRANSLATED_LANGUAGES),
            *rows,
            "",
            f"**{counts}**",
            "",
        ]
    )
