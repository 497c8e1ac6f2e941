"""Characters a reader cannot see but that change how a page behaves: zero-width and other format characters
(Unicode category Cf), bidirectional controls, a byte-order mark, carriage returns, control characters, and
no-break spaces where the English page has a plain space.

Zero-width joiner (ZWJ, U+200D) and non-joiner (ZWNJ, U+200C) are part of some Bengali and Hindi spellings and
are allowed there, and only there:

- right after a virama (Bengali hasanta ``্`` U+09CD, Devanagari halant ``्`` U+094D): a Hindi half form
  ``क्‍ष`` (ZWJ), a visible halant ``क्‌ष`` (ZWNJ), Bengali khanda-ta ``ত্‍`` (ZWJ), a conjunct kept apart (ZWNJ);
- ZWJ between Bengali ``র`` and ``্য``: the ya-phala after ra, ``র‍্যাব`` (not the reph form).
"""

import unicodedata
from dataclasses import dataclass

ZWNJ, ZWJ, BOM = "\u200c", "\u200d", "\ufeff"
VIRAMAS = {"\u09cd", "\u094d"}
BENGALI_RA, BENGALI_YA_PHALA = "\u09b0", "\u09cd\u09af"
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NO_BREAK_SPACES = set("\u00a0\u2007\u202f")


@dataclass(frozen=True)
class Finding:
    line: int
    column: int  # 1-based, in characters
    char: str
    what: str
    replacement: str  # what a repair puts in its place

    @property
    def name(self) -> str:
        return f"U+{ord(self.char):04X} {unicodedata.name(self.char, 'CONTROL CHARACTER')}"


def legitimate_joiner(line: str, index: int) -> bool:
    """Whether the ZWJ/ZWNJ at ``line[index]`` is part of a Bengali or Hindi spelling (see the module text)."""
    if line[index] not in (ZWJ, ZWNJ) or index == 0:
        return False
    before = line[index - 1]
    if before in VIRAMAS:
        return True
    return line[index] == ZWJ and before == BENGALI_RA and line[index + 1 : index + 3] == BENGALI_YA_PHALA


def _kind(line: str, index: int, first: bool) -> tuple[str, str] | None:
    """(what the character is, its repair) for a character that does not belong, else None."""
    char = line[index]
    if char == "\r":
        return "carriage return", "" if index == len(line) - 1 else "\n"
    if char == BOM:
        return ("byte-order mark" if first else "byte-order mark inside the text"), ""
    if char in BIDI_CONTROLS:
        return "bidirectional control character", ""
    category = unicodedata.category(char)
    if category == "Cf" and not legitimate_joiner(line, index):
        return "invisible format character", ""
    if category == "Cc" and char != "\t":
        return "control character", ""
    if category in ("Zl", "Zp"):
        return "line or paragraph separator", "\n"
    return None


def invisible_characters(text: str) -> list[Finding]:
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        for index, char in enumerate(line):
            if char.isprintable():
                continue  # the common case, quickly (Cf, Cc, Zl and Zp characters are not printable)
            if kind := _kind(line, index, first=number == 1 and index == 0):
                findings.append(Finding(number, index + 1, char, *kind))
    return findings


def stray_no_break_spaces(text: str, english_text_of) -> list[Finding]:
    """No-break spaces on lines whose English counterpart (``english_text_of(line)``, "" if none) has none."""
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        for index, char in enumerate(line):
            if char in NO_BREAK_SPACES and char not in english_text_of(number):
                findings.append(Finding(number, index + 1, char, "no-break space where English has a plain space", " "))
    return findings


def repair(text: str, findings: list[Finding]) -> str:
    """The text with each finding replaced by its repair."""
    lines = text.split("\n")
    by_line: dict[int, list[Finding]] = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding)
    for number, found in by_line.items():
        line = lines[number - 1]
        for finding in sorted(found, key=lambda f: f.column, reverse=True):
            line = line[: finding.column - 1] + finding.replacement + line[finding.column :]
        lines[number - 1] = line
    return "\n".join(lines)
