"""Documents people hand over, as PDF: an HTML template rendered by WeasyPrint.

Documents extend templates/documents/base.html and are styled by static/css/document.css.
WeasyPrint never fetches anything over the network: the URL fetcher below serves only the
project's static files from disk, so text a person typed cannot make the server fetch a
URL, and rendering never waits on the web server that is rendering it.
"""

from functools import cache

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

STATIC_PREFIX = "file:///static/"


@cache
def _static_only_fetcher():
    """Built once: WeasyPrint is imported only when the first document is rendered."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(STATIC_PREFIX):
                raise SuspiciousOperation(f"Documents may only use the site's static files, not {url[:80]}")
            path = finders.find(url[len(STATIC_PREFIX) :].split("?")[0])
            if not path:
                raise FileNotFoundError(url)
            with open(path, "rb") as handle:
                data = handle.read()
            mime = "text/css" if path.endswith(".css") else "image/svg+xml" if path.endswith(".svg") else "image/png"
            return URLFetcherResponse(url, body=data, headers={"Content-Type": mime})

    return StaticOnlyFetcher()


def render_pdf(*, template, context, request=None):
    """The PDF bytes of `template` rendered with `context`."""
    from weasyprint import HTML

    html = render_to_string(template, {"static_base": STATIC_PREFIX, **context}, request=request)
    return HTML(string=html, base_url=STATIC_PREFIX, url_fetcher=_static_only_fetcher()).write_pdf()


def pdf_response(*, template, context, filename, request=None):
    """An attachment download of the document; `filename` is slugified, .pdf added."""
    response = HttpResponse(render_pdf(template=template, context=context, request=request), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "document"}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
