import pytest
from django.urls import reverse

from partnerships.models import ActionPlan, FocusArea, Membership, Outcome, PlanComment, Step
from partnerships.plan.services import item_delete, item_update
from tests.partnerships.factories import (
    ActionPlanFactory,
    IdeaFactory,
    MembershipFactory,
    OutcomeFactory,
    SelectedFocusAreaFactory,
    StakeholderFactory,
    StepFactory,
    TouchPointFactory,
    UserFactory,
)


@pytest.fixture
def plan(partnership):
    return ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=partnership, title="Reading for pleasure"))


def url(name, partnership, *args):
    return reverse(f"partnerships:{name}", args=[partnership.pk, *args])


def outcome_data(**extra):
    data = {"measure": "Weekly readers (%)", "baseline": "23", "target": "50", "target_date": "2027-06-01"}
    data.update({"data_source": "Survey", "current_value": "", "version": "", **extra})
    return data


# --- permissions ---------------------------------------------------------------------


def test_teacher_and_administrator_edit_the_plan(client_for, plan, teacher, administrator):
    for person, measure in [(teacher, "Teacher measure"), (administrator, "Principal measure")]:
        client = client_for(person)
        assert client.get(url("plan", plan.partnership)).status_code == 200
        response = client.post(url("item_new", plan.partnership, "outcome"), outcome_data(measure=measure))
        assert response.status_code == 302
    assert set(Outcome.objects.values_list("measure", flat=True)) == {"Teacher measure", "Principal measure"}


def test_colleague_comments_but_cannot_edit(client_for, plan, colleague):
    client = client_for(colleague)
    page = client.get(url("plan", plan.partnership))
    assert page.status_code == 200
    assert "Add an outcome" not in page.content.decode() and "Post comment" in page.content.decode()
    assert client.get(url("item_new", plan.partnership, "outcome")).status_code == 404
    assert client.post(url("item_new", plan.partnership, "outcome"), outcome_data()).status_code == 404
    step = StepFactory(plan=plan)
    assert client.post(url("item_delete", plan.partnership, "step", step.pk)).status_code == 404
    assert (
        client.post(url("item_edit", plan.partnership, "plan", plan.pk), {"goal": "x", "version": 1}).status_code == 404
    )
    response = client.post(url("comment_add", plan.partnership), {"text": "Could we include families?"})
    assert response.status_code == 302
    assert PlanComment.objects.get().author == colleague
    assert not Outcome.objects.exists()


def test_other_teacher_gets_404_everywhere(client_for, plan, other_teacher):
    client = client_for(other_teacher)
    step = StepFactory(plan=plan)
    tp = TouchPointFactory(partnership=plan.partnership)
    for target in [
        url("plan", plan.partnership),
        url("plan_history", plan.partnership),
        url("plan_print", plan.partnership),
        url("item_edit", plan.partnership, "step", step.pk),
        url("recently_deleted", plan.partnership),
        url("export_json", plan.partnership),
        url("plan_steps_csv", plan.partnership),
        url("agreement", plan.partnership),
        url("stakeholders", plan.partnership),
        url("partners", plan.partnership),
        url("touch_points", plan.partnership),
        url("touch_point", plan.partnership, tp.pk),
        url("touch_point_ics", plan.partnership, tp.pk),
        url("calendar_feed", plan.partnership),
    ]:
        assert client.get(target).status_code == 404, target
    assert client.post(url("comment_add", plan.partnership), {"text": "hi"}).status_code == 404
    assert client.post(url("item_delete", plan.partnership, "step", step.pk)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, plan):
    for name in ["plan", "plan_print", "export_json", "agreement", "touch_points"]:
        response = client.get(url(name, plan.partnership))
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_instructor_reads_the_plan_but_does_not_edit(client_for, plan, instructor):
    client = client_for(instructor)
    assert client.get(url("plan", plan.partnership)).status_code == 200
    assert client.get(url("item_new", plan.partnership, "step")).status_code == 404
    assert client.post(url("comment_add", plan.partnership), {"text": "hi"}).status_code == 404


def test_unknown_item_kind_is_404(client_for, plan, teacher):
    assert client_for(teacher).get(url("item_new", plan.partnership, "user")).status_code == 404


# --- starting and editing -------------------------------------------------------------


def test_plan_page_offers_to_start_from_the_selected_area(client_for, partnership, teacher):
    client = client_for(teacher)
    assert "No focus area is selected yet" in client.get(url("plan", partnership)).content.decode()
    SelectedFocusAreaFactory(partnership=partnership, title="Family literacy nights", status=FocusArea.Status.SELECTED)
    page = client.get(url("plan", partnership)).content.decode()
    assert "Family literacy nights" in page and "Start the action plan" in page
    response = client.post(url("plan_start", partnership))
    assert response.status_code == 302
    assert ActionPlan.objects.get(partnership=partnership).focus_area.title == "Family literacy nights"


def test_target_without_measure_shows_the_message_next_to_the_field(client_for, plan, teacher):
    response = client_for(teacher).post(url("item_new", plan.partnership, "outcome"), outcome_data(measure=""))
    assert response.status_code == 200
    body = response.content.decode()
    assert "A target needs a measure" in body
    assert 'value="Survey"' in body  # the rest of the input is kept
    assert not Outcome.objects.exists()


