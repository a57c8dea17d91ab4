import pytest
from django.core import mail

from partnerships.common.errors import Conflict, PlannerError
from partnerships.focus import services as svc
from partnerships.models import AuditEvent, Comment, FocusArea, FocusAreaChoice, Membership, Notification
from tests.partnerships.factories import FocusAreaFactory, MembershipFactory, UserFactory
from tests.partnerships.focus.fixtures import share_areas

S = FocusArea.Status


@pytest.mark.parametrize("count, ok", [(1, False), (2, True), (3, True), (4, False)])
def test_sharing_needs_two_or_three(partnership, teacher, administrator, count, ok):
    areas = [FocusAreaFactory(partnership=partnership) for _ in range(count)]
    if ok:
        svc.focus_areas_share(partnership=partnership, actor=teacher, focus_areas=areas)
        assert partnership.focus_areas.filter(status=S.SHARED).count() == count
    else:
        with pytest.raises(PlannerError) as error:
            svc.focus_areas_share(partnership=partnership, actor=teacher, focus_areas=areas)
        assert f"you would be sharing {count}" in str(error.value)
        assert partnership.focus_areas.filter(status=S.DRAFT).count() == count


def test_sharing_counts_areas_already_shared(partnership, teacher, administrator):
    share_areas(partnership, teacher, n=3)
    extra = FocusAreaFactory(partnership=partnership)
    with pytest.raises(PlannerError, match="at most three"):
        svc.focus_areas_share(partnership=partnership, actor=teacher, focus_areas=[extra])


def test_no_sharing_after_a_confirmed_choice(partnership, teacher, administrator):
    chosen, _ = share_areas(partnership, teacher, n=2)
    svc.choice_confirm(choice=svc.choice_propose(focus_area=chosen, actor=teacher, rationale="x"), actor=administrator)
    late = FocusAreaFactory(partnership=partnership)
    with pytest.raises(PlannerError, match="already chose “Area 1” together") as refused:
        svc.focus_areas_share(partnership=partnership, actor=teacher, focus_areas=[late])
    assert refused.value.field == "focus_areas"
    late.refresh_from_db()
    assert late.is_draft


def test_sharing_tells_the_administrator_by_email_and_home_line(
    partnership, teacher, administrator, colleague, run_tasks
):
    share_areas(partnership, teacher, n=2)
    run_tasks()
    assert [m.to for m in mail.outbox] == [[administrator.email]]
    run_tasks()
    assert "shared 2 focus areas" in mail.outbox[0].subject
    note = Notification.objects.get(recipient=administrator)
    assert note.url == f"/partnerships/{partnership.pk}/review/"
    assert not Notification.objects.filter(recipient=colleague).exists()


def test_update_refuses_a_stale_version_and_keeps_both(partnership, teacher):
    fa = FocusAreaFactory(partnership=partnership, title="Original")
    svc.focus_area_update(focus_area=fa, actor=teacher, expected_version=1, title="First save")
    with pytest.raises(Conflict) as conflict:
        svc.focus_area_update(focus_area=fa, actor=teacher, expected_version=1, title="Second save")
    assert conflict.value.current.title == "First save"
    fa.refresh_from_db()
    assert (fa.title, fa.version) == ("First save", 2)
    assert list(fa.history.values_list("title", flat=True)) == ["First save", "Original"]


def test_revising_a_shared_area_marks_it_revised_and_notifies(partnership, teacher, administrator, run_tasks):
    fa = share_areas(partnership, teacher, n=2)[0]
    run_tasks()
    mail.outbox.clear()
    svc.focus_area_update(focus_area=fa, actor=teacher, expected_version=fa.version, need="A sharper need.")
    fa.refresh_from_db()
    assert fa.status == S.REVISED and fa.version == 2
    run_tasks()
    assert "revised" in mail.outbox[0].subject


def test_unchanged_save_keeps_the_version(partnership, teacher):
    fa = FocusAreaFactory(partnership=partnership)
    svc.focus_area_update(focus_area=fa, actor=teacher, expected_version=1, title=fa.title)
    fa.refresh_from_db()
    assert fa.version == 1


def test_shared_area_cannot_be_deleted(partnership, teacher, administrator):
    fa = share_areas(partnership, teacher, n=2)[0]
    with pytest.raises(PlannerError):
        svc.focus_area_delete(focus_area=fa, actor=teacher)
    assert FocusArea.objects.filter(pk=fa.pk).exists()


