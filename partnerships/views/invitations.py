from partnerships import services
from partnerships.invitations import find_by_token
from partnerships.models import Invitation
from partnerships.views.acceptance import accept_invitation


def invitation_accept(request, token):
    invitation = find_by_token(Invitation.objects.select_related("partnership", "invited_by"), token)

    def accept(*, user, **account):
        membership = services.invitation_accept(invitation=invitation, user=user, **account)
        return membership.user

    return accept_invitation(
        request,
        invitation=invitation,
        joining=f"the partnership “{invitation.partnership}”" if invitation else "a partnership",
        accept=accept,
        success_url=lambda user: invitation.partnership.get_absolute_url(),
    )
