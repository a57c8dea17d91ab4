"""Collaborative writes, each in one transaction. Views call these; nothing else writes."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from coursework.collaboratives.models import edit_window
from coursework.collaboratives.sharing import find_shareable
from coursework.models import (
    Collaborative,
    CollaborativeInvitation,
    CollaborativeMembership,
    Enrollment,
    Post,
    Reply,
    Report,
)
from partnerships.audit.services import audit_record
from partnerships.common.errors import PlannerError
from partnerships.common.softdelete import is_restorable
from partnerships.notifications.services import notify


def edit_window_text():
    minutes = int(edit_window().total_seconds() // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _enrolled(cohort, user):
    return Enrollment.objects.filter(cohort=cohort, teacher=user).first()


def _membership(collaborative, user):
    return CollaborativeMembership.objects.filter(collaborative=collaborative, user=user).first()


def _require_agreed_member(collaborative, user):
    membership = _membership(collaborative, user)
    if membership is None:
        raise PlannerError("Only members of this collaborative can do that.")
    if not membership.has_agreed:
        raise PlannerError("Please read and agree to the group’s norms before you post.")
    return membership


@transaction.atomic
def collaborative_create(*, cohort, created_by, name, norms, members=(), as_instructor=False):
    """Start a collaborative in a cohort.

    An instructor (``as_instructor``) assigns enrolled teachers directly; they agree to
    the norms when they first open it. A teacher starting one becomes its first member
    (they wrote the norms, so they have agreed) and the chosen peers are invited.
    """
    collaborative = Collaborative.objects.create(cohort=cohort, name=name, norms=norms, created_by=created_by)
    if as_instructor:
        collaborative_members_add(collaborative=collaborative, users=members, actor=created_by)
    else:
        if _enrolled(cohort, created_by) is None:
            raise PlannerError("Only teachers enrolled in this cohort can start a collaborative in it.")
        CollaborativeMembership.objects.create(
            collaborative=collaborative, user=created_by, agreed_to_norms_at=timezone.now()
        )
        for person in members:
            if person != created_by:
                collaborative_invite(collaborative=collaborative, invitee=person, invited_by=created_by)
    audit_record(actor=created_by, action="collaborative.created", target=collaborative, summary=name)
    return collaborative


@transaction.atomic
def collaborative_members_add(*, collaborative, users, actor):
    """An instructor assigns enrolled teachers of the cohort. Returns the new memberships."""
    users = list(users)
    enrolled = set(collaborative.cohort.enrollments.filter(teacher__in=users).values_list("teacher_id", flat=True))
    strangers = [u for u in users if u.pk not in enrolled]
    if strangers:
        raise PlannerError(f"{strangers[0]} is not enrolled in {collaborative.cohort}.")
    existing = set(collaborative.memberships.values_list("user_id", flat=True))
    created = CollaborativeMembership.objects.bulk_create(
        [CollaborativeMembership(collaborative=collaborative, user=u) for u in users if u.pk not in existing]
    )
    collaborative.invitations.pending().filter(invitee__in=users).update(accepted_at=timezone.now())
    if created:
        notify(
            recipients=[m.user for m in created],
            message=f"You were added to the thought-partner collaborative “{collaborative.name}”.",
            url=collaborative.get_absolute_url(),
        )
    return created


@transaction.atomic
def collaborative_invite(*, collaborative, invitee, invited_by):
    """A member invites a peer enrolled in the same cohort."""
    if _membership(collaborative, invited_by) is None:
        raise PlannerError("Only members can invite people to this collaborative.")
    if _enrolled(collaborative.cohort, invitee) is None:
        raise PlannerError(f"{invitee} is not enrolled in {collaborative.cohort}.")
    if _membership(collaborative, invitee) is not None:
        raise PlannerError(f"{invitee} is already a member.")
    if collaborative.invitations.pending().filter(invitee=invitee).exists():
        raise PlannerError(f"{invitee} already has an invitation waiting.")
    invitation = CollaborativeInvitation.objects.create(
        collaborative=collaborative, invitee=invitee, invited_by=invited_by
    )
    notify(
        recipients=[invitee],
        message=f"{invited_by} invited you to the thought-partner collaborative “{collaborative.name}”.",
        url=reverse("coursework:collaborative_invitation", args=[invitation.pk]),
    )
    return invitation


@transaction.atomic
def collaborative_invitation_accept(*, invitation, user):
    """Join: accepting an invitation includes agreeing to the norms shown with it."""
    invitation = CollaborativeInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.invitee_id != user.pk or invitation.accepted_at or invitation.declined_at:
        raise PlannerError("This invitation can no longer be used.")
    now = timezone.now()
    invitation.accepted_at = now
    invitation.save(update_fields=["accepted_at"])
    membership, _ = CollaborativeMembership.objects.get_or_create(
        collaborative=invitation.collaborative, user=user, defaults={"agreed_to_norms_at": now}
    )
    if not membership.has_agreed:
        membership.agreed_to_norms_at = now
        membership.save(update_fields=["agreed_to_norms_at"])
    return membership


@transaction.atomic
def collaborative_invitation_decline(*, invitation, user):
    if invitation.invitee_id != user.pk or invitation.accepted_at or invitation.declined_at:
        raise PlannerError("This invitation can no longer be used.")
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])


@transaction.atomic
def collaborative_norms_agree(*, collaborative, user):
    membership = _membership(collaborative, user)
    if membership is None:
        raise PlannerError("Only members of this collaborative can agree to its norms.")
    if not membership.has_agreed:
        membership.agreed_to_norms_at = timezone.now()
        membership.save(update_fields=["agreed_to_norms_at"])
    return membership


@transaction.atomic
def collaborative_prompt_set(*, collaborative, prompt, actor):
    """The cohort's instructor sets the prompt of the week; members are told."""
    if not collaborative.cohort.instructors.filter(pk=actor.pk).exists():
        raise PlannerError("Only the cohort’s instructors can set the prompt of the week.")
    collaborative.prompt = prompt.strip()
    collaborative.prompt_set_at = timezone.now() if collaborative.prompt else None
    collaborative.save(update_fields=["prompt", "prompt_set_at"])
    if collaborative.prompt:
        notify(
            recipients=[m.user for m in collaborative.memberships.select_related("user")],
            message=f"New prompt of the week in “{collaborative.name}”.",
            url=collaborative.get_absolute_url(),
        )
    return collaborative


