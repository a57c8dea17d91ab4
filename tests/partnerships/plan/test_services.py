from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerships.common.errors import Conflict, PlannerError
from partnerships.models import ActionPlan, FocusArea, Idea, Outcome, Stakeholder, Step
from partnerships.plan.forms import OutcomeForm, StakeholderForm, StepForm
from partnerships.plan.services import (
    action_plan_create,
    idea_promote,
    item_create,
    item_delete,
    item_restore,
    item_update,
)
from tests.partnerships.factories import (
    ActionPlanFactory,
    IdeaFactory,
    OutcomeFactory,
    SelectedFocusAreaFactory,
    StepFactory,
)


@pytest.fixture
def plan(partnership):
    return ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=partnership))


def test_plan_is_created_from_the_selected_focus_area_once(partnership, teacher):
    area = SelectedFocusAreaFactory(partnership=partnership, status=FocusArea.Status.SELECTED)
    plan = action_plan_create(focus_area=area, by=teacher)
    assert plan.partnership == partnership and plan.focus_area == area and plan.version == 1
    assert action_plan_create(focus_area=area, by=teacher) == plan
    assert ActionPlan.objects.count() == 1
    assert plan.history.first().history_user == teacher


def test_plan_cannot_start_from_an_unselected_focus_area(partnership, teacher):
    area = SelectedFocusAreaFactory(partnership=partnership, status=FocusArea.Status.SHARED)
    with pytest.raises(PlannerError):
        action_plan_create(focus_area=area, by=teacher)
    assert not ActionPlan.objects.exists()


def test_update_bumps_the_version_and_keeps_history_with_the_author(plan, teacher, administrator):
    outcome = item_create(model=Outcome, by=teacher, plan=plan, measure="Weekly readers (%)", target=50)
    saved = item_update(item=outcome, by=administrator, expected_version=1, baseline=23)
    assert saved.version == 2 and saved.baseline == 23 and saved.target == 50
    users = [h.history_user for h in saved.history.all()]
    assert users == [administrator, teacher]


def test_a_stale_save_is_refused_and_nothing_is_overwritten(plan, teacher, administrator):
    step = item_create(model=Step, by=teacher, plan=plan, title="Survey students")
    item_update(item=step, by=administrator, expected_version=1, title="Survey students in advisory")
    with pytest.raises(Conflict) as refused:
        item_update(item=step, by=teacher, expected_version=1, title="Survey every student")
    assert refused.value.current.title == "Survey students in advisory"
    assert refused.value.current.version == 2
    step.refresh_from_db()
    assert step.title == "Survey students in advisory" and step.version == 2
    merged = item_update(item=step, by=teacher, expected_version=2, title="Survey every student in advisory")
    assert merged.version == 3


def test_plan_itself_is_versioned(plan, teacher, administrator):
    item_update(item=plan, by=teacher, expected_version=1, goal="Half of students read weekly")
    with pytest.raises(Conflict):
        item_update(item=plan, by=administrator, expected_version=1, goal="Something else")
    plan.refresh_from_db()
    assert plan.goal == "Half of students read weekly"


def test_a_target_without_a_measure_is_refused_with_a_message_on_the_measure(plan, teacher):
    with pytest.raises(ValidationError) as error:
        item_create(model=Outcome, by=teacher, plan=plan, measure="", target=50)
    assert "A target needs a measure" in error.value.message_dict["measure"][0]
    form = OutcomeForm(data={"measure": "  ", "target": "50", "baseline": "10", "data_source": "Survey"})
    assert not form.is_valid()
    assert "A target needs a measure" in form.errors["measure"][0]
    assert form["data_source"].value() == "Survey"


def test_step_owner_is_a_member_or_an_outside_person_not_both(partnership, teacher):
    membership = partnership.memberships.get(user=teacher)
    form = StepForm(
        data={"title": "Book fair", "owner_member": membership.pk, "owner_name": "Ms Lee", "status": "not_started"},
        partnership=partnership,
    )
    assert not form.is_valid() and "not both" in form.errors["owner_name"][0]
    ok = StepForm(data={"title": "Book fair", "owner_name": "Ms Lee", "status": "blocked"}, partnership=partnership)
    assert ok.is_valid(), ok.errors