def test_stale_save_through_the_view_shows_both_versions_and_merges(client_for, plan, teacher, administrator):
    outcome = OutcomeFactory(plan=plan, measure="Weekly readers (%)", target=50)
    item_update(item=outcome, by=administrator, expected_version=1, target=60, data_source="Principal's survey")
    response = client_for(teacher).post(
        url("item_edit", plan.partnership, "outcome", outcome.pk),
        outcome_data(target="55", data_source="My survey", version="1"),
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Not saved" in body and "Pat Principal" in body
    assert "Your unsaved value:" in body and "My survey" in body and "Principal&#x27;s survey" in body
    assert 'name="version" value="2"' in body  # the merge form carries the new version
    outcome.refresh_from_db()
    assert outcome.target == 60 and outcome.data_source == "Principal's survey"
    merged = client_for(teacher).post(
        url("item_edit", plan.partnership, "outcome", outcome.pk),
        outcome_data(target="60", data_source="My survey", version="2"),
    )
    assert merged.status_code == 302
    outcome.refresh_from_db()
    assert outcome.data_source == "My survey" and outcome.version == 3


def test_idea_added_and_promoted_to_a_step(client_for, plan, teacher):
    client = client_for(teacher)
    client.post(url("idea_add", plan.partnership), {"text": "Book tasting in advisory"})
    idea = plan.ideas.get()
    assert idea.author == teacher
    response = client.post(url("idea_promote", plan.partnership, idea.pk, "step"))
    step = Step.objects.get(plan=plan)
    assert response["Location"] == url("item_edit", plan.partnership, "step", step.pk)
    assert step.title == "Book tasting in advisory"


def test_delete_then_restore_from_recently_deleted(client_for, plan, teacher, administrator):
    step = StepFactory(plan=plan, title="Order new books")
    client_for(teacher).post(url("item_delete", plan.partnership, "step", step.pk))
    assert "Order new books" not in client_for(teacher).get(url("plan", plan.partnership)).content.decode()
    page = client_for(administrator).get(url("recently_deleted", plan.partnership)).content.decode()
    assert "Order new books" in page and "Tess Teacher" in page
    client_for(administrator).post(url("item_restore", plan.partnership, "step", step.pk))
    assert "Order new books" in client_for(teacher).get(url("plan", plan.partnership)).content.decode()


def test_history_page_shows_who_changed_what(client_for, plan, teacher, administrator):
    step = StepFactory(plan=plan, title="Survey")
    item_update(item=step, by=administrator, expected_version=1, title="Survey in advisory")
    admin_membership = plan.partnership.memberships.get(user=administrator)
    item_update(item=step, by=administrator, expected_version=2, owner_member=admin_membership)
    item_delete(item=step, by=teacher)
    client = client_for(teacher)
    client.post(url("item_edit", plan.partnership, "plan", plan.pk), {"goal": "Half read weekly", "version": "1"})
    body = client.get(url("plan_history", plan.partnership)).content.decode()
    assert "Pat Principal" in body and "Survey in advisory" in body
    assert "deleted the step" in body
    assert "Owner: <del>(empty)</del> → <ins>Pat Principal</ins>" in body
    assert "Half read weekly" in body and "Tess Teacher" in body


def test_print_view_is_one_document(client_for, plan, teacher, administrator):
    OutcomeFactory(plan=plan, measure="Weekly readers (%)")
    StepFactory(plan=plan, title="Run survey")
    TouchPointFactory(partnership=plan.partnership, title="First review")
    body = client_for(administrator).get(url("plan_print", plan.partnership)).content.decode()
    for text in [
        "Reading for pleasure",
        "Tess Teacher",
        "Pat Principal",
        "Weekly readers (%)",
        "Run survey",
        "First review",
    ]:
        assert text in body
    assert "plan-print" in body


# --- stage 7 -------------------------------------------------------------------------


def test_stage_seven_shows_the_plan_and_checks_minimum_work(client_for, enrollment, plan, teacher):
    client = client_for(teacher)
    stage_url = reverse("coursework:stage", args=[enrollment.pk, "action-plan"])
    page = client.get(stage_url).content.decode()
    assert "Reading for pleasure" in page and url("plan", plan.partnership) in page
    submit = reverse("coursework:stage_submit", args=[enrollment.pk, "action-plan"])
    item_update(item=plan, by=teacher, expected_version=1, goal="")
    response = client.post(submit, follow=True)
    text = response.content.decode()
    assert "a goal statement" in text and "a measure and a target" in text and "at least one step" in text
    item_update(item=plan, by=teacher, expected_version=2, goal="Half read weekly")
    OutcomeFactory(plan=plan, measure="Readers", target=50)
    StepFactory(plan=plan)
    response = client.post(submit, follow=True)
    assert "ready for review" in response.content.decode()
    assert enrollment.progress.get(stage="action-plan").status == "submitted"


def test_stage_seven_without_a_plan_points_to_starting_one(client_for, enrollment, teacher):
    SelectedFocusAreaFactory(partnership=enrollment.partnership, title="Family nights")
    page = client_for(teacher).get(reverse("coursework:stage", args=[enrollment.pk, "action-plan"])).content.decode()
    assert "Family nights" in page and "Start the action plan" in page


# --- query-count guards ----------------------------------------------------------------


def _fill(plan, n):
    for i in range(n):
        OutcomeFactory(plan=plan)
        member = MembershipFactory(partnership=plan.partnership, user=UserFactory(), role=Membership.Role.COLLEAGUE)
        StepFactory(plan=plan, owner_member=member)
        IdeaFactory(plan=plan, author=member.user)
        StakeholderFactory(partnership=plan.partnership, role_in_plan="Helps")
        TouchPointFactory(partnership=plan.partnership)
        PlanComment.objects.create(plan=plan, author=member.user, text=f"Comment {i}")


@pytest.mark.parametrize("size", [3, 30])
def test_plan_page_query_budget(client_for, plan, teacher, size, django_assert_max_num_queries):
    _fill(plan, size)
    client = client_for(teacher)
    with django_assert_max_num_queries(14):
        response = client.get(url("plan", plan.partnership))
    assert response.status_code == 200
    assert response.content.decode().count("Edit<span") >= 2 * size


@pytest.mark.parametrize("size", [3, 30])
def test_plan_print_history_and_deleted_query_budget(client_for, plan, teacher, size, django_assert_max_num_queries):
    _fill(plan, size)
    for step in list(plan.steps.all())[:size]:
        item_update(item=step, by=teacher, expected_version=1, title=step.title + "!")
        item_delete(item=step, by=teacher)
    client = client_for(teacher)
    for name in ["plan_print", "plan_history", "recently_deleted"]:
        with django_assert_max_num_queries(14):
            assert client.get(url(name, plan.partnership)).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_partnership_page_query_budget(client_for, plan, teacher, size, django_assert_max_num_queries):
    _fill(plan, size)
    client = client_for(teacher)
    with django_assert_max_num_queries(18):
        response = client.get(reverse("partnerships:detail", args=[plan.partnership.pk]))
    assert response.status_code == 200


def test_another_partnerships_plan_is_not_shown_to_its_members(client_for, plan, other_partnership, other_teacher):
    ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=other_partnership, title="Other area"))
    body = client_for(other_teacher).get(url("plan", other_partnership)).content.decode()
    assert "Other area" in body and "Reading for pleasure" not in body


