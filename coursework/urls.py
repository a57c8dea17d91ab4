from django.urls import path

from .views import cohorts, focus_areas, invitations, progress, stages

app_name = "coursework"

urlpatterns = [
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
    path("enrollments/<int:enrollment_pk>/<slug:slug>/", stages.stage_page, name="stage"),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/submit/", progress.stage_submit_view, name="stage_submit"),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/reopen/", progress.stage_reopen_view, name="stage_reopen"),
]
