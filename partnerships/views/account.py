from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from ..forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("profile")
    return render(request, "partnerships/profile.html", {"form": form})


@login_required
def ping(request):
    """Answer "ok" to a signed-in person: autosave checks its session with it, and the
    benchmark uses it as the floor (the full middleware stack, no page work)."""
    return HttpResponse("ok", content_type="text/plain")
