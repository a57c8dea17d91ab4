"""Thought-partner collaboratives: feed, posts, replies, invitations, reports, export.

Every object comes through coursework.access: non-members get 404, instructors of the
cohort may read, set the prompt and handle reports; every write goes through
coursework.collaboratives.services.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coursework.access import (
    collaborative_cohorts,
    instructed_collaboratives,
    instructed_reports,
    member_collaboratives,
    member_posts,
    own_enrollments,
    own_posts,
    own_replies,
    pending_collaborative_invitations,
    taught_cohorts,
    visible_collaboratives,
    visible_posts,
)
from coursework.collaboratives import services
from coursework.collaboratives.export import export_own_content
from coursework.collaboratives.forms import (
    AgreeForm,
    CollaborativeForm,
    InviteForm,
    PostEditForm,
    PostForm,
    PromptForm,
    ReplyForm,
    ReportForm,
)
from coursework.collaboratives.sharing import shareables_for
from coursework.models import CollaborativeMembership, Reply, Report
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.softdelete import RESTORE_WINDOW, restorable_q
from partnerships.common.submissions import once_per_submission

PAGE_SIZE = 20


def _live_replies():
    return Prefetch(
        "replies",
        queryset=Reply.objects.filter(deleted_at__isnull=True).select_related("author").order_by("created_at", "id"),
        to_attr="live_replies",
    )


def _role(request, collaborative):
    """(membership or None, is_instructor) for the signed-in person."""
    membership = CollaborativeMembership.objects.filter(collaborative=collaborative, user=request.user).first()
    is_instructor = taught_cohorts(request.user).filter(pk=collaborative.cohort_id).exists()
    return membership, is_instructor


def _shareables(request, collaborative):
    enrollment = own_enrollments(request.user).filter(cohort_id=collaborative.cohort_id).first()
    return shareables_for(enrollment)


@login_required
def collaborative_list(request):
    context = {
        "memberships": CollaborativeMembership.objects.filter(user=request.user)
        .select_related("collaborative__cohort")
        .order_by("collaborative__name"),
        "instructed": instructed_collaboratives(request.user).select_related("cohort").order_by("cohort", "name"),
        "invitations": pending_collaborative_invitations(request.user).select_related(
            "collaborative__cohort", "invited_by"
        ),
        "cohorts": collaborative_cohorts(request.user).select_related("course"),
    }
    return render(request, "coursework/collaboratives/list.html", context)


@login_required
@once_per_submission
def collaborative_create(request, cohort_pk):
    cohort = get_object_or_404(collaborative_cohorts(request.user), pk=cohort_pk)
    as_instructor = taught_cohorts(request.user).filter(pk=cohort.pk).exists()
    form = CollaborativeForm(
        request.POST or None, cohort=cohort, exclude_user=request.user, as_instructor=as_instructor
    )
    if request.method == "POST" and form.is_valid():
        try:
            collaborative = services.collaborative_create(
                cohort=cohort,
                created_by=request.user,
                name=form.cleaned_data["name"],
                norms=form.cleaned_data["norms"],
                members=form.cleaned_data["members"],
                as_instructor=as_instructor,
            )
        except PlannerError as error:
            show_error(request, error, form=form)
        else:
            messages.success(request, f"“{collaborative.name}” is ready.")
            return redirect(collaborative)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "coursework/collaboratives/create.html",
        {"cohort": cohort, "form": form, "as_instructor": as_instructor},
        status=status,
    )


def _feed(request, collaborative, *, post_form=None, agree_form=None, prompt_form=None, status=200):
    membership, is_instructor = _role(request, collaborative)
    posts = (
        collaborative.posts.live()
        .with_tag_counts()
        .select_related("author")
        .prefetch_related(_live_replies())
        .order_by("-created_at", "-id")
    )
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    can_post = membership is not None and membership.has_agreed
    context = {
        "collaborative": collaborative,
        "membership": membership,
        "is_instructor": is_instructor,
        "can_post": can_post,
        "page": page,
        "now": timezone.now(),
        "members": collaborative.memberships.select_related("user").order_by("joined_at"),
    }
    if can_post:
        context["post_form"] = post_form or PostForm(shareables=_shareables(request, collaborative))
    elif membership is not None:
        context["agree_form"] = agree_form or AgreeForm()
    if is_instructor:
        context["prompt_form"] = prompt_form or PromptForm(initial={"prompt": collaborative.prompt})
        context["open_reports"] = Report.objects.filter(
            post__collaborative=collaborative, handled_at__isnull=True
        ).count()
    return render(request, "coursework/collaboratives/feed.html", context, status=status)


@login_required
def collaborative_feed(request, pk):
    collaborative = get_object_or_404(visible_collaboratives(request.user).select_related("cohort"), pk=pk)
    return _feed(request, collaborative)


@login_required
@require_POST
def collaborative_agree(request, pk):
    collaborative = get_object_or_404(member_collaboratives(request.user).select_related("cohort"), pk=pk)
    form = AgreeForm(request.POST)
    if not form.is_valid():
        return _feed(request, collaborative, agree_form=form, status=400)
    services.collaborative_norms_agree(collaborative=collaborative, user=request.user)
    messages.success(request, "Thank you for agreeing to the norms. You can post now.")
    return redirect(collaborative)


@login_required
@require_POST
def collaborative_prompt(request, pk):
    collaborative = get_object_or_404(instructed_collaboratives(request.user).select_related("cohort"), pk=pk)
    form = PromptForm(request.POST)
    if not form.is_valid():
        return _feed(request, collaborative, prompt_form=form, status=400)
    services.collaborative_prompt_set(
        collaborative=collaborative, prompt=form.cleaned_data["prompt"], actor=request.user
    )
    messages.success(
        request, "The prompt of the week is updated." if collaborative.prompt else "The prompt is removed."
    )
    return redirect(collaborative)


@login_required
@require_POST
@once_per_submission
def post_create(request, pk):
    collaborative = get_object_or_404(member_collaboratives(request.user).select_related("cohort"), pk=pk)
    membership, _ = _role(request, collaborative)
    if not membership.has_agreed:
        messages.error(request, "Please read and agree to the group’s norms before you post.")
        return redirect(collaborative)
    form = PostForm(request.POST, shareables=_shareables(request, collaborative))
    if form.is_valid():
        try:
            post = services.post_create(
                collaborative=collaborative,
                author=request.user,
                body=form.cleaned_data["body"],
                link_url=form.cleaned_data["link_url"],
                share=form.cleaned_data.get("share", ""),
            )
        except PlannerError as error:
            show_error(request, error, form=form)
        else:
            messages.success(request, "Your post is shared with the group.")
            return redirect(post)
    return _feed(request, collaborative, post_form=form, status=400)


def _post_page(request, post, *, reply_form=None, status=200):
    collaborative = post.collaborative
    membership, is_instructor = _role(request, collaborative)
    can_post = membership is not None and membership.has_agreed
    context = {
        "collaborative": collaborative,
        "post": post,
        "membership": membership,
        "is_instructor": is_instructor,
        "can_post": can_post,
        "now": timezone.now(),
    }
    if can_post:
        context["reply_form"] = reply_form or ReplyForm()
    return render(request, "coursework/collaboratives/post_detail.html", context, status=status)


def _post_with_replies(queryset, pk):
    return get_object_or_404(
        queryset.with_tag_counts().select_related("author", "collaborative__cohort").prefetch_related(_live_replies()),
        pk=pk,
    )


@login_required
def post_detail(request, pk):
    return _post_page(request, _post_with_replies(visible_posts(request.user), pk))


@login_required
@require_POST
@once_per_submission
def reply_create(request, pk):
    post = _post_with_replies(member_posts(request.user), pk)
    membership, _ = _role(request, post.collaborative)
    if not membership.has_agreed:
        messages.error(request, "Please read and agree to the group’s norms before you reply.")
        return redirect(post.collaborative)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply_create(
                post=post, author=request.user, body=form.cleaned_data["body"], tag=form.cleaned_data["tag"]
            )
        except PlannerError as error:
            show_error(request, error, form=form)
        else:
            messages.success(request, "Your reply is posted.")
            return redirect(post)
    return _post_page(request, post, reply_form=form, status=400)


@login_required
def post_edit(request, pk):
    post = get_object_or_404(own_posts(request.user).live().select_related("collaborative__cohort"), pk=pk)
    if not post.is_editable() and request.method != "POST":
        messages.error(
            request,
            "The time for editing this post has passed (posts can be edited for "
            f"{services.edit_window_text()} after posting). Add a reply instead, or delete it and post again.",
        )
        return redirect(post)
    form = PostEditForm(request.POST or None, initial={"body": post.body, "link_url": post.link_url})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(
                post=post, author=request.user, body=form.cleaned_data["body"], link_url=form.cleaned_data["link_url"]
            )
        except PlannerError as error:
            form.add_error(None, f"{error} Your text is still below so you can copy it.")
        else:
            messages.success(request, "Your post is updated.")
            return redirect(post)
    return render(
        request,
        "coursework/collaboratives/edit.html",
        {"collaborative": post.collaborative, "item": post, "form": form, "what": "post"},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def post_delete(request, pk):
    post = get_object_or_404(own_posts(request.user).live().select_related("collaborative"), pk=pk)
    services.post_delete(post=post, author=request.user)
    messages.success(request, "Your post is deleted. You can restore it from “Recently deleted” for 30 days.")
    return redirect(post.collaborative)


@login_required
@require_POST
def post_restore(request, pk):
    post = get_object_or_404(own_posts(request.user).restorable().select_related("collaborative"), pk=pk)
    services.post_restore(post=post, author=request.user)
    messages.success(request, "Your post is back.")
    return redirect(post)


@login_required
def reply_edit(request, pk):
    reply = get_object_or_404(
        own_replies(request.user)
        .filter(deleted_at__isnull=True, post__deleted_at__isnull=True)
        .select_related("post__collaborative"),
        pk=pk,
    )
    if not reply.is_editable() and request.method != "POST":
        messages.error(
            request,
            "The time for editing this reply has passed (replies can be edited for "
            f"{services.edit_window_text()} after posting). Add another reply instead.",
        )
        return redirect(reply.post)
    form = ReplyForm(request.POST or None, initial={"body": reply.body, "tag": reply.tag})
    if request.method == "POST" and form.is_valid():
        try:
            services.reply_edit(
                reply=reply, author=request.user, body=form.cleaned_data["body"], tag=form.cleaned_data["tag"]
            )
        except PlannerError as error:
            form.add_error(None, f"{error} Your text is still below so you can copy it.")
        else:
            messages.success(request, "Your reply is updated.")
            return redirect(reply.post)
    return render(
        request,
        "coursework/collaboratives/edit.html",
        {"collaborative": reply.post.collaborative, "item": reply, "form": form, "what": "reply"},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def reply_delete(request, pk):
    reply = get_object_or_404(
        own_replies(request.user).filter(deleted_at__isnull=True).select_related("post__collaborative"), pk=pk
    )
    services.reply_delete(reply=reply, author=request.user)
    messages.success(request, "Your reply is deleted. You can restore it from “Recently deleted” for 30 days.")
    return redirect(reply.post)


@login_required
@require_POST
def reply_restore(request, pk):
    reply = get_object_or_404(
        own_replies(request.user).filter(restorable_q()).select_related("post__collaborative"), pk=pk
    )
    services.reply_restore(reply=reply, author=request.user)
    messages.success(request, "Your reply is back.")
    return redirect(reply.post)


@login_required
def recently_deleted(request, pk):
    collaborative = get_object_or_404(member_collaboratives(request.user), pk=pk)
    context = {
        "collaborative": collaborative,
        "posts": own_posts(request.user).restorable().filter(collaborative=collaborative).order_by("-deleted_at"),
        "replies": own_replies(request.user)
        .filter(restorable_q(), post__collaborative=collaborative)
        .select_related("post")
        .order_by("-deleted_at"),
        "restore_days": RESTORE_WINDOW.days,
    }
    return render(request, "coursework/collaboratives/recently_deleted.html", context)


@login_required
@once_per_submission
def post_report(request, pk):
    post = get_object_or_404(member_posts(request.user).select_related("collaborative__cohort", "author"), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_report(post=post, reporter=request.user, reason=form.cleaned_data["reason"])
        except PlannerError as error:
            show_error(request, error, form=form)
        else:
            messages.success(request, "Thank you. The cohort’s instructors have been told.")
            return redirect(post.collaborative)
    return render(
        request,
        "coursework/collaboratives/report_form.html",
        {"collaborative": post.collaborative, "post": post, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def report_list(request, pk):
    collaborative = get_object_or_404(instructed_collaboratives(request.user).select_related("cohort"), pk=pk)
    reports = (
        instructed_reports(request.user)
        .filter(post__collaborative=collaborative)
        .select_related("post__author", "reporter", "handled_by")
        .order_by("handled_at", "-created_at")
    )
    return render(
        request, "coursework/collaboratives/reports.html", {"collaborative": collaborative, "reports": reports}
    )


@login_required
@require_POST
def report_handle(request, pk):
    report = get_object_or_404(instructed_reports(request.user).select_related("post__collaborative__cohort"), pk=pk)
    services.report_handle(report=report, actor=request.user)
    messages.success(request, "The report is marked as handled.")
    return redirect("coursework:collaborative_reports", report.post.collaborative_id)


@login_required
@once_per_submission
def collaborative_members(request, pk):
    collaborative = get_object_or_404(visible_collaboratives(request.user).select_related("cohort"), pk=pk)
    membership, is_instructor = _role(request, collaborative)
    can_invite = is_instructor or (membership is not None and membership.has_agreed)
    form = InviteForm(request.POST or None, collaborative=collaborative) if can_invite else None
    if request.method == "POST":
        if form is None:
            raise Http404("Only members who agreed to the norms, or the instructor, can invite")
        if form.is_valid():
            people = list(form.cleaned_data["people"])
            try:
                if is_instructor:
                    services.collaborative_members_add(collaborative=collaborative, users=people, actor=request.user)
                    messages.success(request, f"{len(people)} teacher{'s' if len(people) != 1 else ''} added.")
                else:
                    for person in people:
                        services.collaborative_invite(
                            collaborative=collaborative, invitee=person, invited_by=request.user
                        )
                    messages.success(request, f"{len(people)} invitation{'s' if len(people) != 1 else ''} sent.")
            except PlannerError as error:
                show_error(request, error, form=form, field="people")
            else:
                return redirect("coursework:collaborative_members", collaborative.pk)
    context = {
        "collaborative": collaborative,
        "membership": membership,
        "is_instructor": is_instructor,
        "members": collaborative.memberships.select_related("user").order_by("joined_at"),
        "pending": collaborative.invitations.pending().select_related("invitee", "invited_by"),
        "form": form,
    }
    return render(
        request,
        "coursework/collaboratives/members.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@login_required
def invitation_respond(request, pk):
    invitation = get_object_or_404(
        pending_collaborative_invitations(request.user).select_related("collaborative__cohort", "invited_by"), pk=pk
    )
    form = AgreeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.collaborative_invitation_accept(invitation=invitation, user=request.user)
        except PlannerError as error:
            show_error(request, error)
            return redirect("home")
        messages.success(request, f"Welcome to “{invitation.collaborative.name}”.")
        return redirect(invitation.collaborative)
    return render(
        request,
        "coursework/collaboratives/invitation.html",
        {"invitation": invitation, "collaborative": invitation.collaborative, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def invitation_decline(request, pk):
    invitation = get_object_or_404(pending_collaborative_invitations(request.user), pk=pk)
    services.collaborative_invitation_decline(invitation=invitation, user=request.user)
    messages.success(request, "Invitation declined.")
    return redirect("home")


@login_required
def collaborative_export(request, pk):
    collaborative = get_object_or_404(member_collaboratives(request.user).select_related("cohort"), pk=pk)
    data = export_own_content(collaborative=collaborative, user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="collaborative-{collaborative.pk}-my-posts.json"'
    return response
