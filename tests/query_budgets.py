"""Query budgets: the most SQL queries each page may run, kept in one place (issue 9).

tests/test_query_budgets.py renders every page below, as every role the permission
matrix (tests/security/matrix.py) lets GET it with 200, at a small and a large data
size. Each count must stay within the budget and must not grow with the data (no N+1).

A budget is the measured count, with at most 1 of slack (the test refuses more, so a
page that gets cheaper has its budget lowered too). A number holds for every role; a
dict gives a number per role where roles see materially different pages, "*" standing
for every role it does not name. Pages that take a stage slug are budgeted per stage
("route/slug"): each stage is a page of its own.

Every signed-in request first reads the session and the user: 2 queries before the
page's own (anonymous pages start at 0). Counts are of a request within a minute of the
person's previous one; the session's once-a-minute refresh (SessionLifetimeMiddleware,
3 more queries) is not a page's cost. Downloads (CSV, JSON, calendar files) are pages
here too.
"""

from coursework.stages.registry import STAGE_SLUGS

# Routes whose pages differ by a URL argument: (argument, values). Each value is a page.
VARIANTS = {
    "coursework:stage": ("slug", STAGE_SLUGS),
    "coursework:stage_review": ("slug", STAGE_SLUGS),
}

EVERY_OTHER_ROLE = "*"
SIGNED_IN_ONLY = {"anonymous": 0, EVERY_OTHER_ROLE: 2}  # a form or message that reads nothing

BUDGETS = {
    # Home: one query finds the roles a person holds, then one section per role.
    # Teachers (the owner, and their peers in other cohorts): led partnerships, enrollments
    # with progress and stage dates, thought-partner groups and invitations, notifications.
    "home": {
        EVERY_OTHER_ROLE: 10,
        "administrator": 5,
        "other_administrator": 5,
        "colleague": 5,
        "instructor": 7,
        "other_instructor": 7,
        "staff": 4,
    },
    "login": 0,
    "password_change": 2,
    "password_change_done": 2,
    "password_reset": SIGNED_IN_ONLY,
    "password_reset_done": SIGNED_IN_ONLY,
    "password_reset_complete": SIGNED_IN_ONLY,
    "profile": 2,
    "ping": 2,
    # The invitation (with who sent it) by token, and whether its email has an account.
    "invitation_accept": {"anonymous": 2, EVERY_OTHER_ROLE: 4},
    "coursework:invitation_accept": {"anonymous": 2, EVERY_OTHER_ROLE: 4},
    "partnerships:create": 2,
    # Members, invitations (lead only), the plan's outcomes and steps, the agreement and its
    # confirmations, touch points (next, last recorded, missed) and meetings. The viewer's
    # membership is read twice (the page's and the lasting-partnership part's).
    "partnerships:detail": 17,
    "partnerships:invite": 3,
    "audit": 6,
    # + the counts of the teachers' and the invitations' paginators, and the latest upload.
    "coursework:cohort_detail": 9,
    # One upload (with its cohort) through the instructor's cohorts.
    "coursework:roster_import_detail": 3,
    "coursework:roster_import_status": 3,
    "coursework:cohort_new": 4,
    "coursework:cohort_edit": 6,
    "coursework:cohort_dashboard": 8,
    "coursework:cohort_dashboard_csv": 6,
    "coursework:reminder_template": 7,
    "coursework:evaluation_results": 5,
    # Stage pages and their review start with the enrollment, its progress, the cohort's
    # stage dates and the stage's feedback (4 queries); the rest is the stage's own work.
    "coursework:stage_review/mindsets": 8,
    # The framework, its domains, practices and levels; the ratings and chosen practices.
    "coursework:stage_review/self-reflection": 13,
    "coursework:stage_review/research": 8,
    "coursework:stage_review/first-meeting": 11,
    # Every input offered as evidence: interview opportunities and questions, carried-forward
    # reflections, goals, chosen practices; then the focus areas with their evidence.
    "coursework:stage_review/focus-areas": 16,
    "coursework:stage_review/second-meeting": 9,
    "coursework:stage_review/action-plan": 11,
    "coursework:stage_review/final-reflection": 21,
    "coursework:stage/mindsets": 8,
    "coursework:stage/self-reflection": 13,
    # The sources are read twice: the list, and the goal form's choice of source.
    "coursework:stage/research": 9,
    "coursework:stage/first-meeting": 11,
    "coursework:stage/focus-areas": 18,  # measured with the world's canary draft and feedback present
    "coursework:stage/second-meeting": 9,
    "coursework:stage/action-plan": 11,
    "coursework:stage/final-reflection": 21,
    "coursework:evaluation": 4,
    "coursework:reflection_versions": 7,
    "coursework:reflection_version": 6,
    "coursework:self_reflection_results": 10,
    "coursework:research_source_edit": 4,
    "coursework:research_goal_edit": 5,
    "coursework:collaborative_list": 6,
    "coursework:collaborative_create": 5,
    # Members also get the share-your-work form (their enrollment, progress and focus
    # areas); the instructor gets the count of open reports instead.
    "coursework:collaborative_feed": {EVERY_OTHER_ROLE: 12, "instructor": 10},
    "coursework:collaborative_members": 8,
    "coursework:collaborative_deleted": 5,
    "coursework:collaborative_reports": 4,
    "coursework:collaborative_export": 5,
    "coursework:collaborative_post": 6,
    "coursework:collaborative_post_edit": 3,
    "coursework:collaborative_post_report": 3,
    "coursework:collaborative_reply_edit": 3,
    "coursework:collaborative_invitation": 3,
    "partnerships:meeting": 6,
    "partnerships:meeting_calendar": 4,
    "partnerships:review": 11,
    "partnerships:focus_area_edit": 3,
    "partnerships:second_meeting": 9,
    "partnerships:second_meeting_record": 8,
    "partnerships:second_meeting_ics": 7,
    "partnerships:agenda_item_edit": 3,
    "partnerships:plan": 11,
    "partnerships:plan_history": 10,
    "partnerships:plan_print": 11,
    "partnerships:plan_steps_csv": 6,
    # One query per kind of row in the document (members, focus areas, their evidence and
    # comments, the plan and its four item lists, agreement, confirmations, stakeholders,
    # partners, touch points, readings), and the audit record of the export.
    "partnerships:export_json": 20,
    "partnerships:plan_pdf": 20,
    # The brief: members, meeting, focus areas with their evidence and open questions, agenda.
    "partnerships:meeting_brief": 10,
    "partnerships:meeting_brief_pdf": 11,
    # The portfolio reads every stage's rows once each (12), then the plan document's (20).
    "coursework:portfolio_pdf": 32,
    "partnerships:item_new": 5,
    "partnerships:item_edit": 6,
    "partnerships:recently_deleted": 9,
    "partnerships:agreement": 6,
    "partnerships:agreement_edit": 5,
    "partnerships:stakeholders": 5,
    "partnerships:partners": 5,
    "partnerships:touch_points": 5,
    "partnerships:calendar_feed": 4,
    "partnerships:touch_point": 7,
    "partnerships:touch_point_ics": 4,
    "partnerships:touch_point_record": 6,
}
