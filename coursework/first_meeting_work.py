"""Stage 4 plugs in here: the first interview, prepared and recorded from the stage page.

The meeting itself belongs to the partnership (partnerships.models.Meeting), so the
administrator sees it on the partnership's meeting page once they have joined.
"""

from django.urls import reverse

from partnerships.forms import InvitationForm
from partnerships.forms_meetings import (
    MeetingForm,
    MeetingNotesForm,
    NewQuestionForm,
    OpportunityForm,
    QuestionForm,
)
from partnerships.models import InterviewQuestion, Meeting, Membership, Opportunity
from partnerships.services_meetings import first_interview_for

from coursework import evidence
from coursework.stage_checks import submit_requirement
from coursework.stage_work import stage_work
from coursework.views.stage_forms import bound_form

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
