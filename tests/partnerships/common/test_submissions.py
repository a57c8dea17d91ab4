"""A post sent twice with the same submission key does its work once (double click, retry)."""

import re
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coursework.evaluation.models import RATING_QUESTIONS
from coursework.models import (
    Cohort,
    CohortInvitation,
    Collaborative,
    CollaborativeInvitation,
    CourseEvaluation,
    Feedback,
    Post,
    Reminder,
    Reply,
    Report,
    ResearchSource,
    RosterImport,
    StrategicGoal,
)
from partnerships.common.models import Submission
from partnerships.common.submissions import FIELD, prune_submissions
from partnerships.models import (
    ActionPlan,
    AgendaItem,
    AgreementConfirmation,
    Comment,
    ExternalPartner,
    FocusArea,
    FocusAreaChoice,
    FocusAreaEvidence,
    Idea,
    InterviewQuestion,
    Invitation,
    Meeting,
    MeetingNextStep,
    Membership,
    Opportunity,
    Outcome,
    OutcomeReading,
    Partnership,
    PlanComment,
    ReviewMeeting,
    Stakeholder,
    Step,
    TouchPoint,
)
from partnerships.sustain.services import agreement_save
from tests.coursework.factories import (
    CohortInvitationFactory,
    CollaborativeFactory,
    CollaborativeMembershipFactory,
    EnrollmentFactory,
    PostFactory,
)
from tests.partnerships.factories import (
    ActionPlanFactory,
    AgendaItemFactory,
    CommentFactory,
    FocusAreaFactory,
    IdeaFactory,
    InvitationFactory,
    MeetingFactory,
    OutcomeFactory,
    SelectedFocusAreaFactory,
    TouchPointFactory,
    UserFactory,
)
from tests.partnerships.focus.fixtures import registered_evidence


@dataclass
class World:
    teacher: object
    administrator: object
    instructor: object
    enrollment: object
    partnership: object
    cohort: object


@dataclass
class Case:
    user: object
    url: str
    data: dict
    # What the post creates (or sends); counted before and after.
    count: object


def partnerships_url(name, *args):
    return reverse(f"partnerships:{name}", args=args)


def coursework_url(name, *args):
    return reverse(f"coursework:{name}", args=args)


def _plan(w):
    return ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=w.partnership))


def _shared(w):
    return FocusAreaFactory(partnership=w.partnership, status=FocusArea.Status.SHARED)


def _group(w):
    group = CollaborativeFactory(cohort=w.cohort, created_by=w.instructor)
    CollaborativeMembershipFactory(collaborative=group, user=w.teacher)
    return group


def _classmate(w):
    return EnrollmentFactory(cohort=w.cohort).teacher


# --- The create routes, each with a valid body ----------------------------------------------


def partnership_create(w):
    data = {"title": "Reading together", "school": "Hill School", "district": "North"}
    return Case(w.teacher, partnerships_url("create"), data, Partnership.objects.count)


def partnership_invite(w):
    data = {"email": "new.colleague@school.test", "role": Membership.Role.COLLEAGUE}
    return Case(w.teacher, partnerships_url("invite", w.partnership.pk), data, Invitation.objects.count)


def partnership_invitation_resend(w):
    invitation = InvitationFactory(partnership=w.partnership, invited_by=w.teacher)
    url = partnerships_url("invitation_resend", invitation.pk)
    return Case(w.teacher, url, {}, lambda: Invitation.objects.filter(pk=invitation.pk).values("expires_at").get())


def focus_comment(w):
    fa = _shared(w)
    data = {f"comment{fa.pk}-kind": "comment", f"comment{fa.pk}-body": "Looks good."}
    return Case(w.administrator, partnerships_url("comment_create", fa.pk), data, Comment.objects.count)


def focus_reply(w):
    fa = _shared(w)
    parent = CommentFactory(focus_area=fa, author=w.administrator, kind=Comment.Kind.QUESTION)
    data = {"parent": parent.pk, f"reply{parent.pk}-body": "Grade 6."}
    return Case(w.teacher, partnerships_url("comment_create", fa.pk), data, Comment.objects.count)


