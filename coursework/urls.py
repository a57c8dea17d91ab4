from django.urls import path

from coursework.autosave import views as inputs_autosave
from coursework.courses import views as cohort_manage
from coursework.courses import views as cohorts
from coursework.courses import views as invitations
from coursework.dashboard import views as dashboard
from coursework.evaluation import views as evaluation
from coursework.feedback import views as review
from coursework.reflections import views as reflections
from coursework.research import views as research
from coursework.selfassessment import views as selfassessment
from coursework.stages import first_meeting, focus_areas
from coursework.stages import views as progress
from coursework.stages import views as stages

app_name = "coursework"

urlpatterns = [
    path("cohorts/new/", cohort_manage.cohort_new, name="cohort_new"),
    path("cohorts/<int:pk>/edit/", cohort_manage.cohort_edit, name="cohort_edit"),
    path("cohorts/<int:pk>/dashboard/", dashboard.cohort_dashboard, name="cohort_dashboard"),
    path("cohorts/<int:pk>/dashboard.csv", dashboard.cohort_dashboard_csv, name="cohort_dashboard_csv"),
    path("cohorts/<int:pk>/reminders/", dashboard.reminders_send_view, name="reminders_send"),
    path("cohorts/<int:pk>/reminder-email/", dashboard.reminder_template_edit, name="reminder_template"),
    path("cohorts/<int:pk>/evaluations/", evaluation.evaluation_results, name="evaluation_results"),
    path("enrollments/<int:pk>/evaluation/", evaluation.evaluation_form, name="evaluation"),
    path("enrollments/<int:enrollment_pk>/review/<slug:slug>/", review.stage_review_page, name="stage_review"),
    path("cohorts/<int:pk>/", cohorts.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/invite/", cohorts.cohort_invite, name="cohort_invite"),
    path("cohorts/<int:pk>/roster/", cohorts.roster_upload, name="roster_upload"),
    path("invitations/<int:pk>/resend/", cohorts.cohort_invitation_resend, name="invitation_resend"),
    path("invitations/<int:pk>/revoke/", cohorts.cohort_invitation_revoke, name="invitation_revoke"),
    path("join/<str:token>/", invitations.cohort_invitation_accept, name="invitation_accept"),
    path(
        "enrollments/<int:enrollment_pk>/focus-areas/<int:pk>/evidence/",
        focus_areas.evidence_add,
        name="focus_evidence_add",
    ),
    path(
        "enrollments/<int:enrollment_pk>/focus-areas/<int:pk>/evidence/<int:evidence_pk>/remove/",
        focus_areas.evidence_remove,
        name="focus_evidence_remove",
    ),
    # Stage 2 — self-reflection
    path(
        "enrollments/<int:enrollment_pk>/self-reflection/practices/<int:practice_pk>/",
        selfassessment.rating_save_view,
        name="rating_save",
    ),
    path(
        "enrollments/<int:enrollment_pk>/self-reflection/practices/<int:practice_pk>/autosave/",
        inputs_autosave.rating_evidence_autosave,
        name="rating_evidence_autosave",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/questions/<int:pk>/autosave/",
        inputs_autosave.question_notes_autosave,
        name="first_meeting_question_autosave",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/notes/autosave/",
        inputs_autosave.meeting_notes_autosave,
        name="first_meeting_notes_autosave",
    ),
    path(
        "enrollments/<int:enrollment_pk>/self-reflection/choices/",
        selfassessment.choices_save_view,
        name="choices_save",
    ),
    path(
        "enrollments/<int:enrollment_pk>/self-reflection/results/",
        selfassessment.results_view,
        name="self_reflection_results",
    ),
    # Stage 3 — research
    path("enrollments/<int:enrollment_pk>/research/sources/", research.source_add, name="research_source_add"),
    path(
        "enrollments/<int:enrollment_pk>/research/sources/<int:pk>/edit/",
        research.source_edit,
        name="research_source_edit",
    ),
    path(
        "enrollments/<int:enrollment_pk>/research/sources/<int:pk>/delete/",
        research.source_delete,
        name="research_source_delete",
    ),
    path("enrollments/<int:enrollment_pk>/research/goals/", research.goal_add, name="research_goal_add"),
    path(
        "enrollments/<int:enrollment_pk>/research/goals/<int:pk>/edit/", research.goal_edit, name="research_goal_edit"
    ),
    path(
        "enrollments/<int:enrollment_pk>/research/goals/<int:pk>/delete/",
        research.goal_delete,
        name="research_goal_delete",
    ),
    # Stage 4 — first meeting
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/meeting/",
        first_meeting.meeting_save_view,
        name="first_meeting_save",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/notes/",
        first_meeting.meeting_notes_view,
        name="first_meeting_notes",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/invite/", first_meeting.invite_view, name="first_meeting_invite"
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/questions/",
        first_meeting.question_add_view,
        name="first_meeting_question_add",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/questions/<int:pk>/",
        first_meeting.question_save_view,
        name="first_meeting_question_save",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/questions/<int:pk>/move/",
        first_meeting.question_move_view,
        name="first_meeting_question_move",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/questions/<int:pk>/remove/",
        first_meeting.question_remove_view,
        name="first_meeting_question_remove",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/shortlist/",
        first_meeting.opportunity_add_view,
        name="first_meeting_opportunity_add",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/shortlist/<int:pk>/",
        first_meeting.opportunity_save_view,
        name="first_meeting_opportunity_save",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/shortlist/<int:pk>/remove/",
        first_meeting.opportunity_remove_view,
        name="first_meeting_opportunity_remove",
    ),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/", stages.stage_page, name="stage"),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/submit/", progress.stage_submit_view, name="stage_submit"),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/reopen/", progress.stage_reopen_view, name="stage_reopen"),
    path(
        "enrollments/<int:enrollment_pk>/reflections/<int:prompt_pk>/autosave/",
        reflections.reflection_autosave,
        name="reflection_autosave",
    ),
    path(
        "enrollments/<int:enrollment_pk>/reflections/<int:prompt_pk>/versions/",
        reflections.reflection_versions_view,
        name="reflection_versions",
    ),
    path(
        "enrollments/<int:enrollment_pk>/reflections/<int:prompt_pk>/versions/<int:history_id>/",
        reflections.reflection_version_view,
        name="reflection_version",
    ),
    path(
        "enrollments/<int:enrollment_pk>/reflections/<int:prompt_pk>/versions/<int:history_id>/restore/",
        reflections.reflection_restore_view,
        name="reflection_restore",
    ),
]

