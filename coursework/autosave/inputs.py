"""Autosave services for the long text of stages 2 and 4 (see coursework/autosave.py).

Rating evidence, the teacher's notes per interview question and the meeting's general
notes save field by field while the teacher types, with a version check so a save from a
stale tab never overwrites newer text. The meeting objects belong to the partnership app;
the course app may write them (the dependency runs coursework → partnerships).
"""

from django.db import transaction
from django.utils import timezone

from coursework.autosave.services import Saved, check_version
from coursework.models import Rating
from coursework.selfassessment.services import self_assessment_ensure
from coursework.stages.services import stage_touch
from partnerships.models import InterviewQuestion, Meeting


@transaction.atomic
def rating_evidence_autosave(*, enrollment, practice, value, base_version):
    assessment = self_assessment_ensure(enrollment=enrollment)
    rating = Rating.objects.select_for_update().filter(self_assessment=assessment, practice=practice).first()
    if rating is None:
        check_version(current_version=0, base_version=base_version, unchanged=value == "", current_value="")
        if value == "":
            return Saved(version=0, saved_at=None)
        rating = Rating.objects.create(self_assessment=assessment, practice=practice, evidence=value, version=1)
    elif check_version(
        current_version=rating.version,
        base_version=base_version,
        unchanged=rating.evidence == value,
        current_value=rating.evidence,
        changed_at=rating.updated_at,
    ):
        rating.evidence = value
        rating.version += 1
        rating.save(update_fields=["evidence", "version", "updated_at"])
    stage_touch(enrollment=enrollment, stage="self-reflection")
    return Saved(version=rating.version, saved_at=rating.updated_at)


@transaction.atomic
def question_notes_autosave(*, enrollment, question, value, base_version):
    question = InterviewQuestion.objects.select_for_update().get(pk=question.pk)
    if check_version(
        current_version=question.version,
        base_version=base_version,
        unchanged=question.notes == value,
        current_value=question.notes,
    ):
        question.notes = value
        question.version += 1
        question.save(update_fields=["notes", "version"])
    stage_touch(enrollment=enrollment, stage="first-meeting")
    return Saved(version=question.version, saved_at=timezone.now())


@transaction.atomic
def meeting_notes_autosave(*, enrollment, meeting, value, base_version):
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if check_version(
        current_version=meeting.notes_version,
        base_version=base_version,
        unchanged=meeting.notes == value,
        current_value=meeting.notes,
        changed_at=meeting.updated_at,
    ):
        meeting.notes = value
        meeting.notes_version += 1
        meeting.save(update_fields=["notes", "notes_version", "updated_at"])
    stage_touch(enrollment=enrollment, stage="first-meeting")
    return Saved(version=meeting.notes_version, saved_at=meeting.updated_at)