# --- the plan follows the chosen focus area ------------------------------------------


def _choose_another(plan, title="Family reading nights"):
    """The partners chose another focus area after the plan was started."""
    FocusArea.objects.filter(pk=plan.focus_area_id).update(status=FocusArea.Status.SET_ASIDE)
    return SelectedFocusAreaFactory(partnership=plan.partnership, title=title)


def test_plan_page_tells_both_partners_when_the_choice_changed(client_for, plan, teacher, administrator):
    assert "The chosen focus area changed" not in client_for(teacher).get(url("plan", plan.partnership)).text
    _choose_another(plan)
    for person in (teacher, administrator):
        page = client_for(person).get(url("plan", plan.partnership)).text
        assert "The chosen focus area changed" in page
        assert "Family reading nights" in page and "Reading for pleasure" in page


def test_carrying_the_plan_over_keeps_its_items_on_the_new_focus_area(client_for, plan, administrator):
    outcome = OutcomeFactory(plan=plan)
    chosen = _choose_another(plan)
    response = client_for(administrator).post(url("plan_follow_focus", plan.partnership), {"decision": "carry"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.focus_area == chosen and plan.deleted_at is None
    assert list(plan.outcomes.alive()) == [outcome]
    assert "The chosen focus area changed" not in client_for(administrator).get(url("plan", plan.partnership)).text


def test_starting_anew_keeps_the_old_plan_aside_and_restorable(client_for, plan, teacher):
    OutcomeFactory(plan=plan)
    chosen = _choose_another(plan)
    client = client_for(teacher)
    assert client.post(url("plan_follow_focus", plan.partnership), {"decision": "anew"}).status_code == 302
    plan.refresh_from_db()
    assert plan.deleted_at is not None and plan.outcomes.count() == 1
    fresh = ActionPlan.objects.alive().get(partnership=plan.partnership)
    assert fresh.focus_area == chosen and not fresh.outcomes.exists()
    page = client.get(url("plan", plan.partnership)).text
    assert "Plans kept aside" in page and "The chosen focus area changed" not in page

    assert client.post(url("plan_restore", plan.partnership, plan.pk)).status_code == 302
    plan.refresh_from_db()
    fresh.refresh_from_db()
    assert plan.deleted_at is None and fresh.deleted_at is not None


def test_an_unknown_decision_changes_nothing(client_for, plan, teacher):
    _choose_another(plan)
    response = client_for(teacher).post(url("plan_follow_focus", plan.partnership), {"decision": "maybe"}, follow=True)
    assert "carry the plan over or start anew" in response.text
    assert ActionPlan.objects.get().focus_area_id == plan.focus_area_id
