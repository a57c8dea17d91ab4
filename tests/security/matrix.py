"""The permission matrix: one entry per named URL, stating each role's answer.

Add a route by adding one entry to ROUTES:

    "app:name": route(kwargs=lambda s: {"pk": s.partnership.pk}, get=MEMBERS_READ, post=OWNER_POST),

`kwargs` builds the URL's arguments from a `world.Side` (the objects of one partnership
and cohort). The test calls it for the main side with every role, and — unless
`idor=False` — for the second partnership/cohort, where each role's expected answer is
that of its mirror (see world.MIRROR: the main owner is a stranger to the other side).

Expected answers: an HTTP status (200, 302, 400, 403, 404, 405, 410) or LOGIN, meaning a
redirect to the sign-in page. POSTs send an empty body; no case may ever raise or 500.
"""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.security.world import ROLES

LOGIN = "login"  # 302 to the sign-in page


def expect(default, **overrides):
    """Every role answers `default` except the ones named."""
    unknown = set(overrides) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: overrides.get(role, default) for role in ROLES}


SIGNED_IN_ROLES = [r for r in ROLES if r != "anonymous"]

# --- Shorthands ---------------------------------------------------------------------------
PUBLIC = expect(200)
SIGNED_IN = expect(200, anonymous=LOGIN)
SIGNED_IN_405 = expect(405, anonymous=LOGIN)
NOT_ALLOWED = expect(405)
OWNER_ONLY = expect(404, anonymous=LOGIN, owner=200)
OWNER_POST = expect(404, anonymous=LOGIN, owner=302)
INSTRUCTOR_ONLY = expect(404, anonymous=LOGIN, instructor=200)
INSTRUCTOR_POST = expect(404, anonymous=LOGIN, instructor=302)
INSTRUCTOR_POST_INVALID = expect(404, anonymous=LOGIN, instructor=400)
# Anyone who already teaches a cohort (or staff) may open a new one.
COHORT_CREATORS = expect(404, anonymous=LOGIN, instructor=200, other_instructor=200, staff=200)
# Members of the partnership (lead teacher, administrator, colleague) and the teacher's
# instructor read it; everyone else gets 404.
MEMBERS_READ = expect(404, anonymous=LOGIN, owner=200, administrator=200, colleague=200, instructor=200)
STAFF_ONLY = expect(404, anonymous=LOGIN, staff=200)
# A thought-partner group: its members (the owner and the collaborative member) and the
# cohort's instructor read it.
GROUP_READ = expect(404, anonymous=LOGIN, owner=200, collaborative_member=200, instructor=200)
GROUP_INVALID = expect(404, anonymous=LOGIN, owner=400, collaborative_member=400, instructor=400)
MEMBERS_ONLY = expect(404, anonymous=LOGIN, owner=200, collaborative_member=200)
MEMBERS_INVALID = expect(404, anonymous=LOGIN, owner=400, collaborative_member=400)
OWNER_INVALID = expect(404, anonymous=LOGIN, owner=400)
OWNER_INSTRUCTOR_READ = expect(404, anonymous=LOGIN, owner=200, instructor=200)
# People of the cohort: its teachers and its instructor.
COHORT_PEOPLE = GROUP_READ
COHORT_PEOPLE_INVALID = GROUP_INVALID


class Route:
    def __init__(self, *, get, post, kwargs=None, idor=True, post_data=None):
        self.get = get
        self.post = post
        # A minimal valid body, for endpoints that check the body before the object
        # (otherwise strangers would only ever be probed with a 400).
        self.post_data = post_data
        self.kwargs = kwargs or (lambda side: {})
        self.idor = idor and kwargs is not None

    def expected(self, method):
        return self.get if method == "GET" else self.post


route = Route


# The two who decide together (lead teacher and administrator): the focus-area choice,
# the second meeting, and co-editing the action plan.
DECIDERS = expect(404, anonymous=LOGIN, owner=200, administrator=200)
DECIDERS_POST = expect(404, anonymous=LOGIN, owner=302, administrator=302)
DECIDERS_INVALID = expect(404, anonymous=LOGIN, owner=400, administrator=400)
# Members comment (the lead teacher, administrator and colleagues); instructors only read.
COMMENTERS_INVALID = expect(404, anonymous=LOGIN, owner=400, administrator=400, colleague=400)
COMMENTERS_POST = expect(404, anonymous=LOGIN, owner=302, administrator=302, colleague=302)
# Autosave answers 401 (not a redirect) to a signed-out browser so the page can keep the text.
OWNER_AUTOSAVE = expect(404, anonymous=401, owner=200)