def focus_choice_propose(w):
    fa = _shared(w)
    data = {f"choice{fa.pk}-rationale": "It fits."}
    return Case(w.teacher, partnerships_url("choice_propose", fa.pk), data, FocusAreaChoice.objects.count)


def second_meeting_schedule(w):
    data = {
        "date": "2027-03-01",
        "time": "15:30",
        "time_zone": "America/Denver",
        "duration_minutes": "45",
        "location": "Library",
    }
    url = partnerships_url("second_meeting_schedule", w.partnership.pk)
    return Case(w.teacher, url, data, ReviewMeeting.objects.count)


def second_meeting_record(w):
    ReviewMeeting.objects.create(partnership=w.partnership, starts_at=timezone.now() - timedelta(days=1))
    data = {
        "clarifications": "Start with one grade.",
        "steps-TOTAL_FORMS": "1",
        "steps-INITIAL_FORMS": "0",
        "steps-0-text": "Draft the action plan",
        "steps-0-owner": "",
        "steps-0-due_on": "",
    }
    url = partnerships_url("second_meeting_record", w.partnership.pk)
    return Case(w.teacher, url, data, MeetingNextStep.objects.count)


def agenda_generate(w):
    _shared(w)
    return Case(w.teacher, partnerships_url("agenda_generate", w.partnership.pk), {}, AgendaItem.objects.count)


def agenda_item_add(w):
    url = partnerships_url("agenda_item_add", w.partnership.pk)
    return Case(w.teacher, url, {"text": "Any other business"}, AgendaItem.objects.count)


def plan_start(w):
    SelectedFocusAreaFactory(partnership=w.partnership)
    return Case(w.teacher, partnerships_url("plan_start", w.partnership.pk), {}, ActionPlan.objects.count)


def plan_follow_focus_anew(w):
    plan = _plan(w)
    plan.focus_area.selected = False
    plan.focus_area.save()
    SelectedFocusAreaFactory(partnership=w.partnership, title="The new choice")
    url = partnerships_url("plan_follow_focus", w.partnership.pk)
    return Case(w.teacher, url, {"decision": "anew"}, ActionPlan.objects.count)


def idea_add(w):
    _plan(w)
    url = partnerships_url("idea_add", w.partnership.pk)
    return Case(w.teacher, url, {"text": "Book tasting in advisory"}, Idea.objects.count)


def idea_promote(w):
    idea = IdeaFactory(plan=_plan(w))
    url = partnerships_url("idea_promote", w.partnership.pk, idea.pk, "step")
    return Case(w.teacher, url, {}, Step.objects.count)


def plan_comment_add(w):
    _plan(w)
    url = partnerships_url("comment_add", w.partnership.pk)
    return Case(w.administrator, url, {"text": "Nice start."}, PlanComment.objects.count)


def item_new(kind, model, data, *, on_plan=False):
    def build(w):
        if on_plan:
            _plan(w)
        url = partnerships_url("item_new", w.partnership.pk, kind)
        return Case(w.teacher, url, {"version": "", **data}, model.objects.count)

    build.__name__ = f"item_new_{kind}"
    return build


ITEMS = [
    item_new(
        "outcome",
        Outcome,
        {"measure": "Weekly readers (%)", "baseline": "23", "target": "50", "target_date": "2027-06-01"},
        on_plan=True,
    ),
    item_new("step", Step, {"title": "Survey readers", "status": "not_started"}, on_plan=True),
    item_new("idea", Idea, {"text": "Reading buddies"}, on_plan=True),
    item_new("stakeholder", Stakeholder, {"level": "district", "group": "parents", "name": "District PTA"}),
    item_new(
        "partner",
        ExternalPartner,
        {"name": "City library", "kind": "community", "role": "collaborative", "need": "Books"},
    ),
    item_new(
        "touchpoint",
        TouchPoint,
        {
            "title": "First review",
            "date": "2027-01-12",
            "time": "15:30",
            "time_zone": "America/Chicago",
            "duration_minutes": "30",
        },
    ),
]


