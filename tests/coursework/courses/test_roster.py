"""Roster CSV: parsing (encodings, header, bad rows by line) and the upload page."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coursework.courses.roster import MAX_ROSTER_BYTES, parse_roster
from coursework.models import CohortInvitation, RosterImport
from partnerships.common.errors import PlannerError
from tests.coursework.factories import CohortInvitationFactory, RosterImportFactory

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


def test_good_upload_is_checked_at_once_and_invited_by_the_worker(client_for, instructor, cohort, run_tasks):
    client = client_for(instructor)
    response = upload(client, cohort, GOOD.encode())
    assert response["Location"] == f"{cohort.get_absolute_url()}#roster-import"
    roster = RosterImport.objects.get()
    assert (roster.status, roster.total, roster.uploaded_by) == ("queued", 2, instructor)
    # Nothing slow happened in the request: the invitations come from the worker.
    assert not CohortInvitation.objects.exists()
    page = client.get(cohort.get_absolute_url()).content.decode()
    assert "The file is checked: 2 rows." in page
    assert "Waiting to start: 2 rows." in page
    assert 'hx-trigger="every 2s"' in page

    run_tasks(retries=True)
    assert sorted(CohortInvitation.objects.values_list("email", flat=True)) == ["ann@school.test", "bo@school.test"]
    invited = sorted(m.to[0] for m in mail.outbox if m.to[0] != instructor.email)
    assert invited == ["ann@school.test", "bo@school.test"]
    # The instructor hears when it is done, with a link to the result of every row.
    (done,) = [m for m in mail.outbox if m.to[0] == instructor.email]
    assert "2 invited, 0 skipped" in done.body
    roster.refresh_from_db()
    assert (roster.status, roster.invited, roster.skipped) == ("done", 2, 0)
    page = client.get(cohort.get_absolute_url()).content.decode()
    assert "Done:</strong> 2 invited, 0 skipped." in page
    assert "every 2s" not in page  # a finished import stops polling
    assert "ann@school.test" in page and "Bo Diaz" in page


def test_progress_card_is_what_the_page_polls(client_for, instructor, cohort):
    roster = RosterImportFactory(cohort=cohort, total=300, invited=100, skipped=20, status="running")
    card = client_for(instructor).get(reverse("coursework:roster_import_status", args=[roster.pk]))
    body = card.content.decode()
    assert card.status_code == 200 and "<html" not in body
    assert "Inviting: 120 of 300 rows." in body
    assert 'value="40"' in body
    assert "every 2s" in body


def test_bad_rows_invite_nobody_and_are_listed(client_for, instructor, cohort, run_tasks):
    response = upload(client_for(instructor), cohort, GOOD.encode() + b"oops,Bad,Row\n")
    body = response.content.decode()
    assert response.status_code == 400
    assert "Nobody was invited: the file has 1 problem." in body
    assert "Line 4: “oops” is not a valid email address." in body
    assert not RosterImport.objects.exists()
    run_tasks(retries=True)
    assert not CohortInvitation.objects.exists()
    assert mail.outbox == []


def test_already_enrolled_teachers_are_skipped_with_the_reason(client_for, instructor, cohort, enrollment, run_tasks):
    data = f"{enrollment.teacher.email},Tess,Teacher\nann@school.test,Ann,Lee\n".encode()
    client = client_for(instructor)
    assert upload(client, cohort, data).status_code == 302
    run_tasks(retries=True)
    assert list(CohortInvitation.objects.values_list("email", flat=True)) == ["ann@school.test"]
    roster = RosterImport.objects.get()
    page = client.get(roster.get_absolute_url(), {"outcome": "skipped"}).content.decode()
    assert f"<td>{enrollment.teacher.email}</td>" in page
    assert "Skipped: Already enrolled in this cohort" in page
    assert "ann@school.test" not in page
    everything = client.get(roster.get_absolute_url()).content.decode()
    assert "ann@school.test" in everything and "Invited" in everything
    # The instructor hears when it is done.
    assert instructor.notifications.filter(message__contains="1 invited, 1 skipped").exists()


def test_uploading_again_replaces_pending_invitations(client_for, instructor, cohort, run_tasks):
    client = client_for(instructor)
    upload(client, cohort, GOOD.encode())
    run_tasks(retries=True)
    upload(client, cohort, GOOD.encode())
    run_tasks(retries=True)
    assert CohortInvitation.objects.pending().count() == 2
    assert CohortInvitation.objects.filter(revoked_at__isnull=False).count() == 2


def test_large_roster_goes_in_batches_and_its_results_are_paginated(client_for, instructor, cohort, run_tasks):
    data = "".join(f"t{i}@school.test,T{i},Lee\n" for i in range(250)).encode()
    client = client_for(instructor)
    upload(client, cohort, data)
    run_tasks(retries=True)
    roster = RosterImport.objects.get()
    assert (roster.status, roster.invited, len(roster.results)) == ("done", 250, 250)
    first = client.get(roster.get_absolute_url()).content.decode()
    assert "Page 1 of 3" in first and first.count("<td>Invited</td>") == 100
    third = client.get(roster.get_absolute_url(), {"outcome": "invited", "page": 3}).content.decode()
    assert third.count("<td>Invited</td>") == 50
    assert "?outcome=invited&amp;page=2" in third


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


def test_a_failure_half_way_keeps_the_batches_done_and_the_retry_resumes(instructor, cohort, monkeypatch, run_tasks):
    """A failing row stops the import; the retry invites the rest and nobody twice."""
    from coursework.courses import services

    data = "".join(f"t{i}@school.test,T{i},Lee\n" for i in range(150)).encode()
    real = services._new_cohort_invitation
    calls = []

    def flaky(**kwargs):
        calls.append(kwargs["email"])
        if len(calls) == 120:
            raise RuntimeError("database hiccup")
        return real(**kwargs)

    monkeypatch.setattr(services, "_new_cohort_invitation", flaky)
    services.roster_import_start(cohort=cohort, data=data, invited_by=instructor)
    run_tasks()
    roster = RosterImport.objects.get()
    # The first batch of 100 is kept; the second rolled back as a whole.
    assert (roster.status, roster.invited, CohortInvitation.objects.count()) == ("failed", 100, 100)
    assert "database hiccup" in roster.error
    run_tasks(retries=True)
    roster.refresh_from_db()
    assert (roster.status, roster.invited, roster.error) == ("done", 150, "")
    assert CohortInvitation.objects.count() == 150
    assert CohortInvitation.objects.values("email").distinct().count() == 150


def test_other_instructor_cannot_upload_or_see_an_upload(client_for, cohort, other_instructor):
    assert upload(client_for(other_instructor), cohort, GOOD.encode()).status_code == 404
    assert not CohortInvitation.objects.exists()
    roster = RosterImportFactory(cohort=cohort)
    client = client_for(other_instructor)
    assert client.get(roster.get_absolute_url()).status_code == 404
    assert client.get(reverse("coursework:roster_import_status", args=[roster.pk])).status_code == 404


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
