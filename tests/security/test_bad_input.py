"""Every form and POST view on main, driven with hostile input (issue 8, "Bad input")."""

import pytest
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.test import override_settings
from django.urls import reverse

from coursework.courses.forms import CohortInvitationForm, RosterUploadForm
from coursework.models import CohortInvitation, Enrollment
from partnerships.accounts.forms import EmailAuthenticationForm, ProfileForm
from partnerships.audit.selectors import AuditFilterForm
from partnerships.members.forms import InvitationForm, MemberRoleForm, NewAccountForm, PartnershipForm
from partnerships.models import AuditEvent, Invitation, Membership, Partnership, User
from tests.security.fuzz import fuzz_form, post_hostile

MODELS = [User, Partnership, Membership, Invitation, CohortInvitation, Enrollment, AuditEvent]

# The sign-in form authenticates; outside a request, axes (which needs one) is left out.
MODEL_BACKEND_ONLY = override_settings(AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.ModelBackend"])


def form_cases(teacher, partnership):
    return [
        (ProfileForm, {"instance": teacher}),
        (PartnershipForm, {}),
        (InvitationForm, {"partnership": partnership}),
        (NewAccountForm, {"email": "new@school.test"}),
        (MemberRoleForm, {}),
        (AuditFilterForm, {"actions": ["invitation.sent"], "target_types": ["partnerships.Invitation"]}),
        (CohortInvitationForm, {}),
        (RosterUploadForm, {}),
        (PasswordChangeForm, {"user": teacher}),
        (SetPasswordForm, {"user": teacher}),
        (PasswordResetForm, {}),
        (EmailAuthenticationForm, {}),
    ]


@pytest.mark.parametrize("index", range(12))
def test_every_form_survives_fuzzing(teacher, partnership, index):
    form_class, kwargs = form_cases(teacher, partnership)[index]
    before = {m._meta.label: m.objects.count() for m in MODELS}
    with MODEL_BACKEND_ONLY:
        checked = fuzz_form(form_class, form_kwargs=kwargs, max_examples=25)
    assert checked > len(kwargs)
    # Validating never writes.
    assert {m._meta.label: m.objects.count() for m in MODELS} == before


def test_hostile_values_come_back_escaped_next_to_the_field(client_for, teacher):
    payload = '"><script>alert(1)</script>'
    response = client_for(teacher).post(
        reverse("profile"), {"first_name": payload, "last_name": "x" * 500, "notification_preference": "immediate"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # kept for the person to fix
    assert "Ensure this value has at most 150 characters" in html


def post_cases(world):
    main = world.main
    users = world.users
    return [
        (
            "profile",
            {},
            "owner",
            ["first_name", "notification_preference"],
            {"first_name": "A", "notification_preference": "digest"},
        ),
        ("partnerships:create", {}, "owner", ["title", "school"], {"title": "T"}),
        (
            "partnerships:invite",
            {"pk": main.partnership.pk},
            "owner",
            ["email", "role"],
            {"email": "z@school.test", "role": "colleague"},
        ),
        ("partnerships:member_role", {"pk": main.membership.pk}, "owner", ["role"], {"role": "colleague"}),
        ("partnerships:member_remove", {"pk": main.membership.pk}, "owner", [], {}),
        ("partnerships:invitation_resend", {"pk": main.invitation.pk}, "owner", [], {}),
        ("partnerships:invitation_revoke", {"pk": main.invitation.pk}, "owner", [], {}),
        (
            "invitation_accept",
            {"token": main.invitation.raw_token},
            "anonymous",
            ["first_name", "last_name", "password1", "password2"],
            {"first_name": "N", "last_name": "P", "password1": "long-enough-pass-1", "password2": "long-enough-pass-1"},
        ),
        (
            "coursework:invitation_accept",
            {"token": main.cohort_invitation.raw_token},
            "anonymous",
            ["first_name", "password1", "password2"],
            {"first_name": "N", "last_name": "P", "password1": "long-enough-pass-1", "password2": "long-enough-pass-1"},
        ),
        (
            "coursework:cohort_invite",
            {"pk": main.cohort.pk},
            "instructor",
            ["email", "first_name"],
            {"email": "q@school.test"},
        ),
        ("coursework:roster_upload", {"pk": main.cohort.pk}, "instructor", ["roster"], {}),
        ("coursework:invitation_resend", {"pk": main.cohort_invitation.pk}, "instructor", [], {}),
        ("coursework:invitation_revoke", {"pk": main.cohort_invitation.pk}, "instructor", [], {}),
        ("coursework:stage", {"enrollment_pk": main.enrollment.pk, "slug": "mindsets"}, "owner", ["text"], {}),
        ("coursework:stage_submit", {"enrollment_pk": main.enrollment.pk, "slug": "mindsets"}, "owner", [], {}),
        ("coursework:stage_reopen", {"enrollment_pk": main.enrollment.pk, "slug": "mindsets"}, "owner", [], {}),
        ("login", {}, "anonymous", ["username", "password"], {"username": users["owner"].email, "password": "wrong"}),
        ("password_change", {}, "owner", ["old_password", "new_password1", "new_password2"], {}),
        ("password_reset", {}, "anonymous", ["email"], {"email": users["owner"].email}),
        ("audit", {}, "staff", ["action"], {}),
    ]


POST_CASE_COUNT = 20


@pytest.mark.parametrize("index", range(POST_CASE_COUNT))
def test_every_post_view_survives_hostile_bodies(world, index):
    from tests.security.probe import client_with, session_cookies

    name, kwargs, role, fields, valid = post_cases(world)[index]
    cookies = session_cookies({role: world.users[role]})
    client = client_with(cookies[role])
    checked = post_hostile(client, reverse(name, kwargs=kwargs), fields=fields, models=MODELS, valid=valid)
    assert checked > 5


def test_every_post_route_in_the_matrix_survives_hostile_bodies(world):
    """Generic hostile bodies against every route the matrix says accepts a POST from someone,
    posted as the first role allowed in (so the view itself, not the access check, answers)."""
    from tests.security.matrix import LOGIN, ROUTES
    from tests.security.probe import client_with, session_cookies

    cookies = session_cookies(world.users)
    checked, routes = 0, 0
    preference = ["owner", "instructor", "collaborative_member", "administrator", "staff", "anonymous"]
    for name, entry in sorted(ROUTES.items()):
        role = next((r for r in preference if entry.post[r] not in (404, 405, 401, LOGIN)), None)
        if role is None or name == "logout":
            continue
        valid = entry.post_data(world.main) if entry.post_data else {}
        url = reverse(name, kwargs=entry.kwargs(world.main))
        checked += post_hostile(client_with(cookies[role]), url, fields=list(valid), models=MODELS, valid=valid)
        routes += 1
    print(f"\nhostile bodies: {checked} requests over {routes} POST routes")
    assert routes > 30


# --- CSV roster --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("roster.xlsx", b"PK\x03\x04", "Please upload a .csv file"),
        ("roster.csv", b"x" * (600 * 1024), "larger than 512 KB"),
        ("roster.csv", b"\x00\x01binary", "does not look like a CSV file"),
        ("roster.csv", b"email,first name,last name\nok@school.test,A,B,C,D\n", "more columns"),
        ("roster.csv", b"ok@school.test,A,B\nnot-an-email,A,B\n", "is not a valid email address"),
        ("roster.csv", b"", "The submitted file is empty"),
    ],
)
def test_roster_upload_rejects_hostile_files(client_for, instructor, cohort, filename, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = CohortInvitation.objects.count()
    response = client_for(instructor).post(
        reverse("coursework:roster_upload", args=[cohort.pk]), {"roster": SimpleUploadedFile(filename, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CohortInvitation.objects.count() == before


@pytest.mark.parametrize(
    "content",
    [
        "\ufeffemail,first name,last name\nbom@school.test,Zoë,Brontë\n".encode(),
        "email,first name,last name\nbom@school.test,Zoë,Brontë\n".encode("utf-16"),
        "email,first name,last name\nbom@school.test,Zoë,Brontë\n".encode("latin-1"),
        "email;first name;last name\r\nbom@school.test;Zoë;Brontë\r\n".encode("cp1252"),
    ],
    ids=["utf8-bom", "utf16", "latin1", "semicolon-cp1252"],
)
def test_roster_upload_reads_spreadsheet_encodings(client_for, instructor, cohort, content, run_tasks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(instructor).post(
        reverse("coursework:roster_upload", args=[cohort.pk]), {"roster": SimpleUploadedFile("r.csv", content)}
    )
    assert response.status_code == 302
    run_tasks()
    invitation = CohortInvitation.objects.get(email="bom@school.test")
    assert (invitation.first_name, invitation.last_name) == ("Zoë", "Brontë")


def test_roster_ragged_rows_are_reported_by_line(client_for, instructor, cohort):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = b"email,first name,last name\na@school.test\nb@school.test,B,C,extra\n,,\nc@school.test,C\n"
    response = client_for(instructor).post(
        reverse("coursework:roster_upload", args=[cohort.pk]), {"roster": SimpleUploadedFile("r.csv", content)}
    )
    assert response.status_code == 400
    assert "Line 3: has more columns" in response.content.decode()
    assert not CohortInvitation.objects.exists()  # all or nothing


# --- length, line breaks and dates, by the shared form rules ----------------------------------
def test_a_million_character_plan_comment_is_refused_with_the_limit(client_for, teacher, partnership):
    from partnerships.models import PlanComment
    from tests.partnerships.factories import ActionPlanFactory, SelectedFocusAreaFactory

    ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=partnership))
    response = client_for(teacher).post(
        reverse("partnerships:comment_add", args=[partnership.pk]), {"text": "x" * 1_000_000}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ensure this value has at most 4000 characters (it has 1000000)." in page
    assert "Up to 4,000 characters." in page
    assert not PlanComment.objects.exists()


def test_a_meeting_dated_9999_is_refused_next_to_the_date(client_for, teacher, partnership):
    from partnerships.models import ReviewMeeting

    response = client_for(teacher).post(
        reverse("partnerships:second_meeting_schedule", args=[partnership.pk]),
        {"date": "9999-12-31", "time": "15:30", "time_zone": "Asia/Tokyo", "duration_minutes": "45", "location": "A"},
    )
    assert response.status_code == 400
    assert "Choose a date between 1 January 2000 and" in response.content.decode()
    assert not ReviewMeeting.objects.exists()
