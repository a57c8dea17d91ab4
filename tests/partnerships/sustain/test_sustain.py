from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from partnerships.common.errors import Conflict, PlannerError
from partnerships.models import Agreement, Notification, OutcomeReading, Partnership, TouchPoint
from partnerships.sustain.selectors import attention, next_touch_point, outcome_progress, stakeholder_groups
from partnerships.sustain.services import agreement_confirm, agreement_save, touch_point_record
from tests.partnerships.factories import (
    ActionPlanFactory,
    ExternalPartnerFactory,
    MembershipFactory,
    OutcomeFactory,
    SelectedFocusAreaFactory,
    StakeholderFactory,
    StepFactory,
    TouchPointFactory,
    UserFactory,
)


@pytest.fixture
def plan(partnership):
    return ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=partnership))


def status(partnership):
    return Partnership.objects.get(pk=partnership.pk).status


# --- agreement --------------------------------------------------------------------


def test_partnership_is_committed_when_all_current_members_confirm(partnership, teacher, administrator, colleague):
    agreement = agreement_save(partnership=partnership, by=teacher, shared_goals="Readers", meeting_cadence="Monthly")
    agreement_confirm(agreement=agreement, by=teacher, version=1)
    agreement_confirm(agreement=agreement, by=administrator, version=1)
    assert status(partnership) == "forming"  # the colleague has not confirmed yet
    agreement_confirm(agreement=agreement, by=colleague, version=1)
    assert status(partnership) == "committed"
    assert Notification.objects.filter(recipient=administrator, message__contains="now committed").exists()


def test_an_edit_after_confirmations_asks_everyone_to_confirm_again(partnership, teacher, administrator):
    agreement = agreement_save(partnership=partnership, by=teacher, shared_goals="Readers")
    agreement_confirm(agreement=agreement, by=teacher, version=1)
    agreement_confirm(agreement=agreement, by=administrator, version=1)
    assert status(partnership) == "committed"
    agreement = agreement_save(partnership=partnership, by=administrator, expected_version=1, norm_time="Start on time")
    assert agreement.version == 2
    assert status(partnership) == "forming"
    assert Notification.objects.filter(recipient=teacher, message__contains="confirm again").exists()
    with pytest.raises(Conflict):  # a confirmation of the old version does not count
        agreement_confirm(agreement=agreement, by=teacher, version=1)
    agreement_confirm(agreement=agreement, by=teacher, version=2)
    agreement_confirm(agreement=agreement, by=administrator, version=2)
    assert status(partnership) == "committed"


def test_stale_agreement_save_is_refused(partnership, teacher, administrator):
    agreement_save(partnership=partnership, by=teacher, shared_goals="A")
    agreement_save(partnership=partnership, by=administrator, expected_version=1, shared_goals="B")
    with pytest.raises(Conflict):
        agreement_save(partnership=partnership, by=teacher, expected_version=1, shared_goals="C")
    assert Agreement.objects.get().shared_goals == "B"


def test_non_member_cannot_confirm(partnership, teacher, instructor):
    agreement = agreement_save(partnership=partnership, by=teacher, shared_goals="A")
    with pytest.raises(PlannerError):
        agreement_confirm(agreement=agreement, by=instructor, version=1)


def test_agreement_views(client_for, partnership, teacher, administrator, colleague):
    edit = reverse("partnerships:agreement_edit", args=[partnership.pk])
    page = reverse("partnerships:agreement", args=[partnership.pk])
    confirm = reverse("partnerships:agreement_confirm", args=[partnership.pk])
    assert client_for(colleague).get(edit).status_code == 404
    data = {
        "shared_goals": "Readers",
        "norm_time": "",
        "norm_communication": "",
        "norm_decisions": "",
        "meeting_cadence": "Monthly",
        "version": "0",
    }
    assert client_for(teacher).post(edit, data).status_code == 302
    refused = client_for(teacher).post(confirm, {"version": "nonsense"}, follow=True)
    assert "The agreement changed since you opened it" in refused.content.decode()
    for person in (teacher, administrator, colleague):
        client_for(person).post(confirm, {"version": "1"})
    assert status(partnership) == "committed"
    body = client_for(colleague).get(page).content.decode()
    assert "Every member has confirmed" in body
    stale = client_for(administrator).post(edit, {**data, "version": "0", "shared_goals": "Stale"})
    assert stale.status_code == 409 and "Your unsaved value:" in stale.content.decode()