def test_evidence_is_a_snapshot_cited_once(partnership, teacher):
    fa = FocusAreaFactory(partnership=partnership)
    args = {"kind": "goal", "ref": "goal:1", "source": "District plan", "text": "Read widely."}
    svc.evidence_add(focus_area=fa, actor=teacher, **args)
    svc.evidence_add(focus_area=fa, actor=teacher, **args)
    assert list(fa.evidence.values_list("source", "text")) == [("District plan", "Read widely.")]


def test_question_requests_clarification_and_answer_notifies(partnership, teacher, administrator, run_tasks):
    fa = share_areas(partnership, teacher, n=2)[0]
    run_tasks()
    mail.outbox.clear()
    q = svc.comment_add(focus_area=fa, author=administrator, kind=Comment.Kind.QUESTION, body="Which grades?")
    fa.refresh_from_db()
    assert fa.status == S.CLARIFICATION_REQUESTED and q.focus_version == 1
    run_tasks()
    assert mail.outbox[-1].to == [teacher.email]
    a = svc.comment_add(focus_area=fa, author=teacher, kind=Comment.Kind.ANSWER, body="Grades 6–8.", parent=q)
    assert a.kind == Comment.Kind.ANSWER and a.parent == q
    run_tasks()
    assert mail.outbox[-1].to == [administrator.email]


def test_digest_readers_are_not_emailed_at_once(partnership, teacher, administrator):
    administrator.notification_preference = administrator.Notify.DIGEST
    administrator.save()
    fa = share_areas(partnership, teacher, n=2)[0]
    svc.comment_add(focus_area=fa, author=teacher, kind=Comment.Kind.COMMENT, body="Note for you.")
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=administrator, emailed_at__isnull=True).count() == 2


def test_comments_on_drafts_are_refused(partnership, teacher):
    fa = FocusAreaFactory(partnership=partnership)
    with pytest.raises(PlannerError):
        svc.comment_add(focus_area=fa, author=teacher, kind=Comment.Kind.COMMENT, body="Hi")


def test_resolve_only_questions(partnership, teacher, administrator):
    fa = share_areas(partnership, teacher, n=2)[0]
    c = svc.comment_add(focus_area=fa, author=administrator, kind=Comment.Kind.COMMENT, body="Nice.")
    with pytest.raises(PlannerError):
        svc.comment_resolve(comment=c, actor=teacher)
    q = svc.comment_add(focus_area=fa, author=administrator, kind=Comment.Kind.QUESTION, body="Why?")
    svc.comment_resolve(comment=q, actor=administrator)
    q.refresh_from_db()
    assert q.resolved and q.resolved_by == administrator and q.resolved_at


def test_choice_needs_both_parties(partnership, teacher, administrator, colleague):
    areas = share_areas(partnership, teacher, n=3)
    choice = svc.choice_propose(focus_area=areas[1], actor=teacher, rationale="Fits the district plan.")
    with pytest.raises(PlannerError, match="both"):
        svc.choice_confirm(choice=choice, actor=teacher)
    with pytest.raises(PlannerError, match="Only the teacher and an administrator"):
        svc.choice_confirm(choice=choice, actor=colleague)
    assert not FocusAreaChoice.objects.filter(confirmed_at__isnull=False).exists()
    svc.choice_confirm(choice=choice, actor=administrator)
    statuses = {fa.pk: fa.status for fa in FocusArea.objects.filter(partnership=partnership)}
    assert statuses == {areas[0].pk: S.SET_ASIDE, areas[1].pk: S.SELECTED, areas[2].pk: S.SET_ASIDE}
    choice.refresh_from_db()
    assert (choice.proposed_by, choice.confirmed_by) == (teacher, administrator)
    assert AuditEvent.objects.filter(action="focus_area.chosen", target_id=str(areas[1].pk)).exists()


