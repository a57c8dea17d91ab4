"""Stage 8 shows the teacher's earlier work beside the questions that look back at it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coursework.models import ChosenPractice, Prompt
from coursework.reflections.services import reflection_save
from coursework.selfassessment.frameworks import default_framework
from coursework.selfassessment.services import self_assessment_ensure
from partnerships.models import FocusAreaChoice
from tests.partnerships.factories import ActionPlanFactory, OutcomeFactory, SelectedFocusAreaFactory, TouchPointFactory

pytestmark = pytest.mark.django_db


def page(client_for, enrollment, user=None):
    url = reverse("coursework:stage", args=[enrollment.pk, "final-reflection"])
    response = client_for(user or enrollment.teacher).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_default_final_questions_say_what_they_look_back_at(enrollment):
    looks = list(Prompt.objects.for_stage(enrollment.cohort, "final-reflection").values_list("looks_back", flat=True))
    assert looks[0] == Prompt.LookBack.MINDSETS
    assert {Prompt.LookBack.PARTNERSHIP, Prompt.LookBack.PLAN, Prompt.LookBack.SELF_REFLECTION} <= set(looks)


def test_each_look_back_shows_the_teachers_own_earlier_work(client_for, enrollment, administrator):
    first_mindset = Prompt.objects.for_stage(enrollment.cohort, "mindsets").first()
    reflection_save(enrollment=enrollment, prompt=first_mindset, base_version=0, text="I saw her as a gatekeeper.")
    assessment = self_assessment_ensure(enrollment=enrollment)
    practice = default_framework().domains.first().practices.first()
    ChosenPractice.objects.create(self_assessment=assessment, practice=practice, kind=ChosenPractice.Kind.STRENGTH)
    partnership = enrollment.partnership
    area = SelectedFocusAreaFactory(partnership=partnership, title="Reading for pleasure")
    FocusAreaChoice.objects.create(
        partnership=partnership,
        focus_area=area,
        proposed_by=enrollment.teacher,
        rationale="Matches the literacy goal.",
        confirmed_by=administrator,
        confirmed_at=timezone.now(),
    )
    plan = ActionPlanFactory(focus_area=area, goal="Half of grade 7 reads weekly.")
    OutcomeFactory(plan=plan, measure="Weekly readers", baseline=22, target=50)
    TouchPointFactory(partnership=partnership, title="January review")

    html = page(client_for, enrollment)

    assert html.count('<details class="look-back') == 5
    assert "I saw her as a gatekeeper." in html
    assert practice.statement in html
    assert "Reading for pleasure" in html and "Half of grade 7 reads weekly." in html and "Weekly readers" in html
    assert "Chose “Reading for pleasure” together" in html
    assert "Touch point: January review" in html and "(coming up)" in html


def test_the_instructor_reads_the_same_look_back(client_for, enrollment, instructor):
    first_mindset = Prompt.objects.for_stage(enrollment.cohort, "mindsets").first()
    reflection_save(enrollment=enrollment, prompt=first_mindset, base_version=0, text="An early mindset.")
    url = reverse("coursework:stage_review", args=[enrollment.pk, "final-reflection"])
    html = client_for(instructor).get(url).content.decode()
    assert "An early mindset." in html and "The partnership so far" in html