def agreement_confirm(w):
    agreement = agreement_save(partnership=w.partnership, by=w.teacher, expected_version=0, shared_goals="Read more")
    url = partnerships_url("agreement_confirm", w.partnership.pk)
    return Case(w.administrator, url, {"version": agreement.version}, AgreementConfirmation.objects.count)


def touch_point_record(w):
    outcome = OutcomeFactory(plan=_plan(w))
    tp = TouchPointFactory(partnership=w.partnership)
    # Held early if it is dated later: saying so is part of the form then.
    data = {"version": tp.version, "reflections": "Going well.", f"outcome_{outcome.pk}": "30", "held_early": "on"}
    url = partnerships_url("touch_point_record", w.partnership.pk, tp.pk)
    return Case(w.teacher, url, data, OutcomeReading.objects.count)


def collaborative_create(w):
    data = {"name": "Our group", "norms": "Be kind", "members": [_classmate(w).pk]}
    url = coursework_url("collaborative_create", w.cohort.pk)
    return Case(w.teacher, url, data, Collaborative.objects.count)


def collaborative_post(w):
    url = coursework_url("collaborative_post_create", _group(w).pk)
    return Case(w.teacher, url, {"body": "Here is our plan."}, Post.objects.count)


def collaborative_reply(w):
    post = PostFactory(collaborative=_group(w), author=w.teacher)
    url = coursework_url("collaborative_reply", post.pk)
    return Case(w.teacher, url, {"body": "Why that one?", "tag": "challenge"}, Reply.objects.count)


def collaborative_report(w):
    group = _group(w)
    peer = _classmate(w)
    CollaborativeMembershipFactory(collaborative=group, user=peer)
    post = PostFactory(collaborative=group, author=peer)
    url = coursework_url("collaborative_post_report", post.pk)
    return Case(w.teacher, url, {"reason": "Names a pupil"}, Report.objects.count)


def collaborative_invite(w):
    group = _group(w)
    url = coursework_url("collaborative_members", group.pk)
    return Case(w.teacher, url, {"people": [_classmate(w).pk]}, CollaborativeInvitation.objects.count)


def cohort_new(w):
    data = {
        "course": w.cohort.course.pk,
        "name": "Spring cohort",
        "term": "Spring 2027",
        "starts_on": "2027-01-10",
        "ends_on": "2027-04-30",
        "is_open": "on",
        "instructor_emails": "",
    }
    return Case(w.instructor, coursework_url("cohort_new"), data, Cohort.objects.count)


def cohort_invite(w):
    data = {"email": "nia@school.test", "first_name": "Nia", "last_name": "Novak"}
    url = coursework_url("cohort_invite", w.cohort.pk)
    return Case(w.instructor, url, data, CohortInvitation.objects.count)


def cohort_invitation_resend(w):
    invitation = CohortInvitationFactory(cohort=w.cohort, invited_by=w.instructor)
    url = coursework_url("invitation_resend", invitation.pk)
    return Case(
        w.instructor, url, {}, lambda: CohortInvitation.objects.filter(pk=invitation.pk).values("expires_at").get()
    )


def roster_upload(w):
    url = coursework_url("roster_upload", w.cohort.pk)
    # The upload is stored at once; its invitations follow from the worker.
    case = Case(w.instructor, url, {}, RosterImport.objects.count)
    case.files = lambda: {
        "roster": SimpleUploadedFile(
            "roster.csv", b"email,first_name,last_name\nrae@school.test,Rae,Reed\n", content_type="text/csv"
        )
    }
    return case


def reminders_send(w):
    data = {"stage": "mindsets", "scope": "selected", "enrollment": [w.enrollment.pk]}
    url = coursework_url("reminders_send", w.cohort.pk)
    return Case(w.instructor, url, data, Reminder.objects.count)