# --- Builders -----------------------------------------------------------------------------
def partnership_pk(s):
    return {"pk": s.partnership.pk}


def cohort_pk(s):
    return {"pk": s.cohort.pk}


def invitation_pk(s):
    return {"pk": s.invitation.pk}


def cohort_invitation_pk(s):
    return {"pk": s.cohort_invitation.pk}


def invitation_token(s):
    return {"token": s.invitation.raw_token}


def roster_import_pk(s):
    return {"pk": s.extra["roster_import"].pk}


def cohort_invitation_token(s):
    return {"token": s.cohort_invitation.raw_token}


def enrollment_pk(s):
    return {"pk": s.enrollment.pk}


def review(slug):
    return lambda s: {"enrollment_pk": s.enrollment.pk, "slug": slug}


def extra_pk(key):
    return lambda s: {"pk": s.extra[key].pk}


def reflection(with_version=False):
    def build(s):
        kwargs = {"enrollment_pk": s.enrollment.pk, "prompt_pk": s.extra["reflection"].prompt_id}
        if with_version:
            kwargs["history_id"] = s.extra["reflection_history_id"]
        return kwargs

    return build


def membership_pk(s):
    return {"pk": s.membership.pk}


def stage(slug):
    return lambda s: {"enrollment_pk": s.enrollment.pk, "slug": slug}


