"""Progress is told one way everywhere: submitted (what the teacher did) and reviewed."""

import pytest
from django.urls import reverse

from coursework.models import StageProgress
from coursework.stages.registry import STAGES
from coursework.stages.selectors import progress_summary

Status = StageProgress.Status
pytestmark = pytest.mark.django_db


def rows(*statuses):
    return [{"stage": stage, "status": status} for stage, status in zip(STAGES, statuses, strict=True)]


def test_summary_counts_submitted_and_reviewed_apart():
    summary = progress_summary(rows(*[Status.COMPLETE] * 3, *[Status.SUBMITTED] * 5))
    assert summary["submitted"] == 8 and summary["reviewed"] == 3
    assert summary["percent"] == 100
    assert summary["text"] == "8 of 8 stages submitted, 3 reviewed"
    assert summary["next"] is None and not summary["all_reviewed"]


def test_next_step_is_the_first_stage_that_needs_the_teacher():
    statuses = [Status.SUBMITTED, Status.COMPLETE, Status.NEEDS_REVISION, Status.IN_PROGRESS, *[Status.NOT_STARTED] * 4]
    summary = progress_summary(rows(*statuses))
    assert summary["next"]["stage"].slug == STAGES[2].slug
    assert summary["text"] == "2 of 8 stages submitted, 1 reviewed, 1 returned for changes"


def test_stage_page_shows_the_summary(client_for, teacher, enrollment):
    enrollment.progress.update(status=Status.SUBMITTED)
    html = client_for(teacher).get(reverse("coursework:stage", args=[enrollment.pk, "mindsets"])).content.decode()
    assert "8 of 8 stages submitted, 0 reviewed." in html


def test_instructor_review_page_shows_the_teachers_progress(client_for, instructor, enrollment):
    enrollment.progress.update(status=Status.SUBMITTED)
    enrollment.progress.filter(stage="mindsets").update(status=Status.COMPLETE)
    url = reverse("coursework:stage_review", args=[enrollment.pk, "mindsets"])
    html = client_for(instructor).get(url).content.decode()
    assert "8 of 8 stages submitted, 1 reviewed." in html
    assert "Nothing is waiting on the teacher" in html
