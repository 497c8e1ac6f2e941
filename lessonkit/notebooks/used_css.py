"""Only the CSS a notebook page can use: nbconvert ships the whole of JupyterLab's stylesheet (about 590 kB: the
notebook editor, widgets, Blueprint, CodeMirror…) with every notebook, and a page that shows one notebook uses a
small part of it.

A rule is kept when every class its selector needs may be on the page: the class appears in the page's HTML (its
elements and its scripts) or anywhere in the theme's templates, scripts and stylesheets (which add classes of their
own at run time, such as ``md-typeset__scrollwrap`` around tables). Classes inside ``:not()``, ``:is()``, ``:where()``
and ``:has()`` are not required; a selector with an escaped character is kept as it is. At-rules with rules inside
(``@media``, ``@supports``…) are pruned inside and dropped when empty; other at-rules (``@font-face``,
``@keyframes``…) are kept. Custom properties (``--name: value``) are kept when a kept rule, the page or the theme
refers to them, directly or through another kept property.
"""

import re

GROUPING_RULES = ("@media", "@supports", "@layer", "@container", "@document")
CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
NAME = re.compile(r"-?-?[A-Za-z_][\w-]*")
VAR = re.compile(r"var\(\s*(--[\w-]+)")
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it is outside brackets, braces (nested rules) and strings."""
    parts, depth, quote, start = [], 0, None, 0
    for i, char in enumerate(text):
        if quote:
            quote = None if char == quote and text[i - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _rules(css: str) -> list[tuple[str, str | None]]:
    """The top-level items of ``css``: (selector or at-rule prelude, the text between its braces), or
    (statement, None) for an at-rule that ends with ``;`` (``@charset``, ``@import``)."""
    items, depth, quote, start, prelude = [], 0, None, 0, ""
    for i, char in enumerate(css):
        if quote:
            quote = None if char == quote and css[i - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                prelude, start = css[start:i].strip(), i + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                items.append((prelude, css[start:i]))
                start = i + 1
        elif char == ";" and depth == 0:
            items.append((css[start:i].strip(), None))
            start = i + 1
    return [(prelude, body) for prelude, body in items if prelude or body]


def _required_classes(selector: str) -> set[str] | None:
    """The classes an element needs for ``selector`` to match (None: cannot tell, keep it)."""
    if "\\" in selector:
        return None
    while (plain := re.sub(r"\([^()]*\)", "", selector)) != selector:  # arguments of :not(), :is(), :nth-child()…
        selector = plain
    return set(CLASS.findall(selector))


def _kept_whole(prelude: str, body: str | None) -> bool:
    """A statement (``@charset``…) or an at-rule without rules inside (``@font-face``, ``@keyframes``…)."""
    return body is None or prelude.startswith("@") and not prelude.startswith(GROUPING_RULES)


def _each_style_rule(rules: list[tuple[str, str | None]], change) -> list[tuple[str, str | None]]:
    """``rules`` with ``change(prelude, body)`` applied to every style rule, inside grouping at-rules too: a rule it
    returns None for is dropped, and so is a grouping at-rule left empty; what is kept whole stays as it is."""
    kept = []
    for prelude, body in rules:
        if _kept_whole(prelude, body):
            kept.append((prelude, body))
        elif prelude.startswith("@"):
            if inner := _each_style_rule(_rules(body), change):
                kept.append((prelude, _join(inner)))
        elif (changed := change(prelude, body)) is not None:
            kept.append(changed)
    return kept


def _without_unused_selectors(names: set[str]):
    def change(prelude: str, body: str) -> tuple[str, str] | None:
        selectors = [s for s in _split(prelude, ",") if (needed := _required_classes(s)) is None or needed <= names]
        return (",".join(s.strip() for s in selectors), body) if selectors else None

    return change


def _without_unused_properties(used: set[str]):
    def change(prelude: str, body: str) -> tuple[str, str] | None:
        declarations = [
            d.strip()
            for d in _split(body, ";")
            if d.strip() and not (d.strip().startswith("--") and d.partition(":")[0].strip() not in used)
        ]
        return (prelude, ";".join(declarations)) if declarations else None

    return change


def _join(rules: list[tuple[str, str | None]]) -> str:
    return "".join(f"{prelude};" if body is None else f"{prelude}{{{body}}}" for prelude, body in rules)


def _declarations(rules: list[tuple[str, str | None]]):
    """Every declaration of the style rules, inside grouping at-rules too."""
    for prelude, body in rules:
        if _kept_whole(prelude, body):
            continue
        if prelude.startswith("@"):
            yield from _declarations(_rules(body))
        else:
            yield from (d.strip() for d in _split(body, ";") if d.strip())


def _used_properties(rules: list[tuple[str, str | None]], names: set[str]) -> set[str]:
    defined: dict[str, list[str]] = {}
    used = {name for name in names if name.startswith("--")}
    for declaration in _declarations(rules):
        name, _, value = declaration.partition(":")
        if name.strip().startswith("--"):
            defined.setdefault(name.strip(), []).append(value)
        else:
            used.update(VAR.findall(value))
    for prelude, body in rules:  # at-rules kept whole (@font-face, @keyframes) may refer to properties too
        if body is not None and _kept_whole(prelude, body):
            used.update(VAR.findall(body))
    pending = list(used)
    while pending:
        for value in defined.get(pending.pop(), []):
            pending.extend(ref for ref in VAR.findall(value) if ref not in used)
            used.update(VAR.findall(value))
    return used


def names_in(*texts: str) -> set[str]:
    """Every name (class, custom property, identifier) that appears in ``texts``."""
    return {name for text in texts for name in NAME.findall(text)}


def used_css(css: str, names: set[str]) -> str:
    """``css`` without the rules and custom properties that nothing among ``names`` can use (see the module's
    docstring); ``names`` is :func:`names_in` of the page and the theme."""
    rules = _each_style_rule(_rules(COMMENT.sub("", css)), _without_unused_selectors(names))
    return _join(_each_style_rule(rules, _without_unused_properties(_used_properties(rules, names))))
