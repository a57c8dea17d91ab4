"""The time-zone select renders the same choices and selection as Django's, only faster."""

from django import forms

from partnerships.meetings.time_zones import TimeZoneSelect, known_time_zones, time_zone_choices


class ZoneForm(forms.Form):
    time_zone = forms.ChoiceField(label="Time zone", choices=time_zone_choices, widget=TimeZoneSelect)


def test_choices_are_real_zones_without_aliases():
    values = [value for value, _ in time_zone_choices()]
    assert "America/New_York" in values and "UTC" in values
    assert not any(v.startswith(("Etc/", "SystemV/")) for v in values)
    assert set(values) <= known_time_zones()


def test_select_marks_the_bound_value_and_keeps_field_attributes():
    html = str(ZoneForm({"time_zone": "Europe/Berlin"})["time_zone"])
    assert 'name="time_zone"' in html
    assert 'id="id_time_zone"' in html
    assert '<option value="Europe/Berlin" selected>Europe/Berlin</option>' in html
    assert html.count(" selected") == 1
    assert '<option value="America/Los_Angeles">America/Los Angeles</option>' in html


def test_select_escapes_a_hostile_submitted_value():
    form = ZoneForm({"time_zone": '"><script>alert(1)</script>'})
    assert not form.is_valid()
    html = str(form["time_zone"])
    assert "<script>" not in html and " selected" not in html


def test_select_matches_djangos_choices_exactly():
    ours = TimeZoneSelect(choices=time_zone_choices()).render("tz", "UTC")
    theirs = forms.Select(choices=time_zone_choices()).render("tz", "UTC")
    assert ours.count("<option") == theirs.count("<option") == len(time_zone_choices())
