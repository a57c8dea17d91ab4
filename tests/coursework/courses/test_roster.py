"""Roster CSV: parsing (encodings, header, bad rows by line) and the upload page."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coursework.courses.roster import MAX_ROSTER_BYTES, parse_roster
from coursework.models import CohortInvitation
from partnerships.common.errors import PlannerError
from tests.coursework.factories import CohortInvitationFactory

GOOD = "email,first name,last name\nann@school.test,Ann,Lee\nbo@school.test,Bo,Diaz\n"


def errors_of(data):
    with pytest.raises(PlannerError) as caught:
        parse_roster(data)
    return caught.value.errors


# --- the parser -----------------------------------------------------------------------


def test_good_file_with_header():
    rows = parse_roster(GOOD.encode())
    assert [(r.line, r.email, r.first_name, r.last_name) for r in rows] == [
        (2, "ann@school.test", "Ann", "Lee"),
        (3, "bo@school.test", "Bo", "Diaz"),
    ]


def test_header_row_is_optional():
    rows = parse_roster(b"ann@school.test,Ann,Lee\r\nBo@School.test,Bo,Diaz\r\n")
    assert [(r.line, r.email) for r in rows] == [(1, "ann@school.test"), (2, "bo@school.test")]


def test_header_columns_in_any_order_and_spelling():
    rows = parse_roster(b"Last_Name,First,E-mail\nLee,Ann,ann@school.test\n")
    assert (rows[0].email, rows[0].first_name, rows[0].last_name) == ("ann@school.test", "Ann", "Lee")


def test_names_are_optional():
    rows = parse_roster(b"ann@school.test\nbo@school.test,Bo\n")
    assert [(r.email, r.first_name, r.last_name) for r in rows] == [
        ("ann@school.test", "", ""),
        ("bo@school.test", "Bo", ""),
    ]


@pytest.mark.parametrize(
    "encoded",
    [
        "email,first name,last name\njose@school.test,José,Muñoz\n".encode("utf-8-sig"),
        "email,first name,last name\njose@school.test,José,Muñoz\n".encode("utf-16"),
        "email\tfirst name\tlast name\njose@school.test\tJosé\tMuñoz\n".encode("utf-16"),
        "email,first name,last name\njose@school.test,José,Muñoz\n".encode("latin-1"),
        "email;first name;last name\njose@school.test;José;Muñoz\n".encode("cp1252"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-tabs", "latin-1", "cp1252-semicolons"],
)
def test_spreadsheet_encodings(encoded):
    rows = parse_roster(encoded)
    assert [(r.email, r.first_name, r.last_name) for r in rows] == [("jose@school.test", "José", "Muñoz")]


def test_bom_does_not_hide_the_header():
    rows = parse_roster("Email,First name,Last name\nann@school.test,Ann,Lee\n".encode("utf-8-sig"))
    assert [r.line for r in rows] == [2]


def test_quoted_fields_and_blank_lines_keep_line_numbers_right():
    data = b'email,first name,last name\n\n"ann@school.test","Ann, Jr.",Lee\n\nnot-an-email,X,Y\n'
    assert errors_of(data) == ["Line 5: “not-an-email” is not a valid email address."]


def test_every_bad_row_is_reported_by_line_number():
    data = (
        b"email,first name,last name\n"
        b"ann@school.test,Ann,Lee\n"
        b"not-an-email,Bad,Row\n"
        b",No,Email\n"
        b"ANN@school.test,Ann,Again\n"
        b"cy@school.test,Cy,Park,extra\n"
    )
    assert errors_of(data) == [
        "Line 3: “not-an-email” is not a valid email address.",
        "Line 4: the email address is missing.",
        "Line 5: ann@school.test is already on line 2.",
        "Line 6: has more columns than the header row.",
    ]


def test_header_without_email_column():
    assert errors_of(b"name,school\nAnn,Lincoln\n") == [
        "Line 1: no email address here, and no “email” column if this is a header row."
    ]


@pytest.mark.parametrize("data", [b"", b"email,first name,last name\n", b"\n\n"])
def test_empty_file(data):
    assert errors_of(data) == ["The file has no rows. Each row needs: email, first name, last name."]


def test_binary_file_is_refused():
    assert errors_of(b"PK\x03\x04\x14\x00\x06\x00binary spreadsheet") == [
        "This does not look like a CSV file. Save the roster as CSV and try again."
    ]


def test_oversize_file_is_refused():
    errors = errors_of(b"a@b.test,A,B\n" * (MAX_ROSTER_BYTES // 10))
    assert "larger than 512 KB" in errors[0]


def test_long_names_are_refused():
    assert errors_of(f"ann@school.test,{'A' * 151},Lee\n".encode()) == ["Line 1: a name is longer than 150 characters."]


# --- the upload page ------------------------------------------------------------------


def upload(client, cohort, content, name="roster.csv"):
    return client.post(
        reverse("coursework:roster_upload", args=[cohort.pk]),
        {"roster": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def test_good_upload_invites_everyone(client_for, instructor, cohort, django_capture_on_commit_callbacks, run_tasks):
    client = client_for(instructor)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, cohort, GOOD.encode())
    assert response["Location"] == cohort.get_absolute_url()
    assert sorted(CohortInvitation.objects.values_list("email", flat=True)) == ["ann@school.test", "bo@school.test"]
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@school.test", "bo@school.test"]
    page = client.get(cohort.get_absolute_url()).content.decode()
    assert "2 invitations sent." in page
    assert "ann@school.test" in page and "Bo Diaz" in page


def test_bad_rows_invite_nobody_and_are_listed(client_for, instructor, cohort, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client_for(instructor), cohort, GOOD.encode() + b"oops,Bad,Row\n")
    body = response.content.decode()
    assert response.status_code == 400
    assert "Nobody was invited: the file has 1 problem." in body
    assert "Line 4: “oops” is not a valid email address." in body
    assert not CohortInvitation.objects.exists()
    assert mail.outbox == []


def test_already_enrolled_teachers_are_skipped_and_named(
    client_for, instructor, cohort, enrollment, django_capture_on_commit_callbacks
):
    data = f"{enrollment.teacher.email},Tess,Teacher\nann@school.test,Ann,Lee\n".encode()
    client = client_for(instructor)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, cohort, data)
    assert response.status_code == 302
    assert list(CohortInvitation.objects.values_list("email", flat=True)) == ["ann@school.test"]
    page = client.get(cohort.get_absolute_url()).content.decode()
    assert f"1 already enrolled, not invited again: {enrollment.teacher.email}" in page


def test_uploading_again_replaces_pending_invitations(
    client_for, instructor, cohort, django_capture_on_commit_callbacks
):
    client = client_for(instructor)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, cohort, GOOD.encode())
        upload(client, cohort, GOOD.encode())
    assert CohortInvitation.objects.pending().count() == 2
    assert CohortInvitation.objects.filter(revoked_at__isnull=False).count() == 2


@pytest.mark.parametrize("name", ["roster.xlsx", "roster.pdf", "roster"])
def test_wrong_file_type_is_refused_next_to_the_field(client_for, instructor, cohort, name):
    response = upload(client_for(instructor), cohort, GOOD.encode(), name=name)
    assert response.status_code == 400
    assert "Please upload a .csv file" in response.content.decode()
    assert not CohortInvitation.objects.exists()


def test_binary_file_named_csv_is_refused(client_for, instructor, cohort):
    response = upload(client_for(instructor), cohort, b"PK\x03\x04\x00\x00binary")
    assert response.status_code == 400
    assert "does not look like a CSV file" in response.content.decode()


def test_oversize_upload_is_refused(client_for, instructor, cohort):
    response = upload(client_for(instructor), cohort, b"a@b.test,A,B\n" * (MAX_ROSTER_BYTES // 10))
    assert response.status_code == 400
    assert "larger than 512 KB" in response.content.decode()
    assert not CohortInvitation.objects.exists()


def test_missing_file_is_reported(client_for, instructor, cohort):
    response = client_for(instructor).post(reverse("coursework:roster_upload", args=[cohort.pk]))
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def test_roster_upload_needs_post(client_for, instructor, cohort):
    assert client_for(instructor).get(reverse("coursework:roster_upload", args=[cohort.pk])).status_code == 405


def test_a_failure_half_way_leaves_nothing_behind(client_for, instructor, cohort, monkeypatch):
    """Even an unexpected error in the middle of the import rolls every row back."""
    from coursework.courses import services

    real = services._new_cohort_invitation
    calls = []

    def flaky(**kwargs):
        calls.append(kwargs["email"])
        if len(calls) == 2:
            raise RuntimeError("database hiccup")
        return real(**kwargs)

    monkeypatch.setattr(services, "_new_cohort_invitation", flaky)
    with pytest.raises(RuntimeError):
        services.roster_import(cohort=cohort, data=GOOD.encode(), invited_by=instructor)
    assert not CohortInvitation.objects.exists()


def test_other_instructor_cannot_upload(client_for, cohort, other_instructor):
    assert upload(client_for(other_instructor), cohort, GOOD.encode()).status_code == 404
    assert not CohortInvitation.objects.exists()


def test_pending_invitations_listed_on_the_cohort_page(client_for, instructor, cohort):
    CohortInvitationFactory(cohort=cohort, email="zed@school.test")
    assert "zed@school.test" in client_for(instructor).get(cohort.get_absolute_url()).content.decode()


def test_columns_named_in_the_header_but_not_used_are_ignored():
    rows = parse_roster(b"Email,First name,Last name,School\nann@school.test,Ann,Lee,Lincoln\n")
    assert [(r.email, r.first_name, r.last_name) for r in rows] == [("ann@school.test", "Ann", "Lee")]
    assert errors_of(b"Email,First name,Last name,School\nann@school.test,Ann,Lee,Lincoln,extra\n") == [
        "Line 2: has more columns than the header row."
    ]


def test_without_a_header_a_fourth_column_is_an_error():
    assert errors_of(b"ann@school.test,Ann,Lee,Lincoln\n") == [
        "Line 1: has more columns than email, first name, last name."
    ]
