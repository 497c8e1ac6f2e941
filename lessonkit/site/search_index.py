"""Make the built search index work for Bengali and Hindi.

lunr has no Bengali support: with the default settings every Bengali word is trimmed to nothing.
Indexing with the English pipeline and a separator that also splits on the danda (।, ॥) keeps
Bengali and Hindi words whole, so both become searchable.
"""
import json
from pathlib import Path

SEARCH_LANGUAGES = ["en"]
SEARCH_SEPARATOR = r"[\s\-।॥]+"


def fix_search_indexes(site_dir: Path) -> list[Path]:
    """Rewrite the config of every search index under ``site_dir``; returns the files changed."""
    changed = []
    for index_file in sorted(site_dir.glob("**/search/search_index.json")):
        index = json.loads(index_file.read_text(encoding="utf-8"))
        config = index.setdefault("config", {})
        if config.get("lang") == SEARCH_LANGUAGES and config.get("separator") == SEARCH_SEPARATOR:
            continue
        config["lang"] = SEARCH_LANGUAGES
        config["separator"] = SEARCH_SEPARATOR
        index_file.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
        changed.append(index_file)
    return changed
