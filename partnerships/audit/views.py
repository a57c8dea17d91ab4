"""The staff audit page: sensitive actions, filterable and paginated."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from partnerships.audit.selectors import audit_filter

PAGE_SIZE = 50


@login_required
def audit_list(request):
    if not request.user.is_staff:
        raise Http404("Staff only")
    form, events = audit_filter(request.GET.copy() if request.GET else None)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "partnerships/audit/audit_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
