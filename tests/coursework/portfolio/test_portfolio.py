"""The course portfolio PDF: every stage's work, for the teacher and their instructor only."""

import pytest
from django.urls import reverse

from coursework.courses.models import StageProgress
from tests.coursework.factories import (
    FeedbackFactory,
    PromptFactory,
    RatingFactory,
    ReflectionFactory,
    ResearchSourceFactory,
    SelfAssessmentFactory,
    StrategicGoalFactory,
)
from tests.partnerships.export.test_pdf import pdf_text
from tests.partnerships.factories import (
    ActionPlanFactory,
    FocusAreaEvidenceFactory,
    InterviewQuestionFactory,
    MeetingFactory,
    OutcomeFactory,
    SelectedFocusAreaFactory,
    StepFactory,
    UserFactory,
)


def _url(enrollment):
    return reverse("coursework:portfolio_pdf", args=[enrollment.pk])


@pytest.fixture
def full_portfolio(enrollment):
    prompt = PromptFactory(cohort=enrollment.cohort, stage="mindsets", text="Which habit of mind will you bring?")
    ReflectionFactory(enrollment=enrollment, prompt=prompt, text="Listening with curiosity before proposing.")
    final = PromptFactory(cohort=enrollment.cohort, stage="final-reflection", text="What did you learn?")
    ReflectionFactory(enrollment=enrollment, prompt=final, text="Partnerships grow from the principal's goals.")
    assessment = SelfAssessmentFactory(enrollment=enrollment)
    practice = assessment.framework.domains.first().practices.first()
    RatingFactory(self_assessment=assessment, practice=practice, evidence="I co-taught a research unit.")
    source = ResearchSourceFactory(enrollment=enrollment, title="Riverside strategic plan")
    StrategicGoalFactory(enrollment=enrollment, source=source, statement="Every grade 6 student reads weekly.")
    meeting = MeetingFactory(partnership=enrollment.partnership, notes="She wants data on reading.")
    InterviewQuestionFactory(meeting=meeting, text="What keeps you up at night?", notes="Chronic absence.")
    area = SelectedFocusAreaFactory(partnership=enrollment.partnership, title="Reading for pleasure")
    FocusAreaEvidenceFactory(focus_area=area, text="The district plan names reading.")
    plan = ActionPlanFactory(focus_area=area, goal="Half of grade 7 reads weekly.")
    OutcomeFactory(plan=plan, measure="Weekly readers", baseline=22, target=50)
    StepFactory(plan=plan, title="Launch the reading club")
    StageProgress.objects.filter(enrollment=enrollment, stage="mindsets").update(status=StageProgress.Status.SUBMITTED)
    FeedbackFactory(enrollment=enrollment, stage="mindsets", text="Strong, specific insight.")
    return enrollment


def test_the_portfolio_pdf_carries_every_stages_work(client_for, teacher, full_portfolio):
    text = pdf_text(client_for(teacher).get(_url(full_portfolio)))

    for expected in [
        "Course portfolio",
        "Which habit of mind will you bring?",
        "Listening with curiosity before proposing.",
        "I co-taught a research unit.",
        "Riverside strategic plan",
        "Every grade 6 student reads weekly.",
        "What keeps you up at night?",
        "Chronic absence.",
        "She wants data on reading.",
        "Reading for pleasure",
        "Half of grade 7 reads weekly.",
        "Weekly readers",
        "Launch the reading club",
        "Partnerships grow from the principal's goals.",
        "Strong, specific insight.",
        "Submitted",
    ]:
        assert expected in text, expected


def test_the_instructor_reads_the_portfolio(client_for, instructor, full_portfolio):
    text = pdf_text(client_for(instructor).get(_url(full_portfolio)))
    assert "Listening with curiosity before proposing." in text


def test_a_new_teachers_portfolio_says_what_is_not_done_yet(client_for, teacher, enrollment):
    text = pdf_text(client_for(teacher).get(_url(enrollment)))
    assert "Not started" in text
    assert "No sources yet." in text


def test_the_portfolio_is_out_of_reach_for_the_administrator_and_strangers(client_for, administrator, full_portfolio):
    # It carries private stage work, which the administrator never sees.
    assert client_for(administrator).get(_url(full_portfolio)).status_code == 404
    assert client_for(UserFactory()).get(_url(full_portfolio)).status_code == 404
    assert client_for(None).get(_url(full_portfolio)).status_code == 302


def test_the_home_and_the_dashboard_link_to_the_portfolio(client_for, teacher, instructor, enrollment):
    assert _url(enrollment) in client_for(teacher).get(reverse("home")).content.decode()
    dashboard = reverse("coursework:cohort_dashboard", args=[enrollment.cohort.pk])
    assert _url(enrollment) in client_for(instructor).get(dashboard).content.decode()