def evaluation(w):
    data = {q.field: "4" for q in RATING_QUESTIONS} | {"comment_worked": "The meetings.", "comment_change": ""}
    url = coursework_url("evaluation", w.enrollment.pk)
    return Case(w.teacher, url, data, CourseEvaluation.objects.count)


def stage_feedback(w):
    url = coursework_url("stage_review", w.enrollment.pk, "mindsets")
    return Case(w.instructor, url, {"text": "Good thinking."}, Feedback.objects.count)


def research_source(w):
    data = {"title": "Board minutes", "kind": "board_minutes", "url": "", "notes": "Literacy plan."}
    url = coursework_url("research_source_add", w.enrollment.pk)
    return Case(w.teacher, url, data, ResearchSource.objects.count)


def research_goal(w):
    data = {"statement": "Increase family engagement in literacy", "level": "district"}
    url = coursework_url("research_goal_add", w.enrollment.pk)
    return Case(w.teacher, url, data, StrategicGoal.objects.count)


def focus_area_draft(w):
    data = {
        "action": "create",
        "title": "Reading for pleasure",
        "need": "Fewer students read for fun.",
        "serves": ["serves_students"],
        "rationale": "District goal.",
    }
    url = coursework_url("stage", w.enrollment.pk, "focus-areas")
    return Case(w.teacher, url, data, FocusArea.objects.count)


def focus_evidence(w):
    fa = FocusAreaFactory(partnership=w.partnership)
    url = coursework_url("focus_evidence_add", w.enrollment.pk, fa.pk)
    return Case(w.teacher, url, {f"fa{fa.pk}-ref": "goal:1"}, FocusAreaEvidence.objects.count)


def first_meeting_save(w):
    data = {
        "attendee_name": "Pat Principal",
        "date": "2026-12-03",
        "time": "15:30",
        "time_zone": "America/Denver",
        "duration_minutes": "30",
        "location": "Main office",
        "video_link": "",
    }
    url = coursework_url("first_meeting_save", w.enrollment.pk)
    return Case(w.teacher, url, data, Meeting.objects.count)


def first_meeting_invite(w):
    data = {"email": "vice.principal@school.test", "role": Membership.Role.ADMINISTRATOR}
    url = coursework_url("first_meeting_invite", w.enrollment.pk)
    return Case(w.teacher, url, data, Invitation.objects.count)


def first_meeting_question(w):
    MeetingFactory(partnership=w.partnership)
    url = coursework_url("first_meeting_question_add", w.enrollment.pk)
    return Case(w.teacher, url, {"new-question-text": "Who else should join?"}, InterviewQuestion.objects.count)


def first_meeting_opportunity(w):
    MeetingFactory(partnership=w.partnership)
    url = coursework_url("first_meeting_opportunity_add", w.enrollment.pk)
    return Case(w.teacher, url, {"new-opportunity-text": "Family literacy nights"}, Opportunity.objects.count)


CASES = [
    partnership_create,
    partnership_invite,
    partnership_invitation_resend,
    focus_comment,
    focus_reply,
    focus_choice_propose,
    second_meeting_schedule,
    second_meeting_record,
    agenda_generate,
    agenda_item_add,
    plan_start,
    plan_follow_focus_anew,
    idea_add,
    idea_promote,
    plan_comment_add,
    *ITEMS,
    agreement_confirm,
    touch_point_record,
    collaborative_create,
    collaborative_post,
    collaborative_reply,
    collaborative_report,
    collaborative_invite,
    cohort_new,
    cohort_invite,
    cohort_invitation_resend,
    roster_upload,
    reminders_send,
    evaluation,
    stage_feedback,
    research_source,
    research_goal,
    focus_area_draft,
    focus_evidence,
    first_meeting_save,
    first_meeting_invite,
    first_meeting_question,
    first_meeting_opportunity,
]


