"""The teacher's endpoints for stage 4. Every write goes through partnerships' meeting services."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from partnerships import services as partnership_services
from partnerships import services_meetings as meetings
from partnerships.access import editable_meetings, led_partnerships
from partnerships.forms import InvitationForm
from partnerships.forms_meetings import MeetingForm, MeetingNotesForm, NewQuestionForm, OpportunityForm, QuestionForm
from partnerships.models import InterviewQuestion, Meeting, Opportunity

from coursework.progress_services import stage_touch
from coursework.views.stage_forms import invalid, own_enrollment, saved

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
        except partnership_services.InvitationError as error:
            form.add_error("email", str(error))
        else:
            return _done(request, enrollment, "who-heading", f"Invitation sent to {invitation.email}.")
    return invalid(request, enrollment, STAGE, invite=form)


@login_required
@require_POST
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
    except meetings.MeetingError as error:
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
