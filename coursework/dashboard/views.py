"""The cohort progress dashboard, its CSV export and reminders sent from it."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coursework.access import taught_cohorts
from coursework.dashboard import selectors as dashboard
from coursework.dashboard.forms import DashboardFilterForm, ReminderSendForm, ReminderTemplateForm
from coursework.feedback.services import PLACEHOLDERS, reminder_template_for, reminder_template_update, reminders_send
from coursework.stages.registry import STAGE_BY_SLUG, STAGES
from partnerships.common.submissions import once_per_submission

FILTER_KEYS = ("q", "stage", "status", "overdue", "inactive_days", "sort")


def _cohort(request, pk):
    return get_object_or_404(taught_cohorts(request.user).select_related("course"), pk=pk)


def _filter_query(data):
    """Only the filter parameters of a request, re-encoded (safe to put in a URL)."""
    query = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        if data.get(key):
            query[key] = data.get(key)[:100]
    return query.urlencode()


def _posted_filters(post):
    """The dashboard filters a reminder form carried along as filter_<name> fields."""
    return QueryDict(_filter_query({key: post.get(f"filter_{key}", "") for key in FILTER_KEYS}))


def _dashboard_context(request, cohort, *, reminder_form=None):
    form = DashboardFilterForm(request.GET)
    filters = form.filters()
    due = dashboard.due_dates(cohort)
    paginator = Paginator(
        dashboard.page_rows(dashboard.filtered_enrollments(cohort, filters, due)), dashboard.PAGE_SIZE
    )
    page = paginator.get_page(request.GET.get("page"))
    totals = dashboard.stage_totals(cohort, due)
    review_url = dashboard.review_url_maker()
    return {
        "cohort": cohort,
        "form": form,
        "filters": filters,
        "filtering": any(request.GET.get(k) for k in FILTER_KEYS if k != "sort"),
        "page": page,
        "rows": [dashboard.grid_row(e, due, review_url=review_url) for e in page.object_list],
        "totals": totals,
        "cohort_size": max((t["total"] for t in totals), default=0),
        "stages": STAGES,
        "filter_query": _filter_query(request.GET),
        "reminder_form": reminder_form or ReminderSendForm(initial={"stage": filters.stage or _next_due_stage(due)}),
        "today": timezone.localdate(),
    }


def _next_due_stage(due):
    late = dashboard.overdue_stages(due)
    return late[-1] if late else STAGES[0].slug


@login_required
def cohort_dashboard(request, pk):
    cohort = _cohort(request, pk)
    return render(request, "coursework/dashboard/dashboard.html", _dashboard_context(request, cohort))


@login_required
def cohort_dashboard_csv(request, pk):
    cohort = _cohort(request, pk)
    filters = DashboardFilterForm(request.GET).filters()
    due = dashboard.due_dates(cohort)
    out = io.StringIO()
    dashboard.write_csv(out, cohort, dashboard.filtered_enrollments(cohort, filters, due), due)
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    name = f"progress-{cohort.pk}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
@once_per_submission
def reminders_send_view(request, pk):
    cohort = _cohort(request, pk)
    ids = [int(x) for x in request.POST.getlist("enrollment") if x.isdigit()]
    form = ReminderSendForm(request.POST, selected_ids=ids)
    back = reverse("coursework:cohort_dashboard", args=[cohort.pk])
    posted_filters = _posted_filters(request.POST)
    query = posted_filters.urlencode()
    if not form.is_valid():
        request.GET = posted_filters
        context = _dashboard_context(request, cohort, reminder_form=form)
        return render(request, "coursework/dashboard/dashboard.html", context, status=400)
    due = dashboard.due_dates(cohort)
    if form.cleaned_data["scope"] == ReminderSendForm.MATCHING:
        filters = DashboardFilterForm(posted_filters).filters()
        enrollments = dashboard.filtered_enrollments(cohort, filters, due)
    else:
        enrollments = cohort.enrollments.filter(pk__in=ids)
    stage = form.cleaned_data["stage"]
    sent = reminders_send(
        cohort=cohort,
        enrollments=enrollments.select_related("teacher", "cohort"),
        stage=stage,
        sender=request.user,
        due_on=due.get(stage),
    )
    if sent:
        messages.success(
            request,
            f"Reminder about {STAGE_BY_SLUG[stage].short_title} sent to {len(sent)} teacher{'s' if len(sent) != 1 else ''}.",
        )
    else:
        messages.warning(request, "No teachers matched, so no reminder was sent.")
    return redirect(f"{back}?{query}" if query else back)


@login_required
def reminder_template_edit(request, pk):
    cohort = _cohort(request, pk)
    template = reminder_template_for(cohort)
    form = ReminderTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        reminder_template_update(cohort=cohort, actor=request.user, **form.cleaned_data)
        messages.success(request, "The reminder email is saved.")
        return redirect("coursework:cohort_dashboard", cohort.pk)
    return render(
        request,
        "coursework/dashboard/reminder_template.html",
        {"cohort": cohort, "form": form, "placeholders": PLACEHOLDERS},
        status=400 if form.errors else 200,
    )
