import csv
import io

import pytest

from partnerships.common.csv import csv_rows, csv_safe


@pytest.mark.parametrize(
    "value",
    [
        "=1+1",
        '=HYPERLINK("http://evil.test","click")',
        "+1-555",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=cmd|' /C calc'!A0",
        "\r=1",
        "\n=1",
        "＝1+1",  # full-width equals sign
    ],
)
def test_formula_cells_are_neutralised(value):
    safe = csv_safe(value)
    assert safe == "'" + value
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Plain text", "Plain text"),
        ("a=b", "a=b"),
        ("email@school.test", "email@school.test"),
        ("", ""),
        (None, ""),
        (-3, -3),
        (2.5, 2.5),
        (True, "yes"),
        ("Zoë 🙂", "Zoë 🙂"),
    ],
)
def test_ordinary_values_are_unchanged(value, expected):
    assert csv_safe(value) == expected


def test_csv_rows_round_trip_keeps_text_and_quotes_commas():
    text = csv_rows([["=1+1", "Smith, Jo", 'say "hi"', -4]], header=["formula", "name", "quote", "n"])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["formula", "name", "quote", "n"], ["'=1+1", "Smith, Jo", 'say "hi"', "-4"]]


def test_the_progress_export_neutralises_formula_cells(client_for, instructor, cohort):
    from django.urls import reverse

    from tests.coursework.factories import EnrollmentFactory
    from tests.partnerships.factories import UserFactory

    EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(first_name='=HYPERLINK("http://evil.test")', last_name="@SUM(A1)")
    )
    response = client_for(instructor).get(reverse("coursework:cohort_dashboard_csv", args=[cohort.pk]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil.test")' in cells and "'@SUM(A1)" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
