"""Stage 4 plugs in here: the first interview, prepared and recorded from the stage page.

The meeting itself belongs to the partnership (partnerships.models.Meeting), so the
administrator sees it on the partnership's meeting page once they have joined.

The teacher's endpoints for stage 4. Every write goes through partnerships' meeting services.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST

from coursework.stages import evidence
from coursework.stages.checks import submit_requirement
from coursework.stages.services import stage_touch
from coursework.stages.views import bound_form, invalid, own_enrollment, saved
from coursework.stages.work import stage_work
from partnerships.access import editable_meetings, led_partnerships
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.submissions import once_per_submission
from partnerships.meetings import services as meetings
from partnerships.meetings.forms import MeetingForm, MeetingNotesForm, NewQuestionForm, OpportunityForm, QuestionForm
from partnerships.meetings.services import first_interview_for
from partnerships.members import services as partnership_services
from partnerships.members.forms import InvitationForm
from partnerships.models import InterviewQuestion, Meeting, Membership, Opportunity

STAGE = "first-meeting"


@stage_work(STAGE)
def first_meeting_work(request, enrollment, *, read_only):
    partnership = enrollment.partnership
    context = {"template": "coursework/stages/first-meeting.html", "read_only": read_only, "partnership": partnership}
    if partnership is None:
        return context
    meeting = first_interview_for(partnership)
    bound_question = bound_form(request, "question")
    bound_opportunity = bound_form(request, "opportunity")
    questions, opportunities = [], []
    if meeting is not None:
        for question in meeting.questions.all():
            if bound_question is not None and bound_question.instance.pk == question.pk:
                form = bound_question
            else:
                form = QuestionForm(instance=question, prefix=f"q{question.pk}")
            form.autosave = {
                "url": reverse("coursework:first_meeting_question_autosave", args=[enrollment.pk, question.pk]),
                "version": question.version,
                "key": f"question-notes:{question.pk}",
                "status_id": f"question-{question.pk}",
                "field": "notes",
                "saved_at": None,
            }
            questions.append((question, form))
        for opportunity in meeting.opportunities.all():
            if bound_opportunity is not None and bound_opportunity.instance.pk == opportunity.pk:
                form = bound_opportunity
            else:
                form = OpportunityForm(instance=opportunity, prefix=f"o{opportunity.pk}")
            opportunities.append((opportunity, form))
    notes_form = bound_form(request, "notes") or (MeetingNotesForm(instance=meeting) if meeting else None)
    if notes_form is not None:
        notes_form.autosave = {
            "url": reverse("coursework:first_meeting_notes_autosave", args=[enrollment.pk]),
            "version": meeting.notes_version,
            "key": f"meeting-notes:{meeting.pk}",
            "status_id": f"meeting-notes-{meeting.pk}",
            "field": "notes",
            "saved_at": meeting.updated_at if meeting.notes else None,
        }
    members = list(partnership.memberships.exclude(role=Membership.Role.LEAD_TEACHER).select_related("user"))
    pending = list(partnership.invitations.pending().order_by("-created_at"))
    context.update(
        {
            "meeting": meeting,
            "meeting_form": bound_form(request, "meeting")
            or MeetingForm(instance=meeting or Meeting(partnership=partnership, kind=Meeting.Kind.FIRST_INTERVIEW)),
            "notes_form": notes_form,
            "questions": questions,
            "opportunities": opportunities,
            "new_question_form": bound_form(request, "new_question") or NewQuestionForm(prefix="new-question"),
            "new_opportunity_form": bound_form(request, "new_opportunity") or OpportunityForm(prefix="new-opportunity"),
            "members": members,
            "administrators": [m for m in members if m.role == Membership.Role.ADMINISTRATOR],
            "pending_invitations": pending,
            "invite_form": bound_form(request, "invite")
            or InvitationForm(partnership=partnership, initial={"role": Membership.Role.ADMINISTRATOR}),
        }
    )
    return context


@submit_requirement(STAGE)
def first_meeting_ready(enrollment):
    meeting = first_interview_for(enrollment.partnership)
    if meeting is None or meeting.starts_at is None:
        return "Before marking this stage ready, schedule the meeting and record what came out of it."
    if not meeting.opportunities.exists():
        return "Before marking this stage ready, add at least one area of opportunity or need from the meeting."
    return None


@evidence.register_evidence
def first_meeting_evidence(enrollment):
    meeting = first_interview_for(enrollment.partnership)
    if meeting is None:
        return []
    source = "First meeting"
    if meeting.attendee_name:
        source += f" with {meeting.attendee_name}"
    if meeting.starts_at:
        source += f", {meeting.local_starts_at:%B} {meeting.local_starts_at.day}"
    items = [
        evidence.EvidenceItem(kind=evidence.INTERVIEW, ref=f"opportunity:{o.pk}", source=source, text=o.text)
        for o in Opportunity.objects.filter(meeting=meeting)
    ]
    items += [
        evidence.EvidenceItem(
            kind=evidence.INTERVIEW, ref=f"question:{q.pk}", source=source, text=f"{q.text} — {q.notes}"
        )
        for q in InterviewQuestion.objects.filter(meeting=meeting).exclude(notes="")
    ]
    if meeting.notes:
        items.append(
            evidence.EvidenceItem(
                kind=evidence.INTERVIEW, ref=f"meeting:{meeting.pk}", source=source, text=meeting.notes
            )
        )
    return items


STAGE = "first-meeting"


def _enrollment_and_partnership(request, enrollment_pk):
    enrollment = own_enrollment(request, enrollment_pk)
    if enrollment.partnership_id is None:
        raise Http404("No partnership yet")
    partnership = get_object_or_404(led_partnerships(request.user), pk=enrollment.partnership_id)
    return enrollment, partnership


def _meeting(request, partnership):
    meeting = meetings.first_interview_for(partnership)
    if meeting is None or not editable_meetings(request.user).filter(pk=meeting.pk).exists():
        raise Http404("No meeting yet")
    return meeting


def _done(request, enrollment, anchor, message):
    stage_touch(enrollment=enrollment, stage=STAGE)
    return saved(request, enrollment, STAGE, anchor=anchor, message=message)


@login_required
@require_POST
@once_per_submission
def meeting_save_view(request, enrollment_pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    existing = meetings.first_interview_for(partnership)
    form = MeetingForm(
        request.POST, instance=existing or Meeting(partnership=partnership, kind=Meeting.Kind.FIRST_INTERVIEW)
    )
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, meeting=form)
    meetings.meeting_save(
        partnership=partnership,
        kind=Meeting.Kind.FIRST_INTERVIEW,
        actor=request.user,
        meeting=existing,
        **form.meeting_fields(),
    )
    message = "Meeting details saved." if existing else "Meeting saved, with a starter list of questions to edit."
    return _done(request, enrollment, "meeting-heading", message)


@login_required
@require_POST
def meeting_notes_view(request, enrollment_pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    meeting = _meeting(request, partnership)
    form = MeetingNotesForm(request.POST, instance=meeting)
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, notes=form)
    meetings.meeting_notes_save(meeting=meeting, notes=form.cleaned_data["notes"])
    return _done(request, enrollment, "notes-heading", "Notes saved.")


@login_required
@require_POST
@once_per_submission
def invite_view(request, enrollment_pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    form = InvitationForm(request.POST, partnership=partnership)
    if form.is_valid():
        try:
            invitation = partnership_services.invitation_create(
                partnership=partnership,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except PlannerError as error:
            show_error(request, error, form=form, field="email")
        else:
            return _done(request, enrollment, "who-heading", f"Invitation sent to {invitation.email}.")
    return invalid(request, enrollment, STAGE, invite=form)


@login_required
@require_POST
@once_per_submission
def question_add_view(request, enrollment_pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    meeting = _meeting(request, partnership)
    form = NewQuestionForm(request.POST, prefix="new-question")
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, new_question=form)
    question = meetings.question_add(meeting=meeting, text=form.cleaned_data["text"])
    return _done(request, enrollment, f"question-{question.pk}", "Question added.")


def _question(request, partnership, pk):
    return get_object_or_404(
        InterviewQuestion.objects.filter(meeting__in=editable_meetings(request.user), meeting__partnership=partnership),
        pk=pk,
    )


@login_required
@require_POST
def question_save_view(request, enrollment_pk, pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    question = _question(request, partnership, pk)
    form = QuestionForm(request.POST, instance=question, prefix=f"q{question.pk}")
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, question=form)
    meetings.question_update(question=question, **form.cleaned_data)
    return _done(request, enrollment, f"question-{question.pk}", "Question saved.")


@login_required
@require_POST
def question_move_view(request, enrollment_pk, pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    question = _question(request, partnership, pk)
    direction = request.POST.get("direction", "")
    try:
        meetings.question_move(question=question, direction=direction)
    except PlannerError as error:
        raise Http404(str(error)) from error
    return _done(request, enrollment, f"question-{question.pk}", f"Question moved {direction}.")


@login_required
@require_POST
def question_remove_view(request, enrollment_pk, pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    question = _question(request, partnership, pk)
    meetings.question_remove(question=question)
    return _done(request, enrollment, "questions-heading", f"Removed the question “{question.text}”.")


@login_required
@require_POST
@once_per_submission
def opportunity_add_view(request, enrollment_pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    meeting = _meeting(request, partnership)
    form = OpportunityForm(request.POST, prefix="new-opportunity")
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, new_opportunity=form)
    opportunity = meetings.opportunity_add(meeting=meeting, text=form.cleaned_data["text"])
    return _done(request, enrollment, f"opportunity-{opportunity.pk}", "Added to the shortlist.")


def _opportunity(request, partnership, pk):
    return get_object_or_404(
        Opportunity.objects.filter(meeting__in=editable_meetings(request.user), meeting__partnership=partnership),
        pk=pk,
    )


@login_required
@require_POST
def opportunity_save_view(request, enrollment_pk, pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    opportunity = _opportunity(request, partnership, pk)
    form = OpportunityForm(request.POST, instance=opportunity, prefix=f"o{opportunity.pk}")
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, opportunity=form)
    meetings.opportunity_update(opportunity=opportunity, text=form.cleaned_data["text"])
    return _done(request, enrollment, f"opportunity-{opportunity.pk}", "Shortlist item saved.")


@login_required
@require_POST
def opportunity_remove_view(request, enrollment_pk, pk):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    opportunity = _opportunity(request, partnership, pk)
    meetings.opportunity_remove(opportunity=opportunity)
    return _done(request, enrollment, "shortlist-heading", "Removed from the shortlist.")
