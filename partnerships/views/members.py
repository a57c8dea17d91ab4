"""The lead teacher changes a member's role or removes them (partnership page controls)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from partnerships import services
from partnerships.access import manageable_memberships
from partnerships.member_forms import MemberRoleForm


@login_required
@require_POST
def member_role(request, pk):
    membership = get_object_or_404(manageable_memberships(request.user).select_related("user", "partnership"), pk=pk)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Choose a role for {membership.user} from the list.")
        return redirect(membership.partnership)
    try:
        services.membership_role_change(membership=membership, role=form.cleaned_data["role"], actor=request.user)
    except services.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{membership.user} is now {membership.get_role_display().lower()}.")
    return redirect(membership.partnership)


@login_required
@require_POST
def member_remove(request, pk):
    membership = get_object_or_404(manageable_memberships(request.user).select_related("user", "partnership"), pk=pk)
    partnership = membership.partnership
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except services.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{membership.user} is no longer a member of this partnership.")
    return redirect(partnership)
