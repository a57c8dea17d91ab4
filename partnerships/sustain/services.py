"""Writes that make the partnership last: the agreement, its confirmations, touch points."""

from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone

from partnerships.audit.services import audit_record
from partnerships.common.errors import PlannerError, check_version
from partnerships.models import Agreement, AgreementConfirmation, Outcome, OutcomeReading, Partnership
from partnerships.notifications.services import notify
from partnerships.plan.services import item_update, stale_message, with_history_user
from partnerships.sustain.models import HELD_EARLY_LABEL

AGREEMENT_FIELDS = ("shared_goals", "norm_time", "norm_communication", "norm_decisions", "meeting_cadence")


def agreement_for(partnership):
    return Agreement.objects.filter(partnership=partnership).first()


@transaction.atomic
def agreement_save(*, partnership, by, expected_version=None, **fields):
    """Create the agreement or save a new version of it.

    Confirmations belong to the version a member read. Once anyone has confirmed, an
    edit makes a new version that everyone must confirm again; a committed
    partnership goes back to forming until they have.
    """
    fields = {k: v for k, v in fields.items() if k in AGREEMENT_FIELDS}
    agreement = Agreement.objects.select_for_update().filter(partnership=partnership).first()
    if agreement is None:
        if expected_version not in (None, "", 0, "0"):
            raise PlannerError("The agreement could not be found; reload the page.")
        agreement = with_history_user(Agreement(partnership=partnership, **fields), by)
        agreement.save()
        return agreement
    had_confirmations = agreement.confirmations.filter(agreement_version=agreement.version).exists()
    agreement = item_update(item=agreement, by=by, expected_version=expected_version or 0, **fields)
    if had_confirmations:
        Partnership.objects.filter(pk=partnership.pk, status=Partnership.Status.COMMITTED).update(
            status=Partnership.Status.FORMING
        )
        others = [m.user for m in partnership.memberships.select_related("user") if m.user_id != by.pk]
        notify(
            recipients=others,
            message=f"{by} changed the agreement of {partnership}. Please read it and confirm again.",
            url=agreement_url(partnership),
        )
    audit_record(actor=by, action="agreement.saved", target=agreement, summary=f"version {agreement.version}")
    return agreement


def agreement_url(partnership):
    return reverse("partnerships:agreement", args=[partnership.pk])


def unconfirmed_members(agreement):
    """Current members who have not confirmed the agreement's current version."""
    confirmed = set(
        agreement.confirmations.filter(agreement_version=agreement.version).values_list("user_id", flat=True)
    )
    return [m for m in agreement.partnership.memberships.select_related("user") if m.user_id not in confirmed]


@transaction.atomic
def agreement_confirm(*, agreement, by, version):
    """A member confirms the version they read; when all have, the partnership is committed."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    partnership = Partnership.objects.select_for_update().get(pk=agreement.partnership_id)
    if not partnership.memberships.filter(user=by).exists():
        raise PlannerError("Only members of the partnership confirm its agreement.")
    check_version(agreement, version, message=stale_message(agreement))
    mine = AgreementConfirmation.objects.filter(agreement=agreement, user=by, agreement_version=agreement.version)
    if not mine.exists():
        with_history_user(
            AgreementConfirmation(agreement=agreement, user=by, agreement_version=agreement.version), by
        ).save()
    audit_record(actor=by, action="agreement.confirmed", target=agreement, summary=f"version {agreement.version}")
    if partnership.status == Partnership.Status.FORMING and not unconfirmed_members(agreement):
        partnership.status = Partnership.Status.COMMITTED
        partnership.save(update_fields=["status", "updated_at"])
        notify(
            recipients=[m.user for m in partnership.memberships.select_related("user")],
            message=f"Everyone confirmed the agreement: {partnership} is now committed.",
            url=partnership.get_absolute_url(),
        )
    return agreement


@transaction.atomic
def touch_point_record(*, touch_point, by, expected_version, readings, held_early=False, **fields):
    """Record what happened at a touch point: outcome readings, health check, reflections.

    `readings` maps outcome id → value (None leaves that outcome without a reading).
    A review dated after today is recorded only when the person says it was held early
    (`held_early`): its date then becomes today, so the chart, the list and "Next touch
    point" tell when it really happened. Otherwise they move its date first.
    """
    now = timezone.now()
    if touch_point.is_ahead(now):
        if not held_early:
            raise PlannerError(early_message(touch_point), field="held_early", code="touch_point_ahead")
        fields["scheduled_at"] = now.replace(second=0, microsecond=0)
    fields["recorded_at"] = touch_point.recorded_at or now
    fields["recorded_by"] = by
    touch_point = item_update(item=touch_point, by=by, expected_version=expected_version, **fields)
    outcomes = {
        o.pk: o
        for o in Outcome.objects.alive().filter(plan__partnership_id=touch_point.partnership_id, pk__in=list(readings))
    }
    for outcome_id, value in readings.items():
        outcome = outcomes.get(int(outcome_id))
        if outcome is None:
            continue
        if value is None:
            OutcomeReading.objects.filter(touch_point=touch_point, outcome=outcome).delete()
            continue
        reading, _ = OutcomeReading.objects.get_or_create(
            touch_point=touch_point, outcome=outcome, defaults={"value": value}
        )
        if reading.value != value:
            reading.value = value
            with_history_user(reading, by).save()
        _latest_becomes_current(outcome, by)
    return touch_point


def early_message(touch_point):
    day = formats.date_format(touch_point.local_day(), "l, F j, Y")
    return (
        f"This touch point is planned for {day}, which has not come yet. "
        f"If the review happened early, tick “{HELD_EARLY_LABEL}”; "
        "if it happened on another day, reschedule it to that day first."
    )


def _latest_becomes_current(outcome, by):
    latest = (
        OutcomeReading.objects.filter(outcome=outcome, touch_point__deleted_at__isnull=True)
        .order_by("-touch_point__scheduled_at")
        .first()
    )
    if latest is not None and outcome.current_value != latest.value:
        outcome.current_value = latest.value
        outcome.version += 1
        with_history_user(outcome, by).save()
