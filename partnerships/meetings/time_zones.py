"""Time zones for the scheduling forms: one cached list, and a select that renders fast.

`zoneinfo.available_timezones()` walks the zone database on disk at every call, and a
select of ~400 zones rendered through Django's option templates costs tens of
milliseconds per page; both showed up as most of the meeting pages' time.
"""

from functools import cache
from zoneinfo import available_timezones

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


@cache
def known_time_zones():
    return frozenset(available_timezones())


@cache
def time_zone_choices():
    """Region/City names people recognise, plus UTC (no Etc/ or SystemV/ aliases)."""
    zones = sorted(z for z in known_time_zones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
    return tuple((z, z.replace("_", " ")) for z in [*zones, "UTC"])


@cache
def _options_html(choices):
    return "".join(f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in choices)


class TimeZoneSelect(forms.Select):
    """A plain <select> whose options are written once per process, not once per render."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = "" if value is None else str(value[0] if isinstance(value, list | tuple) and value else value)
        options = _options_html(tuple(self.choices))
        mark = f'<option value="{escape(selected)}">'
        if selected and mark in options:
            options = options.replace(mark, mark[:-1] + " selected>", 1)
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe(options))  # noqa: S308 - escaped above