from coursework.collaboratives import views as collaboratives  # noqa: E402

urlpatterns += [
    path("collaboratives/", collaboratives.collaborative_list, name="collaborative_list"),
    path(
        "cohorts/<int:cohort_pk>/collaboratives/new/", collaboratives.collaborative_create, name="collaborative_create"
    ),
    path("collaboratives/<int:pk>/", collaboratives.collaborative_feed, name="collaborative_feed"),
    path("collaboratives/<int:pk>/agree/", collaboratives.collaborative_agree, name="collaborative_agree"),
    path("collaboratives/<int:pk>/prompt/", collaboratives.collaborative_prompt, name="collaborative_prompt"),
    path("collaboratives/<int:pk>/post/", collaboratives.post_create, name="collaborative_post_create"),
    path("collaboratives/<int:pk>/members/", collaboratives.collaborative_members, name="collaborative_members"),
    path("collaboratives/<int:pk>/deleted/", collaboratives.recently_deleted, name="collaborative_deleted"),
    path("collaboratives/<int:pk>/reports/", collaboratives.report_list, name="collaborative_reports"),
    path("collaboratives/<int:pk>/export/", collaboratives.collaborative_export, name="collaborative_export"),
    path("collaboratives/posts/<int:pk>/", collaboratives.post_detail, name="collaborative_post"),
    path("collaboratives/posts/<int:pk>/reply/", collaboratives.reply_create, name="collaborative_reply"),
    path("collaboratives/posts/<int:pk>/edit/", collaboratives.post_edit, name="collaborative_post_edit"),
    path("collaboratives/posts/<int:pk>/delete/", collaboratives.post_delete, name="collaborative_post_delete"),
    path("collaboratives/posts/<int:pk>/restore/", collaboratives.post_restore, name="collaborative_post_restore"),
    path("collaboratives/posts/<int:pk>/report/", collaboratives.post_report, name="collaborative_post_report"),
    path("collaboratives/replies/<int:pk>/edit/", collaboratives.reply_edit, name="collaborative_reply_edit"),
    path("collaboratives/replies/<int:pk>/delete/", collaboratives.reply_delete, name="collaborative_reply_delete"),
    path("collaboratives/replies/<int:pk>/restore/", collaboratives.reply_restore, name="collaborative_reply_restore"),
    path("collaboratives/reports/<int:pk>/handled/", collaboratives.report_handle, name="collaborative_report_handle"),
    path("collaboratives/invitations/<int:pk>/", collaboratives.invitation_respond, name="collaborative_invitation"),
    path(
        "collaboratives/invitations/<int:pk>/decline/",
        collaboratives.invitation_decline,
        name="collaborative_invitation_decline",
    ),
]
