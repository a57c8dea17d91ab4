"""Agreement, stakeholder map, external partners and touch points."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from partnerships.access import (
    PLAN_EDITOR_ROLES,
    can_edit_partnership,
    editable_partnerships,
    member_partnerships,
    visible_partnerships,
    visible_touch_points,
)
from partnerships.common.errors import Conflict, PlannerError, show_error
from partnerships.common.submissions import once_per_submission
from partnerships.meetings.calendar import partnership_feed, touch_point_ics
from partnerships.meetings.ics_dates import ics_response
from partnerships.models import Agreement, ExternalPartner, Outcome, OutcomeReading
from partnerships.plan.forms import AgreementForm, TouchPointRecordForm
from partnerships.plan.items import conflict_context, form_context
from partnerships.sustain import services as services_lasting
from partnerships.sustain.selectors import agreement_status, agreement_with_confirmations, stakeholder_groups
from partnerships.sustain.services import agreement_confirm, agreement_save


@login_required
def agreement_page(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    members = list(partnership.memberships.select_related("user").order_by("role", "joined_at"))
    membership = next((m for m in members if m.user_id == request.user.pk), None)
    status = agreement_status(agreement_with_confirmations(partnership), members)
    context = {
        "partnership": partnership,
        "status": status,
        "membership": membership,
        "can_edit": membership is not None and membership.role in PLAN_EDITOR_ROLES,
        "my_confirmation": next(
            (r["confirmation"] for r in status["rows"] if r["member"].user_id == request.user.pk), None
        ),
    }
    return render(request, "partnerships/lasting/agreement.html", context)


@login_required
def agreement_edit(request, pk):
    partnership = get_object_or_404(editable_partnerships(request.user), pk=pk)
    agreement = agreement_with_confirmations(partnership)
    initial = {"version": agreement.version if agreement else 0}
    form = AgreementForm(request.POST or None, instance=agreement, initial=initial)
    context = {"partnership": partnership, "item": agreement, "kind": {"label": "agreement"}}
    if request.method == "POST" and form.is_valid():
        try:
            agreement_save(
                partnership=partnership,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.model_values(),
            )
        except Conflict as stale:
            context.update(conflict_context(form_class=AgreementForm, bound=form, current=stale.current))
            return render(request, "partnerships/lasting/agreement_form.html", context, status=409)
        except PlannerError as error:
            show_error(request, error)
        else:
            messages.success(request, "The agreement is saved. Each member confirms the version they read.")
        return redirect("partnerships:agreement", partnership.pk)
    context.update(form_context(form))
    return render(request, "partnerships/lasting/agreement_form.html", context)


@login_required
@require_POST
@once_per_submission
def agreement_confirm_view(request, pk):
    partnership = get_object_or_404(member_partnerships(request.user), pk=pk)
    agreement = get_object_or_404(Agreement.objects.filter(partnership=partnership))
    version = request.POST.get("version", "")
    try:
        agreement_confirm(agreement=agreement, by=request.user, version=int(version) if version.isdigit() else 0)
    except Conflict:
        messages.error(request, "The agreement changed since you opened it. Read this version, then confirm.")
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, "You confirmed the agreement.")
    return redirect("partnerships:agreement", partnership.pk)


@login_required
def stakeholders(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    context = {
        "partnership": partnership,
        "levels": stakeholder_groups(partnership),
        "can_edit": can_edit_partnership(request.user, partnership),
    }
    return render(request, "partnerships/lasting/stakeholders.html", context)


@login_required
def external_partners(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    context = {
        "partnership": partnership,
        "partners": list(ExternalPartner.objects.alive().filter(partnership=partnership)),
        "can_edit": can_edit_partnership(request.user, partnership),
    }
    return render(request, "partnerships/lasting/partners.html", context)


@login_required
def touch_points(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    items = list(visible_touch_points(request.user).filter(partnership=partnership))
    for tp in items:
        tp.missed = tp.is_missed()
    context = {
        "partnership": partnership,
        "touch_points": items,
        "can_edit": can_edit_partnership(request.user, partnership),
    }
    return render(request, "partnerships/lasting/touch_points.html", context)


def _outcomes(partnership):
    return list(Outcome.objects.alive().filter(plan__partnership=partnership, plan__deleted_at__isnull=True))


@login_required
def touch_point_detail(request, pk, tp_pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    tp = get_object_or_404(visible_touch_points(request.user).filter(partnership=partnership), pk=tp_pk)
    readings = list(OutcomeReading.objects.filter(touch_point=tp).select_related("outcome"))
    context = {
        "partnership": partnership,
        "tp": tp,
        "readings": readings,
        "can_edit": can_edit_partnership(request.user, partnership),
    }
    return render(request, "partnerships/lasting/touch_point.html", context)


@login_required
@once_per_submission
def touch_point_record(request, pk, tp_pk):
    partnership = get_object_or_404(editable_partnerships(request.user), pk=pk)
    tp = get_object_or_404(visible_touch_points(request.user).filter(partnership=partnership), pk=tp_pk)
    outcomes = _outcomes(partnership)
    saved = {r.outcome_id: r.value for r in OutcomeReading.objects.filter(touch_point=tp)}
    form = TouchPointRecordForm(request.POST or None, touch_point=tp, outcomes=outcomes, readings=saved)
    if request.method == "POST" and form.is_valid():
        try:
            services_lasting.touch_point_record(
                touch_point=tp,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                readings=form.reading_values(),
                **form.model_values(),
            )
        except Conflict:
            form.add_error(
                None,
                "Someone recorded this touch point after you opened it. Your values are kept below; "
                "the saved record is on the touch point page. Check it, then save again.",
            )
            form.data = form.data.copy()
            form.data["version"] = type(tp).objects.filter(pk=tp.pk).values_list("version", flat=True).first()
        except PlannerError as error:
            if error.field not in form.fields:
                show_error(request, error)
                return redirect("partnerships:touch_point", partnership.pk, tp.pk)
            # Something the person can put right on this form: keep what they typed.
            show_error(request, error, form=form)
        else:
            messages.success(request, "The touch point is recorded. Progress on the partnership page is updated.")
            return redirect("partnerships:touch_point", partnership.pk, tp.pk)
    context = {"partnership": partnership, "tp": tp, "form": form}
    return render(request, "partnerships/lasting/touch_point_record.html", context)


@login_required
def touch_point_calendar(request, pk, tp_pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    tp = get_object_or_404(visible_touch_points(request.user).filter(partnership=partnership), pk=tp_pk)
    return ics_response(lambda: touch_point_ics(tp, partnership), filename=f"touch-point-{tp.pk}.ics")


@login_required
def calendar_feed(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    items = visible_touch_points(request.user).filter(partnership=partnership)
    return ics_response(
        lambda: partnership_feed(partnership, items),
        filename=f"partnership-{partnership.pk}-touch-points.ics",
        inline=True,
    )