# --- stakeholders ---------------------------------------------------------------------


def test_stakeholders_are_grouped_by_level_and_group(client_for, partnership, teacher, colleague):
    StakeholderFactory(partnership=partnership, level="school", group="students", name="Student council")
    StakeholderFactory(partnership=partnership, level="district", group="board", name="School board", engaged=True)
    levels = stakeholder_groups(partnership)
    assert [lvl["level"] for lvl in levels] == ["School", "District"]
    school = {g["group"]: [s.name for s in g["items"]] for g in levels[0]["groups"]}
    assert school["Students"] == ["Student council"] and school["Principal"] == []
    district = {g["group"]: [s.name for s in g["items"]] for g in levels[1]["groups"]}
    assert district["Board"] == ["School board"]
    body = client_for(colleague).get(reverse("partnerships:stakeholders", args=[partnership.pk])).content.decode()
    assert "Student council" in body and "engaged" in body and "Add a stakeholder" not in body


def test_external_partner_form_records_the_planning_answers(client_for, partnership, teacher):
    data = {
        "name": "City library",
        "kind": "community",
        "role": "collaborative",
        "need": "Books",
        "goals": "G",
        "process": "P",
        "expectations": "E",
        "judging": "J",
        "version": "",
    }
    client_for(teacher).post(reverse("partnerships:item_new", args=[partnership.pk, "partner"]), data)
    body = client_for(teacher).get(reverse("partnerships:partners", args=[partnership.pk])).content.decode()
    assert "City library" in body and "Collaborative partner" in body and "How results will be judged" in body


# --- touch points -----------------------------------------------------------------------


def test_scheduling_a_touch_point_in_a_time_zone(client_for, partnership, teacher):
    data = {
        "title": "First review",
        "date": "2027-01-12",
        "time": "15:30",
        "time_zone": "America/Chicago",
        "duration_minutes": "30",
        "location": "Library",
        "version": "",
    }
    response = client_for(teacher).post(reverse("partnerships:item_new", args=[partnership.pk, "touchpoint"]), data)
    assert response.status_code == 302
    tp = TouchPoint.objects.get()
    assert tp.time_zone == "America/Chicago"
    assert tp.scheduled_at.astimezone(UTC).hour == 21  # 15:30 CST is 21:30 UTC
    page = client_for(teacher).get(reverse("partnerships:touch_point", args=[partnership.pk, tp.pk]))
    assert "3:30 p.m. (America/Chicago)" in page.content.decode()  # shown in its own zone


