"""Time zones for the scheduling forms: one cached list, and a select that renders fast.

`zoneinfo.available_timezones()` walks the zone database on disk at every call, and a
select of ~400 zones rendered through Django's option templates costs tens of
milliseconds per page; both showed up as most of the meeting pages' time.
"""

from functools import cache
from zoneinfo import available_timezones

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


@cache
def known_time_zones():
    return frozenset(available_timezones())


@cache
def time_zone_choices():
    """Region/City names people recognise, plus UTC (no Etc/ or SystemV/ aliases)."""
    zones = sorted(z for z in known_time_zones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
    return [(z, z.replace("_", " ")) for z in [*zones, "UTC"]]


class TimeZoneSelect(forms.Select):
    """A plain <select> whose options are written in Python rather than one template each."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = "" if value is None else str(value[0] if isinstance(value, list | tuple) and value else value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((str(v), " selected" if str(v) == selected else "", label) for v, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)
