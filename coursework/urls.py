from django.urls import path

from .views import cohort_manage, cohorts, dashboard, evaluation, invitations, progress, review, stages

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
    path("enrollments/<int:enrollment_pk>/<slug:slug>/", stages.stage_page, name="stage"),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/submit/", progress.stage_submit_view, name="stage_submit"),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/reopen/", progress.stage_reopen_view, name="stage_reopen"),
]
