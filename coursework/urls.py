from django.urls import path

from .views import cohorts, invitations, progress, reflections, stages

app_name = "coursework"

urlpatterns = [
    path("cohorts/<int:pk>/", cohorts.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/invite/", cohorts.cohort_invite, name="cohort_invite"),
    path("cohorts/<int:pk>/roster/", cohorts.roster_upload, name="roster_upload"),
    path("invitations/<int:pk>/resend/", cohorts.cohort_invitation_resend, name="invitation_resend"),
    path("invitations/<int:pk>/revoke/", cohorts.cohort_invitation_revoke, name="invitation_revoke"),
    path("join/<str:token>/", invitations.cohort_invitation_accept, name="invitation_accept"),
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
