"""Autosave services for the long text of stages 2 and 4 (see coursework/autosave/services.py).

Rating evidence, the teacher's notes per interview question and the meeting's general
notes save field by field while the teacher types, with a version check so a save from a
stale tab never overwrites newer text. The meeting objects belong to the partnership app;
the course app may write them (the dependency runs coursework → partnerships).
"""

from django.db import transaction
from django.utils import timezone

from coursework.autosave.services import Saved
from coursework.models import Rating
from coursework.selfassessment.services import self_assessment_ensure
from coursework.stages.services import stage_touch
from partnerships.common.errors import Conflict, advance_version
from partnerships.models import InterviewQuestion, Meeting


@transaction.atomic
def rating_evidence_autosave(*, enrollment, practice, value, base_version):
    assessment = self_assessment_ensure(enrollment=enrollment)
    rating = Rating.objects.select_for_update().filter(self_assessment=assessment, practice=practice).first()
    if rating is None:
        if value == "":
            return Saved(version=0, saved_at=None)
        if int(base_version or 0) != 0:
            # The rating this page was showing no longer exists; never write blindly.
            raise Conflict(current_value="", current_version=0, expected_version=base_version)
        rating = Rating.objects.create(self_assessment=assessment, practice=practice, evidence=value, version=1)
    elif rating.evidence != value:
        advance_version(rating, base_version, current_value=rating.evidence, changed_at=rating.updated_at)
        rating.evidence = value
        rating.save(update_fields=["evidence", "version", "updated_at"])
    stage_touch(enrollment=enrollment, stage="self-reflection")
    return Saved(version=rating.version, saved_at=rating.updated_at)


@transaction.atomic
def question_notes_autosave(*, enrollment, question, value, base_version):
    question = InterviewQuestion.objects.select_for_update().get(pk=question.pk)
    if question.notes != value:
        advance_version(question, base_version, current_value=question.notes)
        question.notes = value
        question.save(update_fields=["notes", "version"])
    stage_touch(enrollment=enrollment, stage="first-meeting")
    return Saved(version=question.version, saved_at=timezone.now())


@transaction.atomic
def meeting_notes_autosave(*, enrollment, meeting, value, base_version):
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.notes != value:
        advance_version(
            meeting, base_version, attr="notes_version", current_value=meeting.notes, changed_at=meeting.updated_at
        )
        meeting.notes = value
        meeting.save(update_fields=["notes", "notes_version", "updated_at"])
    stage_touch(enrollment=enrollment, stage="first-meeting")
    return Saved(version=meeting.notes_version, saved_at=meeting.updated_at)
