"""The markup autosave.js reads, built in Python.

These pieces repeat once per answer or practice (dozens on a page); as included
templates they were a large share of the stage pages' render time.
"""

from django import template
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import time as time_filter
from django.utils.html import format_html
from django.utils.timezone import template_localtime

register = template.Library()


@register.simple_tag
def autosave_attrs(url, version, key):
    """The data attributes of an autosave container."""
    return format_html(
        'data-autosave-url="{}" data-autosave-version="{}" data-autosave-key="{}"', url, version or 0, key
    )


@register.simple_tag
def save_status(saved_at, status_id):
    """The live "Last saved …" line autosave.js updates."""
    when = ""
    if saved_at:
        local = template_localtime(saved_at)
        when = format_html(
            'Last saved {} at <time datetime="{}">{}</time>',
            date_filter(local, "M j"),
            date_filter(local, "c"),
            time_filter(local, "H:i"),
        )
    return format_html(
        '<p class="save-status mb-0" id="save-status-{}" data-autosave-status role="status" aria-live="polite">{}</p>',
        status_id,
        when,
    )
