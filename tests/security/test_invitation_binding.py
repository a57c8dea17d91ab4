"""An invitation link joins only the invited address, whoever else holds the link.

For each kind (partnership, cohort), every signed-in role of the permission-matrix world
opens and posts a valid link: no membership or enrollment appears and the link stays
usable for the person it was sent to. (One world per kind: building it is the slow part.)
"""

import pytest
from django.urls import reverse

from coursework.models import Enrollment
from partnerships.models import Membership
from tests.security.world import ROLES

SIGNED_IN_ROLES = [r for r in ROLES if r != "anonymous"]


@pytest.mark.parametrize("kind", ["invitation_accept", "coursework:invitation_accept"])
def test_a_signed_in_account_that_was_not_invited_does_not_join(client_for, world, kind):
    invitation = world.main.invitation if kind == "invitation_accept" else world.main.cohort_invitation
    url = reverse(kind, args=[invitation.raw_token])
    before = (Membership.objects.count(), Enrollment.objects.count())
    for role in SIGNED_IN_ROLES:
        user = world.users[role]
        assert user.email.lower() != invitation.email.lower()
        client = client_for(user)
        page = client.get(url)
        assert page.status_code == 200, role
        assert f"you are signed in as {user.email}" in page.content.decode(), role
        assert client.post(url).status_code == 403, role
        assert (Membership.objects.count(), Enrollment.objects.count()) == before, role
    invitation.refresh_from_db()
    assert invitation.is_pending
