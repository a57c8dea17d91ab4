"""Light formatting is rendered safely: hostile input never becomes markup."""

import re
from html.parser import HTMLParser

import pytest

from partnerships.common.sanitize import clean_html, render_markdownish

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.test/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<body onload=alert(1)>",
    '<a href="#" onclick="alert(1)">click</a>',
    '<div onmouseover="alert(1)">hover</div>',
    '<a href="javascript:alert(1)">x</a>',
    "[click me](javascript:alert(1))",
    "[click me](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '<svg onload="alert(1)"><circle r="10"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<span style="position:fixed;top:0">overlay</span>',
    "<iframe src=https://evil.test></iframe>",
    "<object data=evil.swf></object><embed src=evil.swf>",
    "<form action=https://evil.test><input name=pw></form>",
    "<b><i><script>alert(1)",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    '"><script>alert(1)</script>',
    "**bold <script>alert(1)</script>**",
    '[x](https://ok.test/" onmouseover="alert(1))',
    'https://ok.test/"><script>alert(1)</script>',
    "<!--<script>alert(1)</script>-->",
    "<meta http-equiv=refresh content=0;url=https://evil.test>",
    "<base href=https://evil.test/>",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=https://evil.test/x.css>",
    '<a href="vbscript:msgbox(1)">v</a>',
    "\x00<script>alert(1)</script>",
]

ALLOWED = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote"}


class _Elements(HTMLParser):
    """Collect every element and attribute a browser would build from the output."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _elements(html):
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


def _assert_safe(html):
    for tag, attrs in _elements(html):
        assert tag in ALLOWED, f"<{tag}> survived in {html}"
        if tag == "a":
            assert set(attrs) <= {"href", "rel"}, html
            assert attrs.get("rel") == "noopener noreferrer nofollow", html
            if "href" in attrs:  # nh3 drops an unsafe href and leaves a harmless <a>
                assert re.match(r"(https?://|mailto:)", attrs["href"], re.I), html
        else:
            assert not attrs, f"attributes {attrs} on <{tag}> in {html}"


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_input_never_becomes_markup(payload):
    html = str(render_markdownish(payload))
    _assert_safe(html)
    assert "<script" not in html.lower()


@pytest.mark.parametrize("payload", HOSTILE)
def test_nh3_layer_alone_strips_hostile_html(payload):
    """The second line of defence, applied to raw HTML, also leaves only the allowed set."""
    html = clean_html(payload)
    _assert_safe(html)
    assert "alert(1)</script" not in html.lower()


def test_typed_html_shows_as_text():
    assert str(render_markdownish("<b>hi</b>")) == "<p>&lt;b&gt;hi&lt;/b&gt;</p>"


def test_light_formatting():
    html = str(render_markdownish("Hello **bold** and *em*\nnext\n\n- one\n- two\n\n1. first\n\n> quoted"))
    assert html == (
        "<p>Hello <strong>bold</strong> and <em>em</em><br>next</p>"
        "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><blockquote><p>quoted</p></blockquote>"
    )


def test_links_get_safe_rel_and_only_allowed_schemes():
    html = str(render_markdownish("[video](https://video.test/v?a=1&b=2) mail [me](mailto:a@b.test) https://x.test/p."))
    assert '<a href="https://video.test/v?a=1&amp;b=2" rel="noopener noreferrer nofollow">video</a>' in html
    assert '<a href="mailto:a@b.test" rel="noopener noreferrer nofollow">me</a>' in html
    assert '<a href="https://x.test/p" rel="noopener noreferrer nofollow">https://x.test/p</a>.' in html


def test_unbalanced_emphasis_and_snake_case_stay_text():
    assert str(render_markdownish("2*3*4 and snake_case_name **open")) == "<p>2*3*4 and snake_case_name **open</p>"
