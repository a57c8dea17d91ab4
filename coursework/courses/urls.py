from django.urls import path

from coursework.courses import views

urlpatterns = [
    path("cohorts/new/", views.cohort_new, name="cohort_new"),
    path("cohorts/<int:pk>/edit/", views.cohort_edit, name="cohort_edit"),
    path("cohorts/<int:pk>/", views.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/invite/", views.cohort_invite, name="cohort_invite"),
    path("cohorts/<int:pk>/roster/", views.roster_upload, name="roster_upload"),
    path("rosters/<int:pk>/", views.roster_import_detail, name="roster_import_detail"),
    path("rosters/<int:pk>/status/", views.roster_import_status, name="roster_import_status"),
    path("invitations/<int:pk>/resend/", views.cohort_invitation_resend, name="invitation_resend"),
    path("invitations/<int:pk>/revoke/", views.cohort_invitation_revoke, name="invitation_revoke"),
    path("join/<str:token>/", views.cohort_invitation_accept, name="invitation_accept"),
]
