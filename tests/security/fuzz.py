"""Reusable bad-input helpers (issue 8).

fuzz_form(FormClass, form_kwargs=..., **strategies)
    Drives the form with `hypothesis.extra.django.from_form` and then with HOSTILE
    values in every field; `is_valid()` must never raise, and rendering the bound form
    must escape every value (no raw `<script` from the input reaches the HTML).

post_hostile(client, url, fields=[...], models=[...], valid={...})
    POSTs malformed bodies (empty, missing fields, wrong types, oversized, too many
    fields, duplicated keys, non-form content types, wrong CSRF) through the test
    client; every answer must be < 500, and when the answer is not a success redirect
    the row counts of `models` must be unchanged (no partial write). Returns the
    number of requests made.
"""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.extra.django import from_form

HOSTILE = [
    "",
    " ",
    " \t\r\n ",
    "x" * 100_000,
    "\x00",
    "a\x00b\x01c\x1f\x7f",
    "\u202egnp.exe",  # right-to-left override
    "\u200b\u200d\ufeff",  # zero-width characters
    "Ωмир 漢字 עברית العربية 🙂👩🏽‍🏫🏳️‍🌈",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "{{ request }}{% debug %}",
    "' OR '1'='1",
    "1; DROP TABLE partnerships_user; --",
    "%00%27%22",
    "../../etc/passwd",
    "2026-02-30",
    "0000-00-00",
    "31/12/2026",
    "2026-01-01T25:61:00",
    "2026-01-01T10:00:00+25:00",
    "Mars/Olympus_Mons",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "null",
    "[]",
    "{}",
    '=HYPERLINK("http://x")',
    "a@b",
    "@",
    "x@" + "y" * 300 + ".test",
]

HOSTILE_FILES = [
    ("roster.csv", b""),
    ("roster.csv", b"\xef\xbb\xbfemail,first name\nbom@school.test,B\n"),
    ("roster.csv", "email\nutf16@school.test\n".encode("utf-16")),
    ("roster.csv", "email,first\nlatin@school.test,Andr\xe9\n".encode("latin-1")),
    ("roster.csv", b"a,b,c,d,e\n1\n1,2,3,4,5,6,7\n"),
    ("roster.csv", b"\x00\x01\x02binary\xff\xfe"),
    ("roster.exe", b"MZ\x90\x00"),
    ("roster.csv", b"=cmd|' /C calc'!A0,x,y\n"),
    ("roster.csv", b"x" * (600 * 1024)),
    ("roster", b"email\n"),
]


def _render(form):
    html = form.as_div() + "".join(str(e) for e in form.errors.values())
    assert "<script>alert" not in html, "a value was rendered without escaping"
    assert "<img src=x" not in html, "a value was rendered without escaping"
    return html


def check_form(form):
    """is_valid() and rendering must never raise; returns is_valid()."""
    valid = form.is_valid()
    _render(form)
    return valid


def _file_fields(form_class, form_kwargs):
    from django import forms

    unbound = form_class(**form_kwargs)
    return {name for name, field in unbound.fields.items() if isinstance(field, forms.FileField)}


def _date_ranges(form_class, form_kwargs):
    from django import forms

    unbound = form_class(**form_kwargs)
    return {
        name: field.planner_date_range
        for name, field in unbound.fields.items()
        if isinstance(field, forms.DateField) and hasattr(field, "planner_date_range")
    }


def _uploads():
    return st.builds(
        SimpleUploadedFile,
        name=st.sampled_from(["roster.csv", "r.txt", "x.exe", "a" * 300 + ".csv"]),
        content=st.binary(max_size=4096),
    )


