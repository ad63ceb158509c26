"""Text from the store, made inert for each place it is shown: Streamlit markdown, plotly labels, HTML, and
the cells, sheet names and file names of downloads. The one place that knows how each of these interprets
text; every page, builder and export goes through it (a name like `[点我](https://evil.example)` or
`<a href=…>` is shown as those characters, never as a link, bold text or markup).

Invisible format and control characters (bidi overrides such as U+202E, zero-width spaces, NUL …) are
dropped everywhere: they have no place in a name and could make one text look like another.
"""

from __future__ import annotations

import re
import unicodedata

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@&=^\"'%/])")
AUTOLINK_STARTS = re.compile(r"(?<=:)(?=//)|(?i:(?<=www)(?=\.))|(?=@)")
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
FILE_FORBIDDEN = re.compile(r"[\\/:*?\"<>|\s]+")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def visible(text) -> str:
    """The text without control or format characters (Unicode categories Cc and Cf); None becomes ""."""
    if text is None:
        return ""
    return "".join(c for c in str(text) if unicodedata.category(c) not in ("Cc", "Cf"))


def plain(text) -> str:
    """Text for anything Streamlit reads as markdown (st.markdown, st.caption, st.info, labels of buttons,
    metrics and tabs): every ASCII punctuation mark that markdown, links, HTML, LaTeX, emoji shortcodes or
    Streamlit's :colour[…] and :material/…: directives could use is backslash-escaped; and since bare web and
    mail addresses are turned into links after escapes are read, an invisible word joiner (U+2060) is put
    inside each `://`, `www.` and `@`."""
    text = AUTOLINK_STARTS.sub("\u2060", visible(text))
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def chart_text(text) -> str:
    """Text for plotly (titles, axis and category labels, hover text): plotly reads <b>, <a href> and
    <br> in any label, and shows entities as the characters they stand for."""
    return visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chart_labels(values) -> list[str]:
    """`chart_text` of each value (a column of names)."""
    return [chart_text(v) for v in values]


def cell(value):
    """A value for a cell of a downloaded file: text made visible-only, and never read as a formula
    (a leading = + - @ gets an apostrophe); numbers, dates and empty cells unchanged."""
    if not isinstance(value, str):
        return value
    text = visible(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def sheet_name(text, fallback: str = "数据") -> str:
    """A worksheet name Excel accepts: no [ ] : * ? / \\, at most 31 characters, never empty."""
    name = SHEET_FORBIDDEN.sub("_", visible(text)).strip("' ")[:31]
    return name or fallback


def file_name(stem, extension: str) -> str:
    """A download's file name: no path separators, reserved characters or blanks, at most 80 characters
    before the extension (a name of 2,000 characters stays a usable file name)."""
    safe = FILE_FORBIDDEN.sub("_", visible(stem)).strip("._")[:80] or "导出"
    return f"{safe}.{extension}"
