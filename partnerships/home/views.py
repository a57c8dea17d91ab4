from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from partnerships.home.sections import home_sections


@login_required
def home(request):
    return render(request, "partnerships/home.html", home_sections(request.user))
