"""Detect mojibake (UTF-8 text decoded with the wrong code page and saved again) and offer the repaired text.

Bengali "অনুবাদ" read as cp866 turns into Cyrillic and box-drawing characters ("р╕Ер╕и..."); read as
cp1252 it turns into "à¦…à¦¨..."; encoding such text back with that code page and decoding it as UTF-8
gives the original.
"""

import re

CODE_PAGES = ("cp1252", "latin-1", "cp866", "cp437", "cp850", "cp1251", "mac_roman")
# Characters that UTF-8 Bengali/Devanagari text turns into when read with a Western or Cyrillic code page.
# Maths and typography that real text uses (° ± ² ³ · × ÷ ¹ ¼ ½ ¾) are left out.
SUSPICIOUS = re.compile(
    r"[\u0080-\u00af\u00b8\u00ba\u00bb\u00bf-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0370-\u03ff\u0400-\u04ff"
    r"\u2500-\u259f\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]{2,}"
)


# A garbled stretch: UTF-8 multi-byte sequences never contain ASCII bytes, so it is a run of non-ASCII characters.
GARBLED_RUN = re.compile(r"[^\x00-\x7f\u0900-\u09ff]+")


def _decode_run(run: str, code_page: str) -> str:
    try:
        return run.encode(code_page).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run  # not garbled through this code page (for example a genuine "—")


def looks_garbled(line: str) -> bool:
    return bool(SUSPICIOUS.search(line)) or "\ufffd" in line


def repair_line(line: str) -> str | None:
    """The line as it was before the wrong decoding, or None if no code page explains it."""
    if not SUSPICIOUS.search(line):
        return None
    for code_page in CODE_PAGES:
        repaired = GARBLED_RUN.sub(lambda m: _decode_run(m.group(0), code_page), line)
        if repaired != line and not SUSPICIOUS.search(repaired):
            return repaired
    return None


def repair_text(text: str) -> str:
    return "\n".join(repair_line(line) or line for line in text.split("\n"))
