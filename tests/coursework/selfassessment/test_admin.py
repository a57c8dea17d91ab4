"""The admin pages for frameworks, research and meetings open (instructors edit frameworks there)."""

import pytest
from django.urls import reverse

from coursework.selfassessment.frameworks import default_framework
from tests.coursework.factories import ResearchSourceFactory, StrategicGoalFactory
from tests.partnerships.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "coursework_framework",
        "coursework_domain",
        "coursework_cohortframework",
        "coursework_selfassessment",
        "coursework_researchsource",
        "coursework_strategicgoal",
        "partnerships_meeting",
    ],
)
def test_admin_lists_open(client_for, staff, name):
    default_framework()
    ResearchSourceFactory()
    StrategicGoalFactory()
    MeetingFactory()
    assert client_for(staff).get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_framework_and_meeting_change_pages_open(client_for, staff):
    client = client_for(staff)
    framework = default_framework()
    meeting = MeetingFactory()
    assert client.get(reverse("admin:coursework_framework_change", args=[framework.pk])).status_code == 200
    assert client.get(reverse("admin:partnerships_meeting_change", args=[meeting.pk])).status_code == 200
    assert client.get(reverse("admin:partnerships_meeting_history", args=[meeting.pk])).status_code == 200
