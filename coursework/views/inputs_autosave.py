"""Autosave endpoints for stage 2 and 4 long text; objects come through access.py functions."""

from django.shortcuts import get_object_or_404

from partnerships.access import editable_meetings
from partnerships.models import InterviewQuestion

from coursework import inputs_autosave as services
from coursework.models import Practice
from coursework.views.autosave import autosave_endpoint, long_text_field
from coursework.views.first_meeting import _enrollment_and_partnership, _meeting
from coursework.views.selfassessment import _framework
from coursework.views.stage_forms import own_enrollment


@autosave_endpoint(fields={"evidence": long_text_field(5000)})
def rating_evidence_autosave(request, enrollment_pk, practice_pk, *, field, value, base_version):
    enrollment = own_enrollment(request, enrollment_pk)
    practice = get_object_or_404(Practice.objects.filter(domain__framework=_framework(enrollment)), pk=practice_pk)
    return services.rating_evidence_autosave(
        enrollment=enrollment, practice=practice, value=value, base_version=base_version
    )


@autosave_endpoint(fields={"notes": long_text_field()})
def question_notes_autosave(request, enrollment_pk, pk, *, field, value, base_version):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    question = get_object_or_404(
        InterviewQuestion.objects.filter(meeting__in=editable_meetings(request.user), meeting__partnership=partnership),
        pk=pk,
    )
    return services.question_notes_autosave(
        enrollment=enrollment, question=question, value=value, base_version=base_version
    )


@autosave_endpoint(fields={"notes": long_text_field()})
def meeting_notes_autosave(request, enrollment_pk, *, field, value, base_version):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    meeting = _meeting(request, partnership)
    return services.meeting_notes_autosave(
        enrollment=enrollment, meeting=meeting, value=value, base_version=base_version
    )
