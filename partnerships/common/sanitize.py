"""Light formatting for text people type, rendered safely.

Text is stored exactly as typed and rendered on display by ``render_markdownish``:

1. every character of the input is HTML-escaped first, so no tag, attribute or entity
   a person types can ever become markup;
2. a tiny Markdown-like syntax is turned into a fixed set of tags: blank-line separated
   paragraphs (``<p>``), line breaks (``<br>``), ``**strong**``, ``*em*`` / ``_em_``,
   lines starting ``- `` or ``* `` (``<ul>``), ``1. `` (``<ol>``), ``> `` (``<blockquote>``),
   ``[text](url)`` links and bare ``http(s)://`` links;
3. the result is passed through nh3 (the ammonia sanitiser) with only those tags,
   ``href`` on links, only absolute http/https/mailto URLs and rel="noopener noreferrer nofollow"
   — a second, independent line of defence should step 2 ever produce something else.
"""

import html
import re

import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer nofollow"

_LINK = re.compile(r"\[([^\]\n]{1,200})\]\(((?:https?://|mailto:)[^\s)]{1,500})\)", re.IGNORECASE)
_BARE_URL = re.compile(r"(?<![\"=/\w])(https?://[^\s<]{1,500}[^\s<.,;:!?)\]'])", re.IGNORECASE)
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM_STAR = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_EM_UNDER = re.compile(r"(?<![_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])")
_UL_ITEM = re.compile(r"^\s*[-*]\s+(.*)$")
_OL_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_QUOTE = re.compile(r"^\s*&gt;\s?(.*)$")


def clean_html(fragment):
    """Sanitise an HTML fragment to the allowed tag set (never trust input HTML)."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        url_relative="deny",
        strip_comments=True,
    )


def _inline(text):
    """Inline formatting on already-escaped text."""
    placeholders = []

    def keep(markup):
        placeholders.append(markup)
        return f"\x00{len(placeholders) - 1}\x00"

    text = _LINK.sub(lambda m: keep(f'<a href="{m.group(2)}">{m.group(1)}</a>'), text)
    text = _BARE_URL.sub(lambda m: keep(f'<a href="{m.group(1)}">{m.group(1)}</a>'), text)
    text = _STRONG.sub(r"<strong>\1</strong>", text)
    text = _EM_STAR.sub(r"<em>\1</em>", text)
    text = _EM_UNDER.sub(r"<em>\1</em>", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: placeholders[int(m.group(1))], text)


def _block(lines):
    if all(_UL_ITEM.match(line) for line in lines):
        return "<ul>" + "".join(f"<li>{_inline(_UL_ITEM.match(li).group(1))}</li>" for li in lines) + "</ul>"
    if all(_OL_ITEM.match(line) for line in lines):
        return "<ol>" + "".join(f"<li>{_inline(_OL_ITEM.match(li).group(1))}</li>" for li in lines) + "</ol>"
    if all(_QUOTE.match(line) for line in lines):
        inner = "<br>".join(_inline(_QUOTE.match(line).group(1)) for line in lines)
        return f"<blockquote><p>{inner}</p></blockquote>"
    return "<p>" + "<br>".join(_inline(line) for line in lines) + "</p>"


def markdownish_to_html(text):
    """Convert typed text to HTML (unsanitised step; use render_markdownish)."""
    escaped = html.escape(text or "", quote=True).replace("\x00", "")
    blocks = re.split(r"\n\s*\n", escaped.replace("\r\n", "\n").replace("\r", "\n").strip())
    return "".join(_block([ln for ln in block.split("\n") if ln.strip()]) for block in blocks if block.strip())


def render_markdownish(text):
    """Typed text → safe HTML for a template."""
    return mark_safe(clean_html(markdownish_to_html(text)))  # noqa: S308 - sanitised by nh3 just above