def test_touch_point_ics_and_feed(client_for, partnership, teacher):
    tp = TouchPointFactory(partnership=partnership, title="Review", location="Room 12", time_zone="America/Denver")
    TouchPointFactory(partnership=partnership, title="Second review")
    response = client_for(teacher).get(reverse("partnerships:touch_point_ics", args=[partnership.pk, tp.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    events = cal.walk("VEVENT")
    assert len(events) == 1 and "Review" in str(events[0]["SUMMARY"]) and str(events[0]["LOCATION"]) == "Room 12"
    assert events[0].decoded("DTSTART") == tp.scheduled_at.replace(microsecond=0)
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "America/Denver"
    feed = Calendar.from_ical(
        client_for(teacher).get(reverse("partnerships:calendar_feed", args=[partnership.pk])).content
    )
    assert len(feed.walk("VEVENT")) == 2


def test_recording_a_touch_point_keeps_readings_and_updates_current_values(plan, teacher, administrator):
    outcome = OutcomeFactory(plan=plan, baseline=20, target=50)
    tp = TouchPointFactory(partnership=plan.partnership, scheduled_at=timezone.now() - timedelta(days=1))
    touch_point_record(
        touch_point=tp,
        by=teacher,
        expected_version=1,
        readings={outcome.pk: Decimal("31")},
        trust=4,
        transparency=5,
        communication=3,
        honest_assessment=4,
        time_respected=5,
        relevance=4,
        reflections="Good start",
        next_steps="Survey again",
    )
    tp.refresh_from_db()
    outcome.refresh_from_db()
    assert tp.recorded_by == teacher and tp.recorded_at and tp.trust == 4 and not tp.is_missed()
    assert OutcomeReading.objects.get(touch_point=tp).value == Decimal("31")
    assert outcome.current_value == Decimal("31")
    with pytest.raises(Conflict):
        touch_point_record(touch_point=tp, by=administrator, expected_version=1, readings={}, reflections="x")


def test_record_form_view(client_for, plan, teacher, colleague):
    outcome = OutcomeFactory(plan=plan, measure="Weekly readers", target=50)
    tp = TouchPointFactory(partnership=plan.partnership, scheduled_at=timezone.now() - timedelta(hours=1))
    record_url = reverse("partnerships:touch_point_record", args=[plan.partnership_id, tp.pk])
    assert client_for(colleague).get(record_url).status_code == 404
    data = {
        f"outcome_{outcome.pk}": "33",
        "trust": "4",
        "transparency": "",
        "communication": "5",
        "honest_assessment": "3",
        "time_respected": "4",
        "relevance": "9",
        "reflections": "R",
        "next_steps": "N",
        "version": "1",
    }
    bad = client_for(teacher).post(record_url, data)
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()
    data["relevance"] = "5"
    assert client_for(teacher).post(record_url, data).status_code == 302
    body = (
        client_for(colleague)
        .get(reverse("partnerships:touch_point", args=[plan.partnership_id, tp.pk]))
        .content.decode()
    )
    assert "Weekly readers" in body and "33" in body and "Time respected" in body


def test_outcome_progress_chart_data(plan, teacher):
    outcome = OutcomeFactory(plan=plan, baseline=20, target=50)
    first = TouchPointFactory(partnership=plan.partnership, scheduled_at=timezone.now() - timedelta(days=20))
    second = TouchPointFactory(partnership=plan.partnership, scheduled_at=timezone.now() - timedelta(days=5))
    TouchPointFactory(partnership=plan.partnership)  # upcoming, nothing recorded: not on the chart
    for tp, value in [(second, 52), (first, 30)]:
        touch_point_record(touch_point=tp, by=teacher, expected_version=1, readings={outcome.pk: Decimal(value)})
    [chart] = outcome_progress(plan.partnership)
    assert [p["value"] for p in chart["series"]] == [30, 52]
    assert chart["latest"] == 52 and chart["reached"] is True
    baseline, at_first, at_second = chart["svg"]["marks"]
    assert [m.kind for m in (baseline, at_first, at_second)] == ["baseline", "reading", "reading"]
    assert baseline.x <= at_first.x < at_second.x  # placed by date (the baseline no later than the first reading)
    assert baseline.y > at_first.y > at_second.y  # higher value, higher up
    assert chart["svg"]["line"].count(",") == 3


def test_partnership_page_flags_overdue_steps_and_missed_touch_points(client_for, plan, teacher, administrator):
    StepFactory(plan=plan, title="Late step", due_date=timezone.localdate() - timedelta(days=3))
    StepFactory(plan=plan, title="Done step", due_date=timezone.localdate() - timedelta(days=3), status="done")
    StepFactory(plan=plan, title="Future step", due_date=timezone.localdate() + timedelta(days=3))
    TouchPointFactory(
        partnership=plan.partnership, title="Missed review", scheduled_at=timezone.now() - timedelta(days=2)
    )
    outcome = OutcomeFactory(plan=plan, measure="Weekly readers", target=50)
    held = TouchPointFactory(
        partnership=plan.partnership, title="Held review", scheduled_at=timezone.now() - timedelta(days=1)
    )
    touch_point_record(touch_point=held, by=teacher, expected_version=1, readings={outcome.pk: Decimal(27)})
    flags = attention(plan.partnership)
    assert [s.title for s in flags["overdue_steps"]] == ["Late step"]
    assert [t.title for t in flags["missed_touch_points"]] == ["Missed review"]
    body = client_for(administrator).get(reverse("partnerships:detail", args=[plan.partnership_id])).content.decode()
    assert "Late step" in body and "Overdue" in body and "Missed review" in body
    assert "Done step" not in body and "Future step" not in body
    assert "<svg" in body and "Readings for Weekly readers" in body and "27" in body
    assert 'style="' not in body


@pytest.mark.parametrize("size", [3, 30])
def test_lasting_pages_query_budget(client_for, plan, teacher, size, django_assert_max_num_queries):
    agreement = agreement_save(partnership=plan.partnership, by=teacher, shared_goals="Readers")
    for i in range(size):
        member = MembershipFactory(partnership=plan.partnership, user=UserFactory(), role="colleague")
        agreement_confirm(agreement=agreement, by=member.user, version=1)
        StakeholderFactory(partnership=plan.partnership, group="students" if i % 2 else "educators")
        ExternalPartnerFactory(partnership=plan.partnership)
        tp = TouchPointFactory(partnership=plan.partnership, scheduled_at=timezone.now() - timedelta(days=i + 1))
        outcome = OutcomeFactory(plan=plan)
        OutcomeReading.objects.create(touch_point=tp, outcome=outcome, value=i)
    client = client_for(teacher)
    for name in ["agreement", "stakeholders", "partners", "touch_points"]:
        with django_assert_max_num_queries(10):
            assert client.get(reverse(f"partnerships:{name}", args=[plan.partnership_id])).status_code == 200
    tp = TouchPoint.objects.first()
    for name in ["touch_point", "touch_point_record"]:
        with django_assert_max_num_queries(12):
            assert client.get(reverse(f"partnerships:{name}", args=[plan.partnership_id, tp.pk])).status_code == 200


def _next_january(hour=15):
    """A review planned for January 15 next year, 3:30 pm in New York: well after today."""
    return datetime(timezone.localdate().year + 1, 1, 15, hour, 30, tzinfo=ZoneInfo("America/New_York"))


def test_recording_a_review_before_its_date_needs_a_deliberate_choice(client_for, plan, teacher):
    tp = TouchPointFactory(
        partnership=plan.partnership, title="January review", scheduled_at=_next_january(), time_zone="America/New_York"
    )
    url = reverse("partnerships:touch_point_record", args=[plan.partnership_id, tp.pk])
    client = client_for(teacher)
    form_page = client.get(url).content.decode()
    assert "This review happened early (today)" in form_page and "reschedule it" in form_page
    data = {"version": "1", "reflections": "Met early: the principal had a free slot."}
    refused = client.post(url, data)
    body = refused.content.decode()
    assert refused.status_code == 200
    assert "which has not come yet" in body and "Met early: the principal had a free slot." in body
    # The message sits with the box it is about, not only at the top of the page.
    assert body.index("which has not come yet") > body.index('name="held_early"')
    tp.refresh_from_db()
    assert tp.recorded_at is None and tp.version == 1

    assert client.post(url, {**data, "held_early": "on"}).status_code == 302
    tp.refresh_from_db()
    assert tp.recorded_at is not None and tp.recorded_by == teacher
    assert tp.local_day() == timezone.localtime(timezone.now(), ZoneInfo("America/New_York")).date()


def test_the_service_refuses_an_early_record_without_the_choice(plan, teacher):
    tp = TouchPointFactory(partnership=plan.partnership, scheduled_at=_next_january())
    with pytest.raises(PlannerError) as refused:
        touch_point_record(touch_point=tp, by=teacher, expected_version=1, readings={}, reflections="x")
    assert refused.value.field == "held_early"
    tp.refresh_from_db()
    assert tp.recorded_at is None


def test_a_review_planned_for_today_records_without_the_choice(plan, teacher):
    later_today = timezone.localtime(timezone.now(), ZoneInfo("America/New_York")).replace(hour=23, minute=59)
    tp = TouchPointFactory(partnership=plan.partnership, scheduled_at=later_today, time_zone="America/New_York")
    touch_point_record(touch_point=tp, by=teacher, expected_version=1, readings={})
    tp.refresh_from_db()
    assert tp.recorded_at is not None and tp.scheduled_at == later_today


def test_next_touch_point_is_the_earliest_one_not_yet_recorded(client_for, plan, teacher):
    # Recorded ahead of its date (as records made before the early-review choice existed are).
    held = TouchPointFactory(partnership=plan.partnership, title="January review", scheduled_at=_next_january())
    TouchPoint.objects.filter(pk=held.pk).update(recorded_at=timezone.now(), recorded_by=teacher)
    TouchPointFactory(
        partnership=plan.partnership, title="Spring review", scheduled_at=_next_january() + timedelta(days=90)
    )
    TouchPointFactory(
        partnership=plan.partnership, title="Summer review", scheduled_at=_next_january() + timedelta(days=180)
    )
    TouchPointFactory(
        partnership=plan.partnership, title="Missed review", scheduled_at=timezone.now() - timedelta(days=2)
    )
    assert next_touch_point(plan.partnership).title == "Spring review"
    assert attention(plan.partnership)["next_touch_point"].title == "Spring review"
    body = client_for(teacher).get(reverse("partnerships:detail", args=[plan.partnership_id])).content.decode()
    line = body[body.index("Next touch point:") :][:300]
    assert "Spring review" in line and "January review" not in line
