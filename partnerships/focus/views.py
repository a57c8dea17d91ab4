"""The administrator's review of shared focus areas, revisions, the choice and the second meeting."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from partnerships.access import (
    commentable_focus_areas,
    decidable_choices,
    deciding_partnerships,
    editable_agenda_items,
    editable_focus_areas,
    meeting_partnerships,
    membership_for,
    resolvable_comments,
    visible_focus_areas,
    visible_partnerships,
)
from partnerships.common.errors import Conflict, PlannerError, show_error
from partnerships.common.submissions import once_per_submission
from partnerships.focus import services as svc
from partnerships.focus.diff import changes_between, revision_trail, versions_by_number
from partnerships.focus.forms import (
    AgendaItemForm,
    ChoiceForm,
    CommentForm,
    FocusAreaEditForm,
    MeetingNextStepFormSet,
    MeetingRecordForm,
    ReplyForm,
    ReviewMeetingForm,
)
from partnerships.meetings.ics import review_meeting_ics
from partnerships.meetings.ics_dates import ics_response
from partnerships.models import Comment, FocusArea, FocusAreaChoice, Membership, ReviewMeeting

Role = Membership.Role


def _threads(focus_area, versions):
    """Top-level comments with their replies, and for questions what changed since."""
    comments = list(focus_area.comments.all())
    replies = {}
    for c in comments:
        if c.parent_id:
            replies.setdefault(c.parent_id, []).append(c)
    threads = []
    for c in comments:
        if c.parent_id:
            continue
        changes = None
        if c.is_question and c.focus_version < focus_area.version:
            then = versions.get((focus_area.pk, c.focus_version))
            if then is not None:
                changes = changes_between(then, focus_area)
        threads.append({"comment": c, "replies": replies.get(c.pk, []), "changes": changes})
    return threads


def _review_context(request, partnership, *, bound=None):
    """Everything the review page shows; `bound` = {(form name, object pk): bound form}."""
    bound = bound or {}
    user = request.user
    membership = membership_for(user, partnership)
    role = membership.role if membership else None
    focus_areas = list(
        visible_focus_areas(user)
        .filter(partnership=partnership)
        .shared()
        .prefetch_related(
            "evidence",
            Prefetch(
                "comments",
                queryset=Comment.objects.select_related("author", "resolved_by").order_by("created_at", "id"),
            ),
        )
        .order_by("created_at", "id")
    )
    # Only the lead teacher reads drafts (partnerships/access.py, visible_focus_areas).
    versions = versions_by_number(focus_areas, user, sees_drafts=role == Role.LEAD_TEACHER)
    can_comment = membership is not None
    can_decide = role in (Role.LEAD_TEACHER, Role.ADMINISTRATOR)
    choices = list(
        partnership.focus_choices.select_related("focus_area", "proposed_by", "confirmed_by", "withdrawn_by")
    )
    confirmed = next((c for c in choices if c.state == "confirmed"), None)
    open_choice = next((c for c in choices if c.state == "proposed"), None)
    items = []
    for fa in focus_areas:
        threads = _threads(fa, versions)
        for t in threads:
            t["reply_form"] = bound.get(("reply", t["comment"].pk)) or ReplyForm(prefix=f"reply{t['comment'].pk}")
        items.append(
            {
                "focus_area": fa,
                "threads": threads,
                "revisions": revision_trail(fa, versions),
                "open_questions": sum(1 for t in threads if t["comment"].is_question and not t["comment"].resolved),
                "comment_form": bound.get(("comment", fa.pk)) or CommentForm(prefix=f"comment{fa.pk}"),
                "choice_form": bound.get(("choice", fa.pk)) or ChoiceForm(prefix=f"choice{fa.pk}"),
            }
        )
    return {
        "partnership": partnership,
        "membership": membership,
        "is_lead": role == Role.LEAD_TEACHER,
        "can_comment": can_comment,
        "can_decide": can_decide and confirmed is None,
        "items": items,
        "confirmed": confirmed,
        "open_choice": open_choice,
        "past_choices": [c for c in choices if c.state == "withdrawn"],
        "meeting": ReviewMeeting.objects.filter(partnership=partnership).first(),
    }


@login_required
def review_page(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    return render(request, "partnerships/review/review.html", _review_context(request, partnership))


@login_required
@require_POST
@once_per_submission
def comment_create(request, pk):
    focus_area = get_object_or_404(commentable_focus_areas(request.user).select_related("partnership"), pk=pk)
    parent = None
    if request.POST.get("parent"):
        parent = get_object_or_404(Comment.objects.filter(focus_area=focus_area), pk=request.POST["parent"])
        form = ReplyForm(request.POST, prefix=f"reply{parent.pk}")
        key = ("reply", parent.pk)
    else:
        form = CommentForm(request.POST, prefix=f"comment{focus_area.pk}")
        key = ("comment", focus_area.pk)
    if form.is_valid():
        kind = form.cleaned_data.get("kind", Comment.Kind.ANSWER if parent and parent.is_question else "comment")
        try:
            svc.comment_add(
                focus_area=focus_area, author=request.user, kind=kind, body=form.cleaned_data["body"], parent=parent
            )
        except PlannerError as error:
            show_error(request, error, form=form, field="body")
        else:
            messages.success(request, "Posted. The others in the partnership are told.")
            return redirect(
                reverse("partnerships:review", args=[focus_area.partnership_id]) + f"#focus-{focus_area.pk}"
            )
    context = _review_context(request, focus_area.partnership, bound={key: form})
    return render(request, "partnerships/review/review.html", context, status=400)


@login_required
@require_POST
def comment_resolve(request, pk):
    comment = get_object_or_404(resolvable_comments(request.user).select_related("focus_area"), pk=pk)
    resolved = request.POST.get("resolved", "1") == "1"
    svc.comment_resolve(comment=comment, actor=request.user, resolved=resolved)
    messages.success(request, "Marked resolved." if resolved else "Reopened the question.")
    return redirect(reverse("partnerships:review", args=[comment.focus_area.partnership_id]) + f"#comment-{comment.pk}")


def _next_url(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@login_required
def focus_area_edit(request, pk):
    focus_area = get_object_or_404(editable_focus_areas(request.user).select_related("partnership"), pk=pk)
    default_next = (
        reverse("partnerships:review", args=[focus_area.partnership_id]) + f"#focus-{focus_area.pk}"
        if not focus_area.is_draft
        else focus_area.partnership.get_absolute_url()
    )
    next_url = _next_url(request, default_next)
    theirs = None
    if request.method == "POST":
        # The form works on a copy: validation writes into its instance, the page keeps the saved one.
        form = FocusAreaEditForm(request.POST, instance=copy(focus_area))
        if form.is_valid():
            try:
                svc.focus_area_update(
                    focus_area=focus_area,
                    actor=request.user,
                    expected_version=form.cleaned_data["version"],
                    **form.content(),
                )
            except Conflict as conflict:
                theirs = conflict.current
                data = request.POST.copy()
                data["version"] = str(theirs.version)
                form = FocusAreaEditForm(data, instance=copy(theirs))
                form.is_valid()
                form.add_error(None, str(conflict))
            except PlannerError as error:
                show_error(request, error, form=form)
            else:
                messages.success(request, f"Saved “{form.cleaned_data['title']}”.")
                return redirect(next_url)
    else:
        form = FocusAreaEditForm(instance=focus_area, initial={"version": focus_area.version})
    status = 409 if theirs else (400 if request.method == "POST" else 200)
    return render(
        request,
        "partnerships/review/focus_area_form.html",
        {"focus_area": focus_area, "form": form, "theirs": theirs, "next_url": next_url},
        status=status,
    )


@login_required
@require_POST
def focus_area_delete(request, pk):
    focus_area = get_object_or_404(editable_focus_areas(request.user).select_related("partnership"), pk=pk)
    next_url = _next_url(request, focus_area.partnership.get_absolute_url())
    try:
        svc.focus_area_delete(focus_area=focus_area, actor=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"Deleted the draft “{focus_area.title}”.")
    return redirect(next_url)


# The choice -----------------------------------------------------------------------------


@login_required
@require_POST
@once_per_submission
def choice_propose(request, pk):
    focus_area = get_object_or_404(
        FocusArea.objects.shared()
        .filter(partnership__in=deciding_partnerships(request.user))
        .select_related("partnership"),
        pk=pk,
    )
    form = ChoiceForm(request.POST, prefix=f"choice{focus_area.pk}")
    if form.is_valid():
        try:
            svc.choice_propose(focus_area=focus_area, actor=request.user, rationale=form.cleaned_data["rationale"])
        except PlannerError as error:
            show_error(request, error, form=form, field="rationale")
        else:
            messages.success(request, f"You proposed “{focus_area.title}”. It is chosen when the other side confirms.")
            return redirect(reverse("partnerships:review", args=[focus_area.partnership_id]) + "#choice")
    context = _review_context(request, focus_area.partnership, bound={("choice", focus_area.pk): form})
    return render(request, "partnerships/review/review.html", context, status=400)


def _choice_action(request, pk, action, done):
    choice = get_object_or_404(decidable_choices(request.user).select_related("focus_area"), pk=pk)
    try:
        action(choice=choice, actor=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, done.format(title=choice.focus_area.title))
    return redirect(reverse("partnerships:review", args=[choice.partnership_id]) + "#choice")


@login_required
@require_POST
def choice_confirm(request, pk):
    return _choice_action(request, pk, svc.choice_confirm, "Confirmed: “{title}” is the focus area you chose together.")


@login_required
@require_POST
def choice_withdraw(request, pk):
    return _choice_action(request, pk, svc.choice_withdraw, "You withdrew the proposal of “{title}”.")


# The second meeting ---------------------------------------------------------------------


def _meeting_context(request, partnership, *, form=None, item_form=None):
    meeting = ReviewMeeting.objects.filter(partnership=partnership).first()
    can_edit = meeting_partnerships(request.user).filter(pk=partnership.pk).exists()
    return {
        "partnership": partnership,
        "meeting": meeting,
        "can_edit": can_edit,
        "form": form or ReviewMeetingForm(meeting=meeting),
        "item_form": item_form or AgendaItemForm(),
        "agenda": list(partnership.agenda_items.all()),
        "has_shared": partnership.focus_areas.shared().exists(),
        "next_steps": list(partnership.meeting_next_steps.select_related("owner__user")),
        "decision": FocusAreaChoice.objects.filter(partnership=partnership, confirmed_at__isnull=False)
        .select_related("focus_area", "proposed_by", "confirmed_by")
        .first(),
    }


def _record_forms(partnership, meeting, data=None):
    agenda = list(partnership.agenda_items.all())
    members = list(partnership.memberships.select_related("user").order_by("role", "joined_at"))
    initial = [{"text": s.text, "owner": s.owner_id, "due_on": s.due_on} for s in partnership.meeting_next_steps.all()]
    form = MeetingRecordForm(data, meeting=meeting, agenda=agenda)
    # The saved steps prefill the rows; a posted row is read as typed (an unchanged saved row
    # must not count as "empty" and disappear).
    steps = MeetingNextStepFormSet(
        data, initial=None if data is not None else initial, prefix="steps", form_kwargs={"members": members}
    )
    return form, steps


@login_required
@once_per_submission
def second_meeting_record_view(request, pk):
    """Either party records what happened: notes per agenda item, clarifications, next steps."""
    partnership = get_object_or_404(meeting_partnerships(request.user), pk=pk)
    meeting = ReviewMeeting.objects.filter(partnership=partnership).first()
    form, steps = _record_forms(partnership, meeting, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and steps.is_valid():
            try:
                svc.second_meeting_record(
                    partnership=partnership,
                    by=request.user,
                    clarifications=form.cleaned_data["clarifications"],
                    agenda_notes=form.agenda_notes(),
                    next_steps=[f.cleaned_data for f in steps if f.cleaned_data],
                    send_summary=form.cleaned_data["send_summary"],
                )
            except PlannerError as error:
                show_error(request, error)
            else:
                sent = (
                    " and the summary is on its way to the other members" if form.cleaned_data["send_summary"] else ""
                )
                messages.success(request, f"The meeting is recorded{sent}.")
                return redirect(reverse("partnerships:second_meeting", args=[partnership.pk]) + "#record")
        status = 400
    decision = FocusAreaChoice.objects.filter(partnership=partnership, confirmed_at__isnull=False).first()
    context = {"partnership": partnership, "meeting": meeting, "form": form, "steps": steps, "decision": decision}
    return render(request, "partnerships/review/meeting_record.html", context, status=status)


@login_required
def second_meeting(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    return render(request, "partnerships/review/meeting.html", _meeting_context(request, partnership))


@login_required
@require_POST
@once_per_submission
def second_meeting_schedule(request, pk):
    partnership = get_object_or_404(meeting_partnerships(request.user), pk=pk)
    form = ReviewMeetingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        svc.review_meeting_save(
            partnership=partnership,
            actor=request.user,
            starts_at=form.starts_at(),
            time_zone=data["time_zone"],
            duration_minutes=data["duration_minutes"],
            location=data["location"],
            video_link=data["video_link"],
        )
        messages.success(request, "The second meeting is scheduled. Download the calendar invite below.")
        return redirect("partnerships:second_meeting", partnership.pk)
    context = _meeting_context(request, partnership, form=form)
    return render(request, "partnerships/review/meeting.html", context, status=400)


@login_required
def second_meeting_ics(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    meeting = get_object_or_404(ReviewMeeting.objects.filter(partnership=partnership))
    return ics_response(lambda: review_meeting_ics(meeting, request), filename="second-meeting.ics")


@login_required
@require_POST
@once_per_submission
def agenda_generate(request, pk):
    partnership = get_object_or_404(meeting_partnerships(request.user), pk=pk)
    try:
        svc.agenda_generate(partnership=partnership, actor=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, "The agenda is built from the shared focus areas and open questions. Edit it freely.")
    return redirect(reverse("partnerships:second_meeting", args=[partnership.pk]) + "#agenda")


@login_required
@require_POST
@once_per_submission
def agenda_item_add(request, pk):
    partnership = get_object_or_404(meeting_partnerships(request.user), pk=pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        svc.agenda_item_add(partnership=partnership, actor=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Added to the agenda.")
        return redirect(reverse("partnerships:second_meeting", args=[partnership.pk]) + "#agenda")
    context = _meeting_context(request, partnership, item_form=form)
    return render(request, "partnerships/review/meeting.html", context, status=400)


@login_required
def agenda_item_edit(request, pk):
    item = get_object_or_404(editable_agenda_items(request.user).select_related("partnership"), pk=pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        svc.agenda_item_update(item=item, actor=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Agenda item saved.")
        return redirect(reverse("partnerships:second_meeting", args=[item.partnership_id]) + "#agenda")
    return render(
        request,
        "partnerships/review/agenda_item_form.html",
        {"item": item, "form": form, "partnership": item.partnership},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def agenda_item_delete(request, pk):
    item = get_object_or_404(editable_agenda_items(request.user), pk=pk)
    svc.agenda_item_delete(item=item, actor=request.user)
    messages.success(request, f"Removed “{item.text[:60]}” from the agenda.")
    return redirect(reverse("partnerships:second_meeting", args=[item.partnership_id]) + "#agenda")


@login_required
@require_POST
def agenda_item_move(request, pk, direction):
    if direction not in ("up", "down"):
        raise Http404("No such direction")
    item = get_object_or_404(editable_agenda_items(request.user), pk=pk)
    svc.agenda_item_move(item=item, actor=request.user, direction=-1 if direction == "up" else 1)
    return redirect(reverse("partnerships:second_meeting", args=[item.partnership_id]) + f"#agenda-{item.pk}")
