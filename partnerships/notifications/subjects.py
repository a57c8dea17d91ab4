"""Email subjects built from people's text: one line, short, never refused by Django.

Names and titles may hold line breaks or other control characters (typed before
validation existed, or imported); Django refuses a header with a newline, so every
subject goes through `safe_subject`.
"""

import re
import unicodedata

MAX_SUBJECT = 78
ELLIPSIS = "…"
QUOTES = {"“": "”", "‘": "’", '"': '"', "«": "»"}


def _clean(text):
    chars = [" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in str(text)]
    return re.sub(r"\s+", " ", "".join(chars)).strip()


def _close_quotes(text):
    """Close a quote the cut left open."""
    for opening, closing in QUOTES.items():
        if opening == closing:
            if text.count(opening) % 2:
                return text + closing
        elif text.count(opening) > text.count(closing):
            return text + closing
    return text


def safe_subject(text):
    """`text` on one line, at most MAX_SUBJECT characters, cut at a word with an ellipsis."""
    text = _clean(text)
    if len(text) <= MAX_SUBJECT:
        return text
    room = MAX_SUBJECT - len(ELLIPSIS) - 1  # keep a character for a closing quote
    cut = text[: room + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > room // 2 else cut[:room]
    return _close_quotes(cut.rstrip(" ,;:.-–—") + ELLIPSIS)
