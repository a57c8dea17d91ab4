import csv
import io
import json

import pytest
from django.urls import reverse

from partnerships.models import AuditEvent, FocusAreaEvidence, OutcomeReading, PlanComment
from partnerships.plan.services import item_delete
from partnerships.sustain.services import agreement_confirm, agreement_save
from tests.partnerships.factories import (
    ActionPlanFactory,
    ExternalPartnerFactory,
    IdeaFactory,
    OutcomeFactory,
    SelectedFocusAreaFactory,
    StakeholderFactory,
    StepFactory,
    TouchPointFactory,
)


@pytest.fixture
def full_partnership(partnership, teacher, administrator, colleague):
    area = SelectedFocusAreaFactory(partnership=partnership, title="Reading for pleasure")
    FocusAreaEvidence.objects.create(
        focus_area=area, kind="goal", ref="goal:1", source="District plan", text="Literacy"
    )
    SelectedFocusAreaFactory(partnership=partnership, title="Set aside area", status="set_aside")
    plan = ActionPlanFactory(focus_area=area, goal="Half read weekly", communication="Staff meeting")
    objects = {
        "outcomes": [OutcomeFactory(plan=plan) for _ in range(2)],
        "steps": [StepFactory(plan=plan, owner_name="Ms Lee") for _ in range(3)],
        "ideas": [IdeaFactory(plan=plan, author=teacher) for _ in range(2)],
        "stakeholders": [StakeholderFactory(partnership=partnership) for _ in range(2)],
        "external_partners": [ExternalPartnerFactory(partnership=partnership)],
        "touch_points": [TouchPointFactory(partnership=partnership) for _ in range(2)],
    }
    PlanComment.objects.create(plan=plan, author=colleague, text="Include families")
    OutcomeReading.objects.create(touch_point=objects["touch_points"][0], outcome=objects["outcomes"][0], value=30)
    agreement = agreement_save(partnership=partnership, by=teacher, shared_goals="Readers")
    agreement_confirm(agreement=agreement, by=teacher, version=1)
    return plan, objects


def test_json_export_round_trips_every_object(client_for, full_partnership, teacher):
    plan, objects = full_partnership
    deleted = StepFactory(plan=plan, title="Deleted step")
    item_delete(item=deleted, by=teacher)
    response = client_for(teacher).get(reverse("partnerships:export_json", args=[plan.partnership_id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    doc = json.loads(response.content)
    assert doc["format"] == "partnership-planner/1"
    assert doc["partnership"]["id"] == plan.partnership_id
    assert {m["email"] for m in doc["members"]} == {
        "teacher@school.test",
        "principal@school.test",
        "colleague@school.test",
    }
    assert {fa["title"] for fa in doc["focus_areas"]} == {"Reading for pleasure", "Set aside area"}
    selected = next(fa for fa in doc["focus_areas"] if fa["title"] == "Reading for pleasure")
    assert selected["evidence"][0]["source"] == "District plan"
    assert doc["plan"]["goal"] == "Half read weekly" and doc["plan"]["focus_area_id"] == plan.focus_area_id
    for key in ["outcomes", "steps", "ideas"]:
        assert sorted(o["id"] for o in doc["plan"][key]) == sorted(o.pk for o in objects[key]), key
    assert deleted.pk not in [s["id"] for s in doc["plan"]["steps"]]
    assert doc["plan"]["comments"][0]["text"] == "Include families"
    for key in ["stakeholders", "external_partners", "touch_points"]:
        assert sorted(o["id"] for o in doc[key]) == sorted(o.pk for o in objects[key]), key
    reading = doc["touch_points"][[t["id"] for t in doc["touch_points"]].index(objects["touch_points"][0].pk)]
    assert reading["readings"] == [{"outcome_id": objects["outcomes"][0].pk, "value": "30.00"}]
    assert doc["agreement"]["shared_goals"] == "Readers"
    assert doc["agreement"]["confirmations"][0]["member"]["email"] == "teacher@school.test"
    assert AuditEvent.objects.filter(action="export", actor=teacher).count() == 1


def test_json_export_without_a_plan(client_for, partnership, teacher):
    doc = json.loads(client_for(teacher).get(reverse("partnerships:export_json", args=[partnership.pk])).content)
    assert doc["plan"] is None and doc["agreement"] is None and doc["touch_points"] == []


def test_steps_csv_neutralises_formulas(client_for, partnership, teacher):
    plan = ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=partnership))
    StepFactory(
        plan=plan, title='=HYPERLINK("http://evil")', owner_name="+Lee", resources="@SUM(A1)", time_estimate="-2h"
    )
    StepFactory(plan=plan, title="Plain step", status="done")
    response = client_for(teacher).get(reverse("partnerships:plan_steps_csv", args=[partnership.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Step", "Owner", "Due date", "Status", "Time estimate", "Resources"]
    evil = next(r for r in rows if "HYPERLINK" in r[0])
    assert evil[0].startswith("'=") and evil[1] == "'+Lee" and evil[4] == "'-2h" and evil[5] == "'@SUM(A1)"
    assert ["Plain step", "", "", "Done", "", ""] in rows
    assert AuditEvent.objects.filter(action="export", actor=teacher, target_type="partnerships.ActionPlan").exists()


def test_steps_csv_neutralises_a_newline_or_full_width_formula(client_for, partnership, teacher):
    # Spreadsheets skip a leading line break, and read a full-width ＝ as =.
    plan = ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=partnership))
    StepFactory(plan=plan, title="\n=1+1", resources="\uff1dSUM(A1:A9)")
    response = client_for(teacher).get(reverse("partnerships:plan_steps_csv", args=[partnership.pk]))
    row = list(csv.reader(io.StringIO(response.content.decode())))[1]
    assert (row[0], row[5]) == ("'\n=1+1", "'\uff1dSUM(A1:A9)")


def test_colleague_may_download_but_other_teacher_may_not(client_for, partnership, colleague, other_teacher):
    ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=partnership))
    assert client_for(colleague).get(reverse("partnerships:plan_steps_csv", args=[partnership.pk])).status_code == 200
    assert client_for(other_teacher).get(reverse("partnerships:export_json", args=[partnership.pk])).status_code == 404
    assert not AuditEvent.objects.filter(actor=other_teacher).exists()


def test_json_export_leaves_out_drafts_for_everyone_but_the_teacher(client_for, partnership, teacher, administrator):
    from partnerships.models import FocusArea
    from tests.partnerships.factories import FocusAreaFactory

    FocusAreaFactory(partnership=partnership, title="Private draft idea", status=FocusArea.Status.DRAFT)
    FocusAreaFactory(partnership=partnership, title="Shared with the principal", status=FocusArea.Status.SHARED)
    url = reverse("partnerships:export_json", args=[partnership.pk])
    mine = client_for(teacher).get(url).content.decode()
    theirs = client_for(administrator).get(url).content.decode()
    assert "Private draft idea" in mine and "Shared with the principal" in mine
    assert "Private draft idea" not in theirs and "Shared with the principal" in theirs
