"""The partnership plan as PDF: everything a reader needs to hand it over, as text in the file."""

import io

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from partnerships.models import AuditEvent, FocusAreaChoice, OutcomeReading
from partnerships.sustain.services import agreement_confirm, agreement_save
from tests.partnerships.factories import (
    ActionPlanFactory,
    ExternalPartnerFactory,
    OutcomeFactory,
    SelectedFocusAreaFactory,
    StakeholderFactory,
    StepFactory,
    TouchPointFactory,
)


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_plan_pdf_carries_the_whole_plan_and_why_it_was_chosen(client_for, partnership, teacher, administrator):
    partnership.school, partnership.district = "Lincoln Middle School", "Riverside Unified"
    partnership.save()
    area = SelectedFocusAreaFactory(partnership=partnership, title="Reading for pleasure")
    FocusAreaChoice.objects.create(
        partnership=partnership,
        focus_area=area,
        proposed_by=teacher,
        rationale="It answers the district literacy goal.",
        confirmed_by=administrator,
        confirmed_at=timezone.now(),
    )
    plan = ActionPlanFactory(focus_area=area, goal="Half of grade 7 reads weekly.")
    outcome = OutcomeFactory(plan=plan, measure="Weekly readers (%)", baseline=22, target=50)
    StepFactory(plan=plan, title="Launch the reading club", owner_name="Ms Lee")
    StakeholderFactory(partnership=partnership, name="PTA", role_in_plan="Runs the book swap")
    ExternalPartnerFactory(partnership=partnership, name="City Library", need="Summer reading slump")
    held = TouchPointFactory(
        partnership=partnership,
        title="First review",
        scheduled_at=timezone.now() - timezone.timedelta(days=3),
        recorded_at=timezone.now(),
        trust=4,
        reflections="Momentum is good.",
    )
    OutcomeReading.objects.create(touch_point=held, outcome=outcome, value=31)
    agreement = agreement_save(partnership=partnership, by=teacher, shared_goals="Readers for life")
    agreement_confirm(agreement=agreement, by=administrator, version=agreement.version)

    response = client_for(administrator).get(reverse("partnerships:plan_pdf", args=[partnership.pk]))
    text = pdf_text(response)

    for expected in [
        "Partnership plan: Reading for pleasure",
        "Lincoln Middle School",
        "Riverside Unified",
        "It answers the district literacy goal.",
        "Half of grade 7 reads weekly.",
        "Weekly readers (%)",
        "22",
        "50",
        "31",
        "Launch the reading club",
        "Ms Lee",
        "PTA",
        "Runs the book swap",
        "City Library",
        "Summer reading slump",
        "Readers for life",
        "Pat Principal: confirmed",
        "First review",
        "Momentum is good.",
        "Page 1 of",
    ]:
        assert expected in text, expected
    assert AuditEvent.objects.filter(action="export", summary__startswith="Plan PDF").exists()


def test_a_partnership_without_a_plan_has_no_plan_pdf(client_for, partnership, teacher):
    response = client_for(teacher).get(reverse("partnerships:plan_pdf", args=[partnership.pk]))
    assert response.status_code == 404
