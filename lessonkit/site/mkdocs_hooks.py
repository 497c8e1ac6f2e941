"""What ``hooks:`` in mkdocs.yml loads: one LessonPlugin (lessonkit/site/plugin.py), its events handed to mkdocs.

A hooks file lets this checkout use the plugin without installing it (``make preview`` runs from the checkout). Its
options come from ``extra: lessonkit:`` in mkdocs.yml (``LessonConfig``, lessonkit/site/config.py), with the
environment's overrides on top.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent

from lessonkit.site.plugin import LessonPlugin

plugin = LessonPlugin()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin.configure(dict(config.extra.get("lessonkit") or {}), config.config_file_path)
    return plugin.on_config(config)


on_files = CombinedEvent(
    plugin.add_generated_files, plugin.notebooks_as_pages, plugin.contributor_pages, plugin.glossary_page
)
on_pre_page = plugin.on_pre_page
on_page_markdown = plugin.on_page_markdown
on_post_build = plugin.on_post_build
on_post_template = plugin.on_post_template
on_post_page = plugin.on_post_page