def test_step_owner_choices_are_only_this_partnerships_members(partnership, other_partnership):
    other = other_partnership.memberships.first()
    form = StepForm(data={"title": "x", "owner_member": other.pk, "status": "done"}, partnership=partnership)
    assert not form.is_valid() and "owner_member" in form.errors


def test_stakeholder_group_must_belong_to_its_level():
    form = StakeholderForm(data={"level": "district", "group": "students", "name": "Grade 6"})
    assert not form.is_valid()
    assert "district level" in form.errors["group"][0]
    ok = StakeholderForm(data={"level": "district", "group": "parents", "name": "District PTA"})
    assert ok.is_valid(), ok.errors


def test_soft_delete_and_restore_within_30_days(plan, teacher):
    step = StepFactory(plan=plan)
    deleted = item_delete(item=step, by=teacher)
    assert deleted.deleted_at and deleted.deleted_by == teacher
    assert not Step.objects.alive().filter(pk=step.pk).exists()
    assert Step.objects.recently_deleted().filter(pk=step.pk).exists()
    restored = item_restore(item=step, by=teacher)
    assert restored.deleted_at is None and Step.objects.alive().filter(pk=step.pk).exists()
    assert restored.version == 3


def test_restore_is_refused_after_30_days(plan, teacher):
    outcome = OutcomeFactory(plan=plan)
    item_delete(item=outcome, by=teacher)
    long_ago = timezone.now() - timedelta(days=31)
    Outcome.objects.filter(pk=outcome.pk).update(deleted_at=long_ago)
    assert not Outcome.objects.recently_deleted().filter(pk=outcome.pk).exists()
    with pytest.raises(PlannerError):
        item_restore(item=outcome, by=teacher)
    # Just inside the window it still works.
    Outcome.objects.filter(pk=outcome.pk).update(deleted_at=timezone.now() - timedelta(days=29, hours=23))
    assert item_restore(item=outcome, by=teacher).deleted_at is None


def test_a_deleted_item_cannot_be_edited(plan, teacher):
    step = StepFactory(plan=plan)
    item_delete(item=step, by=teacher)
    with pytest.raises(PlannerError):
        item_update(item=step, by=teacher, expected_version=2, title="new")


@pytest.mark.parametrize("to,model,field", [("step", Step, "title"), ("outcome", Outcome, "measure")])
def test_an_idea_is_promoted_into_the_plan(plan, teacher, to, model, field):
    idea = IdeaFactory(plan=plan, text="Lunchtime book club", author=teacher)
    created = idea_promote(idea=idea, by=teacher, to=to)
    assert isinstance(created, model) and getattr(created, field) == "Lunchtime book club"
    idea.refresh_from_db()
    assert idea.promoted_to == to and idea.version == 2


def test_an_idea_cannot_be_promoted_into_anything_else(plan, teacher):
    idea = IdeaFactory(plan=plan)
    with pytest.raises(PlannerError):
        idea_promote(idea=idea, by=teacher, to="agreement")
    assert Idea.objects.get(pk=idea.pk).promoted_to == ""


def test_stakeholder_is_versioned_and_soft_deleted_too(partnership, teacher):
    s = item_create(
        model=Stakeholder, by=teacher, partnership=partnership, level="school", group="educators", name="Grade 7 team"
    )
    item_update(item=s, by=teacher, expected_version=1, engaged=True)
    with pytest.raises(Conflict):
        item_update(item=s, by=teacher, expected_version=1, engaged=False)
    item_delete(item=s, by=teacher)
    assert not Stakeholder.objects.alive().exists()


@pytest.mark.django_db
def test_demo_gives_the_principal_a_plan_to_co_edit_and_is_idempotent():
    from coursework.demo import seed
    from partnerships.access import editable_plans
    from partnerships.models import TouchPoint, User

    assert seed() is True
    assert seed() is False
    principal = User.objects.get(email="principal@demo.test")
    # The finished teacher's plan; the mid-way teacher's focus areas still await the principal.
    plan = editable_plans(principal).get()
    assert plan.focus_area.status == FocusArea.Status.SELECTED and plan.goal
    assert plan.outcomes.count() == 2 and plan.steps.count() == 3
    assert TouchPoint.objects.filter(partnership=plan.partnership).count() == 2
    assert TouchPoint.objects.filter(partnership=plan.partnership, recorded_at__isnull=False).count() == 1
    assert FocusArea.objects.filter(partnership=plan.partnership, status=FocusArea.Status.SET_ASIDE).count() == 2