@transaction.atomic
def post_create(*, collaborative, author, body, link_url="", share=""):
    """Post a reflection; ``share`` is a ``kind|ref`` choice copied as a snapshot."""
    _require_agreed_member(collaborative, author)
    snapshot = {}
    if share:
        item = find_shareable(_enrolled(collaborative.cohort, author), share)
        if item is None:
            raise PlannerError("That piece of work is not available to share.")
        snapshot = {"shared_kind": item.kind, "shared_title": item.title, "shared_text": item.text}
    post = Post.objects.create(collaborative=collaborative, author=author, body=body, link_url=link_url, **snapshot)
    others = [
        m.user for m in collaborative.memberships.exclude(user=author).select_related("user").order_by("joined_at")
    ]
    notify(
        recipients=others,
        message=f"{author} posted in “{collaborative.name}”.",
        url=post.get_absolute_url(),
    )
    return post


def _check_window(item, now):
    if not item.is_editable(now):
        raise PlannerError(
            f"Posts and replies can be edited for {edit_window_text()} after they are written, and that time "
            "has passed. You can add a reply instead, or delete it and write it again."
        )


@transaction.atomic
def post_edit(*, post, author, body, link_url=""):
    if post.author_id != author.pk or post.deleted_at:
        raise PlannerError("Only the author can edit this post.")
    now = timezone.now()
    _check_window(post, now)
    post.body, post.link_url, post.edited_at = body, link_url, now
    post.save(update_fields=["body", "link_url", "edited_at"])
    return post


@transaction.atomic
def post_delete(*, post, author):
    """Soft delete: the author can restore it from “recently deleted” for 30 days."""
    if post.author_id != author.pk:
        raise PlannerError("Only the author can delete this post.")
    if post.deleted_at is None:
        post.deleted_at = timezone.now()
        post.save(update_fields=["deleted_at"])
    return post


@transaction.atomic
def post_restore(*, post, author):
    if post.author_id != author.pk:
        raise PlannerError("Only the author can restore this post.")
    if post.deleted_at is None:
        return post
    if not is_restorable(post.deleted_at):
        raise PlannerError("Deleted posts can be restored for 30 days; this one is gone.")
    post.deleted_at = None
    post.save(update_fields=["deleted_at"])
    return post


@transaction.atomic
def reply_create(*, post, author, body, tag=""):
    _require_agreed_member(post.collaborative, author)
    if post.deleted_at:
        raise PlannerError("This post was deleted.")
    reply = Reply.objects.create(post=post, author=author, body=body, tag=tag)
    if post.author_id != author.pk:
        label = f" ({reply.get_tag_display().lower()})" if tag else ""
        notify(
            recipients=[post.author],
            message=f"{author} replied{label} to your post in “{post.collaborative.name}”.",
            url=post.get_absolute_url(),
        )
    return reply


@transaction.atomic
def reply_edit(*, reply, author, body, tag=""):
    if reply.author_id != author.pk or reply.deleted_at:
        raise PlannerError("Only the author can edit this reply.")
    now = timezone.now()
    _check_window(reply, now)
    reply.body, reply.tag, reply.edited_at = body, tag, now
    reply.save(update_fields=["body", "tag", "edited_at"])
    return reply


@transaction.atomic
def reply_delete(*, reply, author):
    if reply.author_id != author.pk:
        raise PlannerError("Only the author can delete this reply.")
    if reply.deleted_at is None:
        reply.deleted_at = timezone.now()
        reply.save(update_fields=["deleted_at"])
    return reply


@transaction.atomic
def post_report(*, post, reporter, reason):
    """A member flags a post; the cohort's instructors are told."""
    if _membership(post.collaborative, reporter) is None:
        raise PlannerError("Only members can report a post.")
    report = Report.objects.create(post=post, reporter=reporter, reason=reason)
    collaborative = post.collaborative
    notify(
        recipients=list(collaborative.cohort.instructors.all()),
        message=f"A post in “{collaborative.name}” was reported.",
        url=reverse("coursework:collaborative_reports", args=[collaborative.pk]),
    )
    audit_record(actor=reporter, action="collaborative.post_reported", target=post, summary=reason[:200])
    return report


@transaction.atomic
def report_handle(*, report, actor):
    if not report.post.collaborative.cohort.instructors.filter(pk=actor.pk).exists():
        raise PlannerError("Only the cohort’s instructors handle reports.")
    if report.handled_at is None:
        report.handled_at = timezone.now()
        report.handled_by = actor
        report.save(update_fields=["handled_at", "handled_by"])
    return report


@transaction.atomic
def reply_restore(*, reply, author):
    if reply.author_id != author.pk:
        raise PlannerError("Only the author can restore this reply.")
    if reply.deleted_at is None:
        return reply
    if not is_restorable(reply.deleted_at):
        raise PlannerError("Deleted replies can be restored for 30 days; this one is gone.")
    reply.deleted_at = None
    reply.save(update_fields=["deleted_at"])
    return reply
