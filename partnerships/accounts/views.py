from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, LogoutView
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from partnerships.accounts.forms import EmailAuthenticationForm, ProfileForm
from partnerships.accounts.sessions import sessions_end


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("profile")
    return render(request, "partnerships/profile.html", {"form": form})


@require_safe
@login_required
def ping(request):
    """Answer "ok" to a signed-in person: autosave checks its session with it, and the
    benchmark uses it as the floor (the full middleware stack, no page work)."""
    return HttpResponse("ok", content_type="text/plain")


class SignInView(LoginView):
    """Sign in by email; `?email=` fills the address in (an invitation sends people here
    after signing them out of another account)."""

    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_initial(self):
        return {**super().get_initial(), "username": self.request.GET.get("email", "")[:254]}


class SignOutView(LogoutView):
    """Sign out here and everywhere else: the person's other sessions end too."""

    def post(self, request, *args, **kwargs):
        user = request.user if request.user.is_authenticated else None
        response = super().post(request, *args, **kwargs)
        if user is not None:
            sessions_end(user=user)
        return response
