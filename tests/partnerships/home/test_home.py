"""The home page shows each person what is theirs, one section per role."""

import pytest
from django.urls import reverse

from partnerships.models import FocusArea, Membership
from tests.coursework.factories import CohortFactory, CohortInvitationFactory, EnrollmentFactory
from tests.partnerships.factories import InvitationFactory, MembershipFactory, NotificationFactory, UserFactory

HOME = reverse("home")


def home_of(client_for, user):
    response = client_for(user).get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(HOME)
    assert response["Location"] == f"{reverse('login')}?next=/"


def test_teacher_sees_unit_progress_next_step_and_partnership(client_for, teacher, enrollment, partnership):
    body = home_of(client_for, teacher)
    assert "Welcome, Tess" in body
    assert "0 of 8 stages submitted, 0 reviewed." in body
    assert "Next step:" in body and "1. " in body
    assert reverse("coursework:stage", args=[enrollment.pk, "mindsets"]) in body
    assert "Your partnerships" in body and partnership.title in body
    assert "Cohorts you teach" not in body
    assert "Partnerships you are part of" not in body
    assert "Nothing here yet" not in body


def test_teacher_sees_progress_move(client_for, teacher, enrollment):
    enrollment.progress.filter(stage__in=["mindsets", "self-reflection"]).update(status="complete")
    body = home_of(client_for, teacher)
    assert "2 of 8 stages submitted, 2 reviewed." in body
    assert reverse("coursework:stage", args=[enrollment.pk, "research"]) in body


def test_submitted_stages_count_and_next_step_skips_them(client_for, teacher, enrollment):
    # Everything handed in, three stages accepted: the teacher's work shows, and nothing
    # is presented as their next step.
    enrollment.progress.update(status="submitted")
    enrollment.progress.filter(stage__in=["mindsets", "self-reflection", "research"]).update(status="complete")
    body = home_of(client_for, teacher)
    assert "8 of 8 stages submitted, 3 reviewed." in body
    assert 'max="8" value="8"' in body
    assert "Next step" not in body
    assert "Nothing is waiting on you: every stage is submitted; the rest wait for review." in body


def test_next_step_is_the_first_stage_returned_or_not_submitted(client_for, teacher, enrollment):
    enrollment.progress.update(status="submitted")
    enrollment.progress.filter(stage="research").update(status="needs_revision")
    body = home_of(client_for, teacher)
    assert "7 of 8 stages submitted, 0 reviewed, 1 returned for changes." in body
    research = reverse("coursework:stage", args=[enrollment.pk, "research"])
    assert f'Next step: <a href="{research}">3. ' in body


def test_every_stage_reviewed_says_so(client_for, teacher, enrollment):
    enrollment.progress.update(status="complete")
    body = home_of(client_for, teacher)
    assert "8 of 8 stages submitted, 8 reviewed." in body
    assert "Every stage is submitted and reviewed" in body


def test_administrator_sees_partnerships_and_what_awaits_review(client_for, administrator, partnership):
    body = home_of(client_for, administrator)
    assert "Partnerships you are part of" in body
    assert partnership.title in body
    assert "You are the administrator" in body
    assert "Nothing awaits your review right now." in body
    for status in ["shared", "revised", "draft", "selected"]:
        FocusArea.objects.create(partnership=partnership, title=f"Area {status}", need="A need", status=status)
    body = home_of(client_for, administrator)
    assert "Awaiting your review:</strong> 2 focus areas shared with you." in body
    assert "unit progress" not in body.lower() and "Cohorts you teach" not in body


def test_instructor_sees_cohorts(client_for, instructor, cohort, enrollment):
    CohortInvitationFactory(cohort=cohort)
    body = home_of(client_for, instructor)
    assert "Cohorts you teach" in body
    assert str(cohort) in body
    assert "1 teacher · 1 invitation waiting" in body
    assert "Your partnerships" not in body and "stages submitted" not in body


def test_person_with_several_roles_sees_each_section_in_order(client_for, teacher, enrollment, other_partnership):
    # The teacher also instructs another cohort and is a colleague on another partnership.
    CohortFactory(name="Spring cohort", instructors=[teacher])
    MembershipFactory(partnership=other_partnership, user=teacher, role=Membership.Role.COLLEAGUE)
    body = home_of(client_for, teacher)
    headings = ["stages submitted", "Your partnerships", "Partnerships you are part of", "Cohorts you teach"]
    positions = [body.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Spring cohort" in body and other_partnership.title in body


def test_person_with_no_role_is_told_what_to_expect(client_for, db):
    body = home_of(client_for, UserFactory(first_name="Nora"))
    assert "Welcome, Nora" in body
    assert "Nothing here yet" in body
    assert "check your email" in body


def test_unread_notifications_are_listed(client_for, teacher):
    NotificationFactory(recipient=teacher, message="Pat joined your partnership.", url="/partnerships/1/")
    NotificationFactory(message="Someone else's news.")
    body = home_of(client_for, teacher)
    assert "New for you" in body and "Pat joined your partnership." in body
    assert "Someone else" not in body


# --- query-count guards ---------------------------------------------------------------
# Each page is measured at a small and a large data size with the same budget, so a
# query per row (N+1) fails the test.

HOME_BUDGET = 15  # measured: 15 for a person with every role (incl. collaboratives), at both sizes


def _teacher_with(n):
    teacher = UserFactory()
    for _ in range(n):
        enrollment = EnrollmentFactory(teacher=teacher, partnership=None)
        enrollment.progress.filter(stage="mindsets").update(status="complete")
    for _ in range(n):
        InvitationFactory(partnership__lead_teacher=teacher)
    NotificationFactory.create_batch(n, recipient=teacher)
    return teacher


def _administrator_with(n):
    admin = UserFactory()
    for _ in range(n):
        membership = MembershipFactory(user=admin, role=Membership.Role.ADMINISTRATOR)
        FocusArea.objects.create(partnership=membership.partnership, title="Area", need="Need", status="shared")
    return admin


def _instructor_with(n):
    instructor = UserFactory()
    for _ in range(n):
        cohort = CohortFactory(instructors=[instructor])
        EnrollmentFactory.create_batch(2, cohort=cohort)
        CohortInvitationFactory(cohort=cohort)
    return instructor


def _everything_with(n):
    person = _teacher_with(n)
    for _ in range(n):
        MembershipFactory(user=person, role=Membership.Role.ADMINISTRATOR)
        CohortFactory(instructors=[person])
    return person


@pytest.mark.parametrize("make", [_teacher_with, _administrator_with, _instructor_with, _everything_with])
@pytest.mark.parametrize("size", [2, 20])
def test_home_query_budget(client_for, django_assert_max_num_queries, make, size, db):
    person = make(size)
    client = client_for(person)
    with django_assert_max_num_queries(HOME_BUDGET):
        response = client.get(HOME)
    assert response.status_code == 200


def test_the_teacher_sees_every_member_of_their_partnership(client_for, teacher, partnership, administrator):
    # The count was taken over the memberships already narrowed to the teacher's own.
    InvitationFactory(partnership=partnership)
    body = home_of(client_for, teacher)
    assert "2 members · 1 invitation waiting" in body
    assert "1 member" not in body
