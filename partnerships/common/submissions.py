"""Each form post does its work once, however often it arrives.

A double click, or a browser retrying a post whose answer was lost, sends the same request
twice. Every form that creates something carries a fresh key per rendering
(`{% submission_key %}`, a template builtin). `once_per_submission` takes that key in the
same transaction as the view's own writes: the unique (user, key) constraint makes a
concurrent second request wait for the first one's commit, and it is then answered with the
first response (the same redirect, or the same fragment) instead of creating again.

Only answers of work done are kept (a redirect, or an htmx fragment); a page rendered
again (bad input, a conflict) frees the key, so the corrected form can be sent again. A post without a key (an old page, a test
client, a script) behaves as before. Kept answers are dropped after `KEPT_FOR`.
"""

import hashlib
import random
import uuid
from datetime import timedelta
from functools import wraps

from django import template
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.html import format_html

from partnerships.common.models import Submission

FIELD = "submission_key"
KEPT_FOR = timedelta(days=1)
# Old rows are deleted by one post in this many, so no post pays for it every time.
PRUNE_ONE_IN = 50
# Headers that belong to the answer itself; cookies and caching headers are not replayed.
REPLAYED_HEADERS = ("Content-Type", "Location")
UNCOUNTED_FIELDS = {FIELD, "csrfmiddlewaretoken"}

register = template.Library()


@register.simple_tag
def submission_key():
    """A hidden input with a new key, placed beside {% csrf_token %} in every post form."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, uuid.uuid4())


class _Taken(Exception):
    """The key was used before (or is being used right now) by this person."""


def posted_key(request):
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def fingerprint(request):
    """What was asked: the path and every posted field (files by name and size)."""
    digest = hashlib.sha256(request.path.encode())
    for name in sorted(request.POST):
        if name in UNCOUNTED_FIELDS:
            continue
        for value in request.POST.getlist(name):
            digest.update(f"\0{name}\0{value}".encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(f"\0{name}\0{upload.name}\0{upload.size}".encode())
    return digest.hexdigest()


def _claim(user, key, print_):
    try:
        with transaction.atomic():
            return Submission.objects.create(user=user, key=key, fingerprint=print_)
    except IntegrityError as taken:
        raise _Taken from taken


def _did_the_work(request, response):
    """A redirect after the post, or an htmx fragment: the answers of work done. A page
    rendered in answer to a post shows the form again (bad input, a conflict)."""
    if response.streaming:
        return False
    if 300 <= response.status_code < 400:
        return True
    return 200 <= response.status_code < 300 and bool(getattr(request, "htmx", False))


def _keep(claim, request, response):
    if not _did_the_work(request, response):
        claim.delete()
        return
    if not getattr(response, "is_rendered", True):
        response.render()
    claim.status = response.status_code
    claim.headers = {name: response[name] for name in response.headers if _replayed(name)}
    claim.content = response.content
    claim.save(update_fields=["status", "headers", "content"])


def _replayed(name):
    return name in REPLAYED_HEADERS or name.lower().startswith("hx-")


def replay(submission):
    headers = dict(submission.headers)
    location = headers.pop("Location", None)
    if location is not None:
        response = HttpResponseRedirect(location)
        response.status_code = submission.status
        response.content = bytes(submission.content)
    else:
        response = HttpResponse(bytes(submission.content), status=submission.status)
    for name, value in headers.items():
        response[name] = value
    return response


def prune_submissions(now=None):
    """Forget answers older than KEPT_FOR; returns how many were dropped."""
    cutoff = (now or timezone.now()) - KEPT_FOR
    deleted, _ = Submission.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def once_per_submission(view):
    """Answer a post that repeats an earlier one (same person, key and content) with the
    earlier answer instead of running the view again."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = posted_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        print_ = fingerprint(request)
        try:
            with transaction.atomic():
                claim = _claim(request.user, key, print_)
                response = view(request, *args, **kwargs)
                _keep(claim, request, response)
        except _Taken:
            earlier = Submission.objects.filter(user=request.user, key=key, status__isnull=False).first()
            if earlier is not None and earlier.fingerprint == print_:
                return replay(earlier)
            # The key came back with other content (a page kept in the browser's history and
            # filled in again): that is a new request, not a retry.
            return view(request, *args, **kwargs)
        if random.randrange(PRUNE_ONE_IN) == 0:
            prune_submissions()
        return response

    return wrapper