def test_second_administrator_cannot_confirm_the_first_ones_proposal(partnership, teacher, administrator):
    second = UserFactory()
    MembershipFactory(partnership=partnership, user=second, role=Membership.Role.ADMINISTRATOR)
    fa = share_areas(partnership, teacher, n=2)[0]
    choice = svc.choice_propose(focus_area=fa, actor=administrator, rationale="Best fit.")
    with pytest.raises(PlannerError, match="the teacher confirms"):
        svc.choice_confirm(choice=choice, actor=second)
    svc.choice_confirm(choice=choice, actor=teacher)
    assert FocusArea.objects.get(pk=fa.pk).status == S.SELECTED


def test_a_new_proposal_replaces_the_open_one_and_withdraw(partnership, teacher, administrator):
    a, b = share_areas(partnership, teacher, n=2)
    first = svc.choice_propose(focus_area=a, actor=teacher, rationale="One.")
    second = svc.choice_propose(focus_area=b, actor=administrator, rationale="Two.")
    first.refresh_from_db()
    assert first.state == "withdrawn" and second.state == "proposed"
    with pytest.raises(PlannerError):
        svc.choice_withdraw(choice=second, actor=teacher)
    svc.choice_withdraw(choice=second, actor=administrator)
    second.refresh_from_db()
    assert second.state == "withdrawn"
    with pytest.raises(PlannerError):
        svc.choice_confirm(choice=second, actor=teacher)


def test_no_proposal_after_a_confirmed_choice(partnership, teacher, administrator):
    a, b = share_areas(partnership, teacher, n=2)
    svc.choice_confirm(choice=svc.choice_propose(focus_area=a, actor=teacher, rationale="x"), actor=administrator)
    with pytest.raises(PlannerError):
        svc.choice_propose(focus_area=b, actor=administrator, rationale="y")


def test_agenda_generated_from_shared_areas_and_open_questions(partnership, teacher, administrator):
    a, b = share_areas(partnership, teacher, n=2)
    svc.comment_add(focus_area=a, author=administrator, kind=Comment.Kind.QUESTION, body="Which grades?")
    resolved = svc.comment_add(focus_area=b, author=administrator, kind=Comment.Kind.QUESTION, body="Done?")
    svc.comment_resolve(comment=resolved, actor=administrator)
    texts = [i.text for i in svc.agenda_generate(partnership=partnership, actor=teacher)]
    assert any("Area 1" in t and "Review" in t for t in texts)
    assert any("Area 2" in t and "Review" in t for t in texts)
    assert any("Which grades?" in t for t in texts)
    assert not any("Done?" in t for t in texts)


def test_agenda_edit_remove_reorder(partnership, teacher):
    one = svc.agenda_item_add(partnership=partnership, actor=teacher, text="One")
    two = svc.agenda_item_add(partnership=partnership, actor=teacher, text="Two")
    three = svc.agenda_item_add(partnership=partnership, actor=teacher, text="Three")
    svc.agenda_item_move(item=three, actor=teacher, direction=-1)
    assert [i.text for i in partnership.agenda_items.all()] == ["One", "Three", "Two"]
    svc.agenda_item_move(item=one, actor=teacher, direction=-1)  # already first: no change
    svc.agenda_item_update(item=two, actor=teacher, text="Second thing")
    svc.agenda_item_delete(item=one, actor=teacher)
    assert [i.text for i in partnership.agenda_items.all()] == ["Three", "Second thing"]
    with pytest.raises(PlannerError):
        svc.agenda_item_add(partnership=partnership, actor=teacher, text="  ")


def test_evidence_is_cited_with_a_trimmed_excerpt_the_teacher_can_rewrite(partnership, teacher):
    fa = FocusAreaFactory(partnership=partnership, created_by=teacher)
    text = "First words of my notes. " + "x " * 400
    ev = svc.evidence_add(focus_area=fa, actor=teacher, kind="insight", ref="insight:9", source="Notes", text=text)
    assert ev.text == text
    assert ev.excerpt.startswith("First words of my notes.") and len(ev.excerpt) <= 400
    svc.evidence_excerpt_update(evidence=ev, actor=teacher, excerpt="  Only this part.  ")
    ev.refresh_from_db()
    assert ev.shown == "Only this part."
    with pytest.raises(PlannerError, match="400 characters") as error:
        svc.evidence_excerpt_update(evidence=ev, actor=teacher, excerpt="y" * 401)
    assert error.value.field == "excerpt"
    with pytest.raises(PlannerError):
        svc.evidence_excerpt_update(evidence=ev, actor=teacher, excerpt="   ")