@pytest.fixture
def world(teacher, administrator, instructor, enrollment, partnership, cohort):
    with registered_evidence():
        yield World(teacher, administrator, instructor, enrollment, partnership, cohort)


def _post(client, case, key):
    data = {**case.data, FIELD: str(key)}
    files = getattr(case, "files", None)
    if files:
        data.update(files())
    return client.post(case.url, data)


def _errors(response):
    html = response.content.decode()
    return re.findall(r"(?:invalid-feedback|alert-danger|errorlist)[^>]*>(.*?)</", html, flags=re.S) or html[-3000:]


def _answer(response):
    return response.status_code, response.get("Location"), response.content


@pytest.mark.parametrize("build", CASES, ids=[c.__name__ for c in CASES])
def test_the_same_post_twice_does_the_work_once(build, world, client_for, mailoutbox):
    case = build(world)
    client = client_for(case.user)
    before = case.count()
    key = uuid.uuid4()

    first = _post(client, case, key)
    assert first.status_code in (200, 302), _errors(first)
    after_first = case.count()
    assert after_first != before, "the first post should have done its work"
    sent = len(mailoutbox)

    second = _post(client, case, key)
    assert case.count() == after_first
    assert _answer(second) == _answer(first)
    assert len(mailoutbox) == sent


@pytest.mark.parametrize("build", [focus_comment, idea_add, agenda_item_add, research_source], ids=lambda c: c.__name__)
def test_two_keys_are_two_posts(build, world, client_for):
    case = build(world)
    client = client_for(case.user)
    before = case.count()
    _post(client, case, uuid.uuid4())
    _post(client, case, uuid.uuid4())
    assert case.count() == before + 2


def test_a_post_without_a_key_works_as_before(world, client_for):
    case = idea_add(world)
    client = client_for(case.user)
    client.post(case.url, case.data)
    client.post(case.url, case.data)
    assert Idea.objects.count() == 2
    assert not Submission.objects.exists()


def test_the_same_key_with_other_content_is_a_new_post(world, client_for):
    case = idea_add(world)
    client = client_for(case.user)
    key = uuid.uuid4()
    client.post(case.url, {"text": "First idea", FIELD: str(key)})
    client.post(case.url, {"text": "Another idea", FIELD: str(key)})
    assert sorted(Idea.objects.values_list("text", flat=True)) == ["Another idea", "First idea"]


def test_a_rejected_post_frees_its_key_for_the_corrected_one(world, client_for):
    case = agenda_item_add(world)
    client = client_for(case.user)
    key = uuid.uuid4()
    assert client.post(case.url, {"text": "", FIELD: str(key)}).status_code == 400
    assert not Submission.objects.exists()
    assert client.post(case.url, {"text": "Fixed", FIELD: str(key)}).status_code == 302
    assert AgendaItem.objects.filter(text="Fixed").count() == 1


def test_someone_else_with_the_same_key_is_not_answered_with_my_page(world, client_for):
    fa = _shared(world)
    url = partnerships_url("comment_create", fa.pk)
    key = str(uuid.uuid4())
    data = {f"comment{fa.pk}-kind": "comment", f"comment{fa.pk}-body": "Looks good.", FIELD: key}
    client_for(world.administrator).post(url, data)
    client_for(world.teacher).post(url, data)
    assert sorted(Comment.objects.values_list("author_id", flat=True)) == sorted(
        [world.administrator.pk, world.teacher.pk]
    )


def test_an_htmx_fragment_is_answered_again(world, client_for):
    case = research_source(world)
    client = client_for(case.user)
    data = {**case.data, FIELD: str(uuid.uuid4())}
    first = client.post(case.url, data, HTTP_HX_REQUEST="true")
    second = client.post(case.url, data, HTTP_HX_REQUEST="true")
    assert first.status_code == 200 and "Saved at" in first.content.decode()
    assert (second.status_code, second.content, second["Content-Type"]) == (
        first.status_code,
        first.content,
        first["Content-Type"],
    )
    assert ResearchSource.objects.count() == 1


