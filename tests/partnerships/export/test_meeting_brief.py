"""The second meeting's brief: the shared focus areas, their need, audience, shared evidence
and open questions — as a printable page and as PDF; drafts never appear."""

from django.urls import reverse
from django.utils import timezone

from partnerships.models import Comment, FocusArea, ReviewMeeting
from tests.partnerships.export.test_pdf import pdf_text
from tests.partnerships.factories import AgendaItemFactory, CommentFactory, FocusAreaEvidenceFactory, FocusAreaFactory


def _world(partnership, administrator):
    shared = FocusAreaFactory(
        partnership=partnership,
        title="Reading for pleasure",
        need="Grade 7 reads less each year.",
        serves_students=True,
        serves_teachers=True,
        status=FocusArea.Status.SHARED,
        shared_at=timezone.now(),
    )
    FocusAreaEvidenceFactory(focus_area=shared, source="District plan", text="Every student reads widely.")
    CommentFactory(focus_area=shared, author=administrator, kind=Comment.Kind.QUESTION, body="Which grades first?")
    CommentFactory(
        focus_area=shared, author=administrator, kind=Comment.Kind.QUESTION, body="Settled already?", resolved=True
    )
    FocusAreaFactory(partnership=partnership, title="Secret draft idea", status=FocusArea.Status.DRAFT)
    FocusAreaFactory(partnership=partnership, title="Set aside idea", status=FocusArea.Status.SET_ASIDE)
    ReviewMeeting.objects.create(
        partnership=partnership, starts_at=timezone.now() + timezone.timedelta(days=3), location="Room 12"
    )
    AgendaItemFactory(partnership=partnership, text="Choose one focus area together")


def test_the_brief_pdf_carries_the_focus_areas_evidence_and_open_questions(
    client_for, partnership, teacher, administrator
):
    _world(partnership, administrator)
    text = pdf_text(client_for(administrator).get(reverse("partnerships:meeting_brief_pdf", args=[partnership.pk])))

    for expected in [
        "Brief for our second meeting",
        "Reading for pleasure",
        "Grade 7 reads less each year.",
        "students, teachers",
        "Every student reads widely.",
        "Which grades first?",
        "Room 12",
        "Choose one focus area together",
    ]:
        assert expected in text, expected
    for hidden in ["Secret draft idea", "Set aside idea", "Settled already?"]:
        assert hidden not in text


def test_the_brief_page_prints_the_same_document(client_for, partnership, teacher, administrator):
    _world(partnership, administrator)
    response = client_for(teacher).get(reverse("partnerships:meeting_brief", args=[partnership.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Meeting brief · " in body
    assert "Which grades first?" in body
    assert "Secret draft idea" not in body
    assert reverse("partnerships:meeting_brief_pdf", args=[partnership.pk]) in body


def test_the_second_meeting_page_links_to_the_brief(client_for, partnership, teacher):
    body = client_for(teacher).get(reverse("partnerships:second_meeting", args=[partnership.pk])).content.decode()
    assert reverse("partnerships:meeting_brief", args=[partnership.pk]) in body


def test_the_brief_shows_the_evidence_excerpt_never_the_private_full_text(client_for, partnership, administrator):
    area = FocusAreaFactory(partnership=partnership, status=FocusArea.Status.SHARED, shared_at=timezone.now())
    FocusAreaEvidenceFactory(
        focus_area=area, text="From my notes. " * 40 + "PRIVATE-TAIL", excerpt="What I chose to show."
    )
    body = client_for(administrator).get(reverse("partnerships:meeting_brief", args=[partnership.pk])).content
    assert b"What I chose to show." in body
    assert b"PRIVATE-TAIL" not in body and b"From my notes." not in body
