from django.urls import reverse

from partnerships.invitations import find_by_token
from partnerships.views.acceptance import accept_invitation

from coursework import services
from coursework.models import CohortInvitation


def cohort_invitation_accept(request, token):
    invitation = find_by_token(CohortInvitation.objects.select_related("cohort", "invited_by"), token)

    def accept(*, user, **account):
        return services.cohort_invitation_accept(invitation=invitation, user=user, **account).teacher

    return accept_invitation(
        request,
        invitation=invitation,
        joining=f"the cohort “{invitation.cohort}”" if invitation else "a cohort",
        accept=accept,
        success_url=lambda user: reverse("home"),
    )
