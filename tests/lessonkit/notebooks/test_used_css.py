"""A notebook page's stylesheet keeps what the page can use and nothing else (lessonkit.notebooks.used_css)."""

from lessonkit.notebooks.used_css import names_in, used_css

PAGE = '<div class="jp-Cell jp-CodeCell"><pre class="highlight"><span class="k">def</span></pre></div>'


def kept(css: str, *texts: str) -> str:
    return used_css(css, names_in(PAGE, *texts))


def test_rules_for_classes_the_page_has_are_kept_the_others_dropped():
    css = ".jp-Cell{margin:0}.bp3-button{color:red}.jp-Cell .k{color:green}.jp-Cell.jp-mod-active{color:blue}"
    assert kept(css) == ".jp-Cell{margin:0}.jp-Cell .k{color:green}"


def test_a_selector_list_keeps_its_usable_selectors_only():
    assert kept(".bp3-card, .jp-CodeCell > pre,.lm-Widget{padding:1px}") == ".jp-CodeCell > pre{padding:1px}"


def test_rules_without_classes_and_classes_inside_negations_are_not_required():
    css = "pre,table{margin:0}[data-md-color-scheme=slate] .k{color:#fff}.jp-Cell:not(.jp-mod-active) .k{opacity:.5}"
    assert kept(css) == css


def test_classes_that_the_theme_adds_at_run_time_are_kept():
    css = ".md-typeset__scrollwrap{margin:0}"
    assert kept(css) == ""
    theme_script = 'e.classList.add("md-typeset__scrollwrap")'
    assert kept(css, theme_script) == css


def test_grouping_at_rules_are_pruned_inside_and_dropped_when_empty_others_kept_whole():
    css = (
        '@charset "UTF-8";@media (max-width:600px){.jp-Cell{margin:0}.bp3-menu{margin:1px}}'
        "@media print{.bp3-menu{display:none}}@font-face{font-family:x;src:url(x.woff2)}"
        "@keyframes spin{0%{opacity:0}to{opacity:1}}"
    )
    assert kept(css) == (
        '@charset "UTF-8";@media (max-width:600px){.jp-Cell{margin:0}}'
        "@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{0%{opacity:0}to{opacity:1}}"
    )


def test_custom_properties_are_kept_when_something_kept_refers_to_them():
    css = (
        ".jp-Cell{--used:var(--via);--via:1px;--unused:2px;--only-in-dropped:3px;margin:var(--used)}"
        ".bp3-x{padding:var(--only-in-dropped)}"
    )
    assert kept(css) == ".jp-Cell{--used:var(--via);--via:1px;margin:var(--used)}"
    assert "--unused:2px" in kept(css, 'element.style.setProperty("--unused", "4px")')


def test_strings_comments_and_escapes_do_not_confuse_it():
    css = (
        '/* .jp-Cell{color:red} */.jp-Cell:before{content:"{;}, .bp3-x"}'
        '.jp-Cell{background:url("data:image/svg+xml;utf8,<svg/>")}.md\\:hidden{display:none}'
    )
    assert kept(css) == (
        '.jp-Cell:before{content:"{;}, .bp3-x"}'
        '.jp-Cell{background:url("data:image/svg+xml;utf8,<svg/>")}.md\\:hidden{display:none}'
    )


def test_a_nested_rule_inside_a_kept_rule_is_kept_whole():
    css = ".jp-Cell{--gone:1px;margin:0;& .k{color:red;padding:0}}"
    assert kept(css) == ".jp-Cell{margin:0;& .k{color:red;padding:0}}"