def fuzz_form(form_class, *, form_kwargs=None, max_examples=40, **field_strategies):
    """Fuzz `form_class`; returns how many forms were checked."""
    form_kwargs = form_kwargs or {}
    files = _file_fields(form_class, form_kwargs)
    for name in files:
        field_strategies.setdefault(name, _uploads())
    # Generated dates stay inside each date field's range (the HOSTILE values probe outside
    # it); drawing from all of time would have the range check discard nearly every example.
    for name, date_range in _date_ranges(form_class, form_kwargs).items():
        field_strategies.setdefault(name, st.dates(min_value=date_range.earliest, max_value=date_range.latest()))
    checked = 0

    @hypothesis_settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(from_form(form_class, form_kwargs=form_kwargs, **field_strategies))
    def generated(form):
        nonlocal checked
        check_form(form)
        checked += 1

    generated()
    names = list(form_class(**form_kwargs).fields)
    data_names = [n for n in names if n not in files]
    for value in HOSTILE:
        # Every field hostile at once, and each field hostile on its own.
        variants = [dict.fromkeys(data_names, value)] + [{n: value} for n in data_names]
        for data in variants:
            upload = {n: SimpleUploadedFile("x.csv", value.encode("utf-8", "replace")) for n in files}
            check_form(form_class(data=data, files=upload, **form_kwargs))
            checked += 1
    for filename, content in HOSTILE_FILES if files else []:
        upload = {n: SimpleUploadedFile(filename, content) for n in files}
        check_form(form_class(data={}, files=upload, **form_kwargs))
        checked += 1
    return checked


# --- Hostile POST bodies -------------------------------------------------------------------------
def _counts(models):
    return {model._meta.label: model.objects.count() for model in models}


def _hostile_bodies(fields, valid):
    """(description, kwargs for client.post) pairs."""
    base = dict(valid or {})
    yield "empty body", {"data": {}}
    for name in fields:
        missing = {k: v for k, v in base.items() if k != name}
        yield f"missing {name}", {"data": missing}
        for label, value in [
            ("list", ["a", "b"]),
            ("number", "12345678901234567890"),
            ("huge", "x" * 100_000),
            ("control", "a\x00\x1f"),
            ("html", '"><script>alert(1)</script>'),
            ("sql", "' OR 1=1; --"),
            ("date", "2026-02-30T25:00+99:00"),
        ]:
            yield f"{name} as {label}", {"data": {**base, name: value}}
        yield f"{name} duplicated", {"data": {**base, name: [base.get(name, "a"), "b", "c"]}}
    yield "json body", {"data": '{"a": [1, 2', "content_type": "application/json"}
    yield (
        "xml body",
        {
            "data": "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
            "content_type": "application/xml",
        },
    )
    yield (
        "broken multipart",
        {
            "data": '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
            "content_type": "multipart/form-data; boundary=zz",
        },
    )
    yield "multipart without boundary", {"data": "abc", "content_type": "multipart/form-data"}
    yield "oversized body", {"data": {"blob": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)}}
    yield "too many fields", {"data": {f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 5)}}
    yield "unknown fields only", {"data": {"is_staff": "on", "is_superuser": "1", "pk": "1", "id": "1"}}


def post_hostile(client, url, *, fields, models, valid=None, success_statuses=(302,)):
    """POST every hostile body to `url`; returns the number of requests checked."""
    failures, checked = [], 0
    for description, kwargs in _hostile_bodies(fields, valid):
        with transaction.atomic():
            before = _counts(models)
            try:
                response = client.post(url, **kwargs)
            except Exception as error:  # noqa: BLE001 - the finding itself
                failures.append(f"{description}: raised {type(error).__name__}: {str(error)[:200]}")
                transaction.set_rollback(True)
                continue
            after = _counts(models)
            transaction.set_rollback(True)
        checked += 1
        if response.status_code >= 500:
            failures.append(f"{description}: {response.status_code}")
        elif response.status_code not in success_statuses and before != after:
            failures.append(f"{description}: {response.status_code} but rows changed {before} -> {after}")
    # A forged form: the right fields, a wrong CSRF token.
    forged = Client(enforce_csrf_checks=True)
    forged.cookies = client.cookies
    with transaction.atomic():
        before = _counts(models)
        response = forged.post(url, {**(valid or {}), "csrfmiddlewaretoken": "x" * 64})
        after = _counts(models)
        transaction.set_rollback(True)
    checked += 1
    if response.status_code != 403 or before != after:
        failures.append(f"wrong CSRF token: {response.status_code}, rows {before} -> {after}")
    assert not failures, f"{url}:\n" + "\n".join(failures)
    return checked