def test_old_answers_are_pruned(world):
    old = Submission.objects.create(user=world.teacher, key=uuid.uuid4(), fingerprint="x", status=302)
    fresh = Submission.objects.create(user=world.teacher, key=uuid.uuid4(), fingerprint="y", status=302)
    Submission.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert prune_submissions() == 1
    assert list(Submission.objects.values_list("pk", flat=True)) == [fresh.pk]


# --- The key is in the forms -------------------------------------------------------------

KEY_INPUT = re.compile(r'<input type="hidden" name="submission_key" value="([0-9a-f-]{36})">')


def _forms(html):
    return re.findall(r"<form\b[^>]*method=\"post\"[^>]*>.*?</form>", html, flags=re.S | re.I)


def test_every_post_form_on_the_review_page_carries_its_own_key(world, client_for):
    fa = _shared(world)
    CommentFactory(focus_area=fa, author=world.administrator, kind=Comment.Kind.QUESTION)
    page = client_for(world.administrator).get(partnerships_url("review", world.partnership.pk)).content.decode()
    forms = _forms(page)
    comment_forms = [f for f in forms if reverse("partnerships:comment_create", args=[fa.pk]) in f]
    assert len(comment_forms) >= 2  # the new comment and the reply
    keys = [KEY_INPUT.search(f) for f in forms]
    assert all(keys), [f[:200] for f, k in zip(forms, keys, strict=True) if not k]
    values = [k.group(1) for k in keys]
    assert len(set(values)) == len(values)


def test_the_partnership_page_forms_carry_a_key_and_a_new_one_each_time(world, client_for):
    client = client_for(world.teacher)
    url = partnerships_url("detail", world.partnership.pk)
    first = _forms(client.get(url).content.decode())
    assert first and all(KEY_INPUT.search(f) for f in first)
    again = _forms(client.get(url).content.decode())
    assert KEY_INPUT.search(first[0]).group(1) != KEY_INPUT.search(again[0]).group(1)


def test_the_plan_page_forms_carry_a_key(world, client_for):
    _plan(world)
    forms = _forms(client_for(world.teacher).get(partnerships_url("plan", world.partnership.pk)).content.decode())
    assert forms and all(KEY_INPUT.search(f) for f in forms)


# --- Two posts at the same moment ----------------------------------------------------------


def _in_memory_sqlite():
    from django.db import connection

    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_second_post_waits_and_gets_the_first_answer():
    """The second request blocks on the key until the first commits, then replays it."""
    import threading

    from django.db import connection
    from django.http import HttpResponseRedirect
    from django.test import RequestFactory

    from partnerships.common.submissions import once_per_submission

    if _in_memory_sqlite():
        pytest.skip("an in-memory SQLite database has no locks to wait on across threads")
    user = UserFactory()
    inside, release = threading.Event(), threading.Event()
    runs = []

    @once_per_submission
    def view(request):
        runs.append(threading.get_ident())
        AgendaItemFactory(partnership=partnership, text=f"run {len(runs)}")
        inside.set()
        release.wait(10)
        return HttpResponseRedirect(f"/done/{len(runs)}/")

    partnership = ActionPlanFactory().partnership
    key = str(uuid.uuid4())
    answers = {}

    def post(name):
        request = RequestFactory().post("/agenda/", {"text": "Any other business", FIELD: key})
        request.user = user
        try:
            answers[name] = view(request)
        finally:
            connection.close()

    first = threading.Thread(target=post, args=("first",))
    first.start()
    assert inside.wait(10)
    second = threading.Thread(target=post, args=("second",))
    second.start()
    second.join(0.5)
    assert second.is_alive(), "the second post should wait for the first one's key"
    release.set()
    first.join(10)
    second.join(10)
    assert len(runs) == 1
    assert AgendaItem.objects.filter(partnership=partnership).count() == 1
    assert answers["second"]["Location"] == answers["first"]["Location"] == "/done/1/"