def reset_token(s):
    user = s.teacher
    return {"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)}


def enr(s):
    return {"enrollment_pk": s.enrollment.pk}


def enr_pk(key, name="pk"):
    return lambda s: {"enrollment_pk": s.enrollment.pk, name: s.extra[key].pk}


def tp(s):
    return {"pk": s.partnership.pk, "tp_pk": s.extra["touch_point"].pk}


def item(kind, key=None):
    def build(s):
        kwargs = {"pk": s.partnership.pk, "kind": kind}
        if key:
            kwargs["item_pk"] = s.extra[key].pk
        return kwargs

    return build


# Stages are pages of one enrollment; every slug answers the same, so one is probed.
# --- The table ----------------------------------------------------------------------------
ROUTES = {
    # Home: every signed-in person has one.
    "home": route(get=SIGNED_IN, post=SIGNED_IN),
    # Accounts. Signed-in people visiting the sign-in page go home.
    "login": route(get=expect(302, anonymous=200), post=expect(302, anonymous=200)),
    "logout": route(get=NOT_ALLOWED, post=expect(LOGIN)),
    "password_change": route(get=SIGNED_IN, post=SIGNED_IN),
    "password_change_done": route(get=SIGNED_IN, post=SIGNED_IN_405),
    "password_reset": route(get=PUBLIC, post=PUBLIC),
    "password_reset_done": route(get=PUBLIC, post=NOT_ALLOWED),
    # A valid link moves the token into the session and redirects to the set-password form.
    "password_reset_confirm": route(kwargs=reset_token, idor=False, get=expect(302), post=expect(302)),
    "password_reset_complete": route(get=PUBLIC, post=NOT_ALLOWED),
    "profile": route(get=SIGNED_IN, post=SIGNED_IN),
    # The benchmark floor: a signed-in "ok", nothing to write.
    "ping": route(get=SIGNED_IN, post=NOT_ALLOWED),
    # Invitation links: whoever holds the secret token may open it, but only the invited
    # address may accept. The world's invitations go to addresses no role signs in with, so
    # every signed-in role is told it is someone else's (403 on accepting, nothing joined);
    # a new person's empty form is re-shown (200).
    "invitation_accept": route(kwargs=invitation_token, idor=False, get=PUBLIC, post=expect(403, anonymous=200)),
    "coursework:invitation_accept": route(
        kwargs=cohort_invitation_token, idor=False, get=PUBLIC, post=expect(403, anonymous=200)
    ),
    # Partnerships.
    "partnerships:create": route(get=SIGNED_IN, post=SIGNED_IN),
    "partnerships:detail": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:invite": route(kwargs=partnership_pk, get=OWNER_ONLY, post=OWNER_ONLY),
    "partnerships:invitation_resend": route(kwargs=invitation_pk, get=SIGNED_IN_405, post=OWNER_POST),
    "partnerships:invitation_revoke": route(kwargs=invitation_pk, get=SIGNED_IN_405, post=OWNER_POST),
    # Members: only the lead teacher changes roles or removes members (never themselves).
    "partnerships:member_role": route(kwargs=membership_pk, get=SIGNED_IN_405, post=OWNER_POST),
    "partnerships:member_remove": route(kwargs=membership_pk, get=SIGNED_IN_405, post=OWNER_POST),
    # Staff pages. Non-staff get 404, as for anything outside their reach.
    "audit": route(get=STAFF_ONLY, post=STAFF_ONLY),
    # Cohorts (instructors).
    "coursework:cohort_detail": route(kwargs=cohort_pk, get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY),
    "coursework:cohort_invite": route(kwargs=cohort_pk, get=SIGNED_IN_405, post=INSTRUCTOR_POST_INVALID),
    "coursework:roster_upload": route(kwargs=cohort_pk, get=SIGNED_IN_405, post=INSTRUCTOR_POST_INVALID),
    "coursework:roster_import_detail": route(kwargs=roster_import_pk, get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY),
    "coursework:roster_import_status": route(kwargs=roster_import_pk, get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY),
    "coursework:invitation_resend": route(kwargs=cohort_invitation_pk, get=SIGNED_IN_405, post=INSTRUCTOR_POST),
    "coursework:invitation_revoke": route(kwargs=cohort_invitation_pk, get=SIGNED_IN_405, post=INSTRUCTOR_POST),
    # An empty POST leaves these forms unbound (`request.POST or None`): the page again, 200.
    "coursework:cohort_new": route(get=COHORT_CREATORS, post=COHORT_CREATORS),
    "coursework:cohort_edit": route(kwargs=cohort_pk, get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY),
    "coursework:cohort_dashboard": route(kwargs=cohort_pk, get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY),
    "coursework:cohort_dashboard_csv": route(kwargs=cohort_pk, get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY),
    "coursework:reminders_send": route(kwargs=cohort_pk, get=SIGNED_IN_405, post=INSTRUCTOR_POST_INVALID),
    "coursework:reminder_template": route(kwargs=cohort_pk, get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY),
    "coursework:evaluation_results": route(kwargs=cohort_pk, get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY),
    # The instructor reads a teacher's stage and gives feedback.
    "coursework:stage_review": route(kwargs=review("mindsets"), get=INSTRUCTOR_ONLY, post=INSTRUCTOR_POST_INVALID),
    # The teacher's own course evaluation.
    "coursework:evaluation": route(kwargs=enrollment_pk, get=OWNER_ONLY, post=OWNER_ONLY),
    # The course portfolio carries private stage work: the reflections' audience only.
    "coursework:portfolio_pdf": route(kwargs=enr, get=OWNER_INSTRUCTOR_READ, post=SIGNED_IN_405),
    # Reflections: autosave, versions and restore are the teacher's own.
    "coursework:reflection_autosave": route(
        kwargs=reflection(),
        post_data=lambda s: {"field": "text", "value": "probe", "version": s.extra["reflection"].version},
        get=NOT_ALLOWED,
        post=expect(404, anonymous=401, owner=200),
    ),
    # The teacher's instructor reads them too (DESIGN.md §4).
    "coursework:reflection_versions": route(kwargs=reflection(), get=OWNER_INSTRUCTOR_READ, post=OWNER_INSTRUCTOR_READ),
    "coursework:reflection_version": route(
        kwargs=reflection(True), get=OWNER_INSTRUCTOR_READ, post=OWNER_INSTRUCTOR_READ
    ),
    "coursework:reflection_restore": route(kwargs=reflection(True), get=SIGNED_IN_405, post=OWNER_POST),
    # Thought-partner collaboratives: members (owner, collaborative_member) and the
    # cohort's instructor; everyone else 404.
    "coursework:collaborative_list": route(get=SIGNED_IN, post=SIGNED_IN),
    "coursework:collaborative_create": route(
        kwargs=lambda s: {"cohort_pk": s.cohort.pk}, get=COHORT_PEOPLE, post=COHORT_PEOPLE_INVALID
    ),
    "coursework:collaborative_feed": route(kwargs=extra_pk("collaborative"), get=GROUP_READ, post=GROUP_READ),
    # Both members agreed already: agreeing again is refused (400).
    "coursework:collaborative_agree": route(kwargs=extra_pk("collaborative"), get=SIGNED_IN_405, post=MEMBERS_INVALID),
    "coursework:collaborative_prompt": route(kwargs=extra_pk("collaborative"), get=SIGNED_IN_405, post=INSTRUCTOR_POST),
    "coursework:collaborative_post_create": route(
        kwargs=extra_pk("collaborative"), get=SIGNED_IN_405, post=MEMBERS_INVALID
    ),
    "coursework:collaborative_members": route(kwargs=extra_pk("collaborative"), get=GROUP_READ, post=GROUP_INVALID),
    # Members only: the instructor does not see what members deleted or export their posts.
    "coursework:collaborative_deleted": route(kwargs=extra_pk("collaborative"), get=MEMBERS_ONLY, post=MEMBERS_ONLY),
    "coursework:collaborative_reports": route(
        kwargs=extra_pk("collaborative"), get=INSTRUCTOR_ONLY, post=INSTRUCTOR_ONLY
    ),
    "coursework:collaborative_export": route(kwargs=extra_pk("collaborative"), get=MEMBERS_ONLY, post=MEMBERS_ONLY),
    "coursework:collaborative_post": route(kwargs=extra_pk("post"), get=GROUP_READ, post=GROUP_READ),
    "coursework:collaborative_reply": route(kwargs=extra_pk("post"), get=SIGNED_IN_405, post=MEMBERS_INVALID),
    "coursework:collaborative_post_edit": route(kwargs=extra_pk("post"), get=OWNER_ONLY, post=OWNER_INVALID),
    "coursework:collaborative_post_delete": route(kwargs=extra_pk("post"), get=SIGNED_IN_405, post=OWNER_POST),
    "coursework:collaborative_post_restore": route(kwargs=extra_pk("deleted_post"), get=SIGNED_IN_405, post=OWNER_POST),
    "coursework:collaborative_post_report": route(kwargs=extra_pk("post"), get=MEMBERS_ONLY, post=MEMBERS_INVALID),
    "coursework:collaborative_reply_edit": route(kwargs=extra_pk("reply"), get=OWNER_ONLY, post=OWNER_INVALID),
    "coursework:collaborative_reply_delete": route(kwargs=extra_pk("reply"), get=SIGNED_IN_405, post=OWNER_POST),
    "coursework:collaborative_reply_restore": route(
        kwargs=extra_pk("deleted_reply"), get=SIGNED_IN_405, post=OWNER_POST
    ),
    "coursework:collaborative_report_handle": route(kwargs=extra_pk("report"), get=SIGNED_IN_405, post=INSTRUCTOR_POST),
    # The owner is invited to a second group of the cohort.
    "coursework:collaborative_invitation": route(
        kwargs=extra_pk("collaborative_invitation"), get=OWNER_ONLY, post=OWNER_INVALID
    ),
    "coursework:collaborative_invitation_decline": route(
        kwargs=extra_pk("collaborative_invitation"), get=SIGNED_IN_405, post=OWNER_POST
    ),
    # Stage pages: the teacher's own work.
    # POST saves the stage's answers (without JavaScript) and redirects.
    "coursework:stage": route(kwargs=stage("mindsets"), get=OWNER_ONLY, post=OWNER_POST),
    "coursework:stage_submit": route(kwargs=stage("mindsets"), get=SIGNED_IN_405, post=OWNER_POST),
    "coursework:stage_reopen": route(kwargs=stage("mindsets"), get=SIGNED_IN_405, post=OWNER_POST),
    # Members read these pages; GET-style pages answer a POST the same way (nothing is written).
    # --- Stages 2–4: the teacher's own input work (DESIGN.md §4) --------------------------
    "coursework:self_reflection_results": route(kwargs=enr, get=OWNER_INSTRUCTOR_READ, post=OWNER_INSTRUCTOR_READ),
    "coursework:rating_save": route(kwargs=enr_pk("practice", "practice_pk"), get=SIGNED_IN_405, post=OWNER_INVALID),
    "coursework:rating_evidence_autosave": route(
        kwargs=enr_pk("practice", "practice_pk"),
        post_data=lambda s: {"field": "evidence", "value": "probe", "version": 0},
        get=NOT_ALLOWED,
        post=OWNER_AUTOSAVE,
    ),
    "coursework:choices_save": route(kwargs=enr, get=SIGNED_IN_405, post=OWNER_INVALID),
    "coursework:research_source_add": route(kwargs=enr, get=SIGNED_IN_405, post=OWNER_INVALID),
    "coursework:research_source_edit": route(kwargs=enr_pk("source"), get=OWNER_ONLY, post=OWNER_INVALID),
    "coursework:research_source_delete": route(kwargs=enr_pk("source"), get=SIGNED_IN_405, post=OWNER_POST),
    "coursework:research_goal_add": route(kwargs=enr, get=SIGNED_IN_405, post=OWNER_INVALID),
    "coursework:research_goal_edit": route(kwargs=enr_pk("goal"), get=OWNER_ONLY, post=OWNER_INVALID),
    "coursework:research_goal_delete": route(kwargs=enr_pk("goal"), get=SIGNED_IN_405, post=OWNER_POST),
    "coursework:first_meeting_save": route(kwargs=enr, get=SIGNED_IN_405, post=OWNER_INVALID),
    "coursework:first_meeting_invite": route(kwargs=enr, get=SIGNED_IN_405, post=OWNER_INVALID),
    "coursework:first_meeting_notes": route(kwargs=enr, get=SIGNED_IN_405, post=OWNER_POST),
    "coursework:first_meeting_notes_autosave": route(
        kwargs=enr,
        post_data=lambda s: {"field": "notes", "value": "probe", "version": getattr(s.extra["meeting"], "version", 0)},
        get=NOT_ALLOWED,
        post=OWNER_AUTOSAVE,
    ),
    "coursework:first_meeting_question_add": route(kwargs=enr, get=SIGNED_IN_405, post=OWNER_INVALID),
    "coursework:first_meeting_question_save": route(
        kwargs=enr_pk("interview_question"), get=SIGNED_IN_405, post=OWNER_INVALID
    ),
    "coursework:first_meeting_question_autosave": route(
        kwargs=enr_pk("interview_question"),
        post_data=lambda s: {
            "field": "notes",
            "value": "probe",
            "version": getattr(s.extra["interview_question"], "version", 0),
        },
        get=NOT_ALLOWED,
        post=OWNER_AUTOSAVE,
    ),
    "coursework:first_meeting_question_move": route(
        kwargs=enr_pk("interview_question"),
        post_data=lambda s: {"direction": "down"},
        get=SIGNED_IN_405,
        post=OWNER_POST,
    ),
    "coursework:first_meeting_question_remove": route(
        kwargs=enr_pk("interview_question"), get=SIGNED_IN_405, post=OWNER_POST
    ),
    "coursework:first_meeting_opportunity_add": route(kwargs=enr, get=SIGNED_IN_405, post=OWNER_INVALID),
    "coursework:first_meeting_opportunity_save": route(
        kwargs=enr_pk("opportunity"), get=SIGNED_IN_405, post=OWNER_INVALID
    ),
    "coursework:first_meeting_opportunity_remove": route(
        kwargs=enr_pk("opportunity"), get=SIGNED_IN_405, post=OWNER_POST
    ),
    "partnerships:meeting": route(kwargs=extra_pk("meeting"), get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:meeting_calendar": route(kwargs=extra_pk("meeting"), get=MEMBERS_READ, post=MEMBERS_READ),
    # --- Stage 5–6: focus areas, the review and the second meeting ------------------------
    "coursework:focus_evidence_add": route(kwargs=enr_pk("focus_area"), get=SIGNED_IN_405, post=OWNER_POST),
    "coursework:focus_evidence_excerpt": route(
        kwargs=lambda s: {
            "enrollment_pk": s.enrollment.pk,
            "pk": s.extra["focus_area"].pk,
            "evidence_pk": s.extra["evidence"].pk,
        },
        get=SIGNED_IN_405,
        post=OWNER_POST,
    ),
    "coursework:focus_evidence_remove": route(
        kwargs=lambda s: {
            "enrollment_pk": s.enrollment.pk,
            "pk": s.extra["focus_area"].pk,
            "evidence_pk": s.extra["evidence"].pk,
        },
        get=SIGNED_IN_405,
        post=OWNER_POST,
    ),
    "partnerships:review": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:focus_area_edit": route(kwargs=extra_pk("focus_area"), get=OWNER_ONLY, post=OWNER_INVALID),
    "partnerships:focus_area_delete": route(kwargs=extra_pk("focus_area"), get=SIGNED_IN_405, post=OWNER_POST),
    "partnerships:comment_create": route(kwargs=extra_pk("focus_area"), get=SIGNED_IN_405, post=COMMENTERS_INVALID),
    "partnerships:comment_resolve": route(kwargs=extra_pk("question"), get=SIGNED_IN_405, post=COMMENTERS_POST),
    "partnerships:choice_propose": route(kwargs=extra_pk("focus_area"), get=SIGNED_IN_405, post=DECIDERS_INVALID),
    "partnerships:choice_confirm": route(kwargs=extra_pk("choice"), get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:choice_withdraw": route(kwargs=extra_pk("choice"), get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:second_meeting": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:second_meeting_schedule": route(kwargs=partnership_pk, get=SIGNED_IN_405, post=DECIDERS_INVALID),
    # Either party records the meeting; an empty post (no next-step rows) is refused in place.
    "partnerships:second_meeting_record": route(kwargs=partnership_pk, get=DECIDERS, post=DECIDERS_INVALID),
    "partnerships:second_meeting_ics": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:agenda_generate": route(kwargs=partnership_pk, get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:agenda_item_add": route(kwargs=partnership_pk, get=SIGNED_IN_405, post=DECIDERS_INVALID),
    "partnerships:agenda_item_edit": route(kwargs=extra_pk("agenda_item"), get=DECIDERS, post=DECIDERS_INVALID),
    "partnerships:agenda_item_delete": route(kwargs=extra_pk("agenda_item"), get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:agenda_item_move": route(
        kwargs=lambda s: {"pk": s.extra["agenda_item"].pk, "direction": "down"}, get=SIGNED_IN_405, post=DECIDERS_POST
    ),
    # --- Stage 7: the action plan and the lasting partnership ----------------------------
    "partnerships:plan": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:plan_start": route(kwargs=partnership_pk, get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:plan_follow_focus": route(kwargs=partnership_pk, get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:plan_restore": route(
        kwargs=lambda s: {"pk": s.partnership.pk, "plan_pk": s.extra["plan"].pk}, get=SIGNED_IN_405, post=DECIDERS_POST
    ),
    "partnerships:plan_history": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:plan_print": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:plan_steps_csv": route(kwargs=partnership_pk, get=MEMBERS_READ, post=SIGNED_IN_405),
    "partnerships:plan_pdf": route(kwargs=partnership_pk, get=MEMBERS_READ, post=SIGNED_IN_405),
    "partnerships:meeting_brief": route(kwargs=partnership_pk, get=MEMBERS_READ, post=SIGNED_IN_405),
    "partnerships:meeting_brief_pdf": route(kwargs=partnership_pk, get=MEMBERS_READ, post=SIGNED_IN_405),
    "partnerships:export_json": route(kwargs=partnership_pk, get=MEMBERS_READ, post=SIGNED_IN_405),
    "partnerships:idea_add": route(kwargs=partnership_pk, get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:idea_promote": route(
        kwargs=lambda s: {"pk": s.partnership.pk, "item_pk": s.extra["idea"].pk, "to": "step"},
        get=SIGNED_IN_405,
        post=DECIDERS_POST,
    ),
    "partnerships:comment_add": route(kwargs=partnership_pk, get=SIGNED_IN_405, post=COMMENTERS_INVALID),
    "partnerships:item_new": route(kwargs=item("step"), get=DECIDERS, post=DECIDERS),
    "partnerships:item_edit": route(kwargs=item("step", "step"), get=DECIDERS, post=DECIDERS),
    "partnerships:item_delete": route(kwargs=item("step", "step"), get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:item_restore": route(kwargs=item("step", "deleted_step"), get=SIGNED_IN_405, post=DECIDERS_POST),
    "partnerships:recently_deleted": route(kwargs=partnership_pk, get=DECIDERS, post=DECIDERS),
    "partnerships:agreement": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:agreement_edit": route(kwargs=partnership_pk, get=DECIDERS, post=DECIDERS),
    "partnerships:agreement_confirm": route(kwargs=partnership_pk, get=SIGNED_IN_405, post=COMMENTERS_POST),
    "partnerships:stakeholders": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:partners": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:touch_points": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:calendar_feed": route(kwargs=partnership_pk, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:touch_point": route(kwargs=tp, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:touch_point_ics": route(kwargs=tp, get=MEMBERS_READ, post=MEMBERS_READ),
    "partnerships:touch_point_record": route(kwargs=tp, get=DECIDERS, post=DECIDERS),
}
