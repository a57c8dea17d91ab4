"""The second meeting, recorded: notes per agenda item, clarifications, the decision, next
steps with owners; both parties read it, and the others get the summary."""

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partnerships.focus.services import second_meeting_record
from partnerships.models import FocusAreaChoice, MeetingNextStep, Membership, Notification, ReviewMeeting
from tests.partnerships.factories import AgendaItemFactory, SelectedFocusAreaFactory


def _meeting(partnership):
    return ReviewMeeting.objects.create(partnership=partnership, starts_at=timezone.now() - timezone.timedelta(hours=2))


def _post_data(item, admin_membership, **extra):
    data = {
        f"notes_{item.pk}": "Pat wants grade 7 first.",
        "clarifications": "Start with one grade, widen in spring.",
        "send_summary": "on",
        "steps-TOTAL_FORMS": "2",
        "steps-INITIAL_FORMS": "0",
        "steps-0-text": "Draft the action plan",
        "steps-0-owner": "",
        "steps-0-due_on": "2027-01-15",
        "steps-1-text": "Share the reading survey",
        "steps-1-owner": str(admin_membership.pk),
        "steps-1-due_on": "",
    }
    data.update(extra)
    return data


def test_the_teacher_records_the_meeting_and_the_administrator_reads_it(
    client_for, partnership, teacher, administrator, django_capture_on_commit_callbacks
):
    _meeting(partnership)
    item = AgendaItemFactory(partnership=partnership, text="Review the focus area “Reading for pleasure”")
    area = SelectedFocusAreaFactory(partnership=partnership, title="Reading for pleasure")
    FocusAreaChoice.objects.create(
        partnership=partnership,
        focus_area=area,
        proposed_by=teacher,
        rationale="It answers the district literacy goal.",
        confirmed_by=administrator,
        confirmed_at=timezone.now(),
    )
    admin_membership = Membership.objects.get(partnership=partnership, user=administrator)
    url = reverse("partnerships:second_meeting_record", args=[partnership.pk])

    assert client_for(teacher).get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(teacher).post(url, _post_data(item, admin_membership))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.notes == "Pat wants grade 7 first."
    steps = list(MeetingNextStep.objects.filter(partnership=partnership))
    assert [(s.text, s.owner) for s in steps] == [
        ("Draft the action plan", None),
        ("Share the reading survey", admin_membership),
    ]
    assert Notification.objects.filter(recipient=administrator, message__contains="second meeting").exists()
    assert not Notification.objects.filter(recipient=teacher).exists()
    page = client_for(administrator).get(reverse("partnerships:second_meeting", args=[partnership.pk]))
    body = page.content.decode()
    for expected in [
        "Pat wants grade 7 first.",
        "Start with one grade, widen in spring.",
        "Reading for pleasure",
        "It answers the district literacy goal.",
        "Share the reading survey",
        "Pat Principal",
        "Recorded by Tess Teacher",
    ]:
        assert expected in body, expected
    assert len(mail.outbox) <= 1  # the administrator's notice, if they take email now


def test_saving_again_replaces_the_steps_and_keeps_quiet_when_asked(client_for, partnership, teacher, administrator):
    meeting = _meeting(partnership)
    item = AgendaItemFactory(partnership=partnership)
    admin_membership = Membership.objects.get(partnership=partnership, user=administrator)
    url = reverse("partnerships:second_meeting_record", args=[partnership.pk])
    client_for(teacher).post(url, _post_data(item, admin_membership))
    data = _post_data(item, admin_membership, **{"steps-1-text": "", "send_summary": ""})
    data.pop("send_summary")
    Notification.objects.all().delete()

    assert client_for(administrator).post(url, data).status_code == 302

    assert list(MeetingNextStep.objects.values_list("text", flat=True)) == ["Draft the action plan"]
    assert not Notification.objects.exists()
    meeting.refresh_from_db()
    assert meeting.recorded_by == administrator


def test_a_bad_date_in_a_step_is_shown_next_to_it_and_nothing_is_lost(client_for, partnership, teacher, administrator):
    _meeting(partnership)
    item = AgendaItemFactory(partnership=partnership)
    admin_membership = Membership.objects.get(partnership=partnership, user=administrator)
    url = reverse("partnerships:second_meeting_record", args=[partnership.pk])
    response = client_for(teacher).post(url, _post_data(item, admin_membership, **{"steps-0-due_on": "soon"}))

    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a valid date." in body and "Pat wants grade 7 first." in body
    assert not MeetingNextStep.objects.exists()


def test_there_is_nothing_to_record_before_the_meeting_is_put_in(partnership, teacher):
    import pytest

    from partnerships.common.errors import PlannerError

    with pytest.raises(PlannerError):
        second_meeting_record(
            partnership=partnership, by=teacher, clarifications="", agenda_notes={}, next_steps=[], send_summary=False
        )
