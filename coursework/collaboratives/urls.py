from django.urls import path

from coursework.collaboratives import views

urlpatterns = [
    path("collaboratives/", views.collaborative_list, name="collaborative_list"),
    path("cohorts/<int:cohort_pk>/collaboratives/new/", views.collaborative_create, name="collaborative_create"),
    path("collaboratives/<int:pk>/", views.collaborative_feed, name="collaborative_feed"),
    path("collaboratives/<int:pk>/agree/", views.collaborative_agree, name="collaborative_agree"),
    path("collaboratives/<int:pk>/prompt/", views.collaborative_prompt, name="collaborative_prompt"),
    path("collaboratives/<int:pk>/post/", views.post_create, name="collaborative_post_create"),
    path("collaboratives/<int:pk>/members/", views.collaborative_members, name="collaborative_members"),
    path("collaboratives/<int:pk>/deleted/", views.recently_deleted, name="collaborative_deleted"),
    path("collaboratives/<int:pk>/reports/", views.report_list, name="collaborative_reports"),
    path("collaboratives/<int:pk>/export/", views.collaborative_export, name="collaborative_export"),
    path("collaboratives/posts/<int:pk>/", views.post_detail, name="collaborative_post"),
    path("collaboratives/posts/<int:pk>/reply/", views.reply_create, name="collaborative_reply"),
    path("collaboratives/posts/<int:pk>/edit/", views.post_edit, name="collaborative_post_edit"),
    path("collaboratives/posts/<int:pk>/delete/", views.post_delete, name="collaborative_post_delete"),
    path("collaboratives/posts/<int:pk>/restore/", views.post_restore, name="collaborative_post_restore"),
    path("collaboratives/posts/<int:pk>/report/", views.post_report, name="collaborative_post_report"),
    path("collaboratives/replies/<int:pk>/edit/", views.reply_edit, name="collaborative_reply_edit"),
    path("collaboratives/replies/<int:pk>/delete/", views.reply_delete, name="collaborative_reply_delete"),
    path("collaboratives/replies/<int:pk>/restore/", views.reply_restore, name="collaborative_reply_restore"),
    path("collaboratives/reports/<int:pk>/handled/", views.report_handle, name="collaborative_report_handle"),
    path("collaboratives/invitations/<int:pk>/", views.invitation_respond, name="collaborative_invitation"),
    path(
        "collaboratives/invitations/<int:pk>/decline/",
        views.invitation_decline,
        name="collaborative_invitation_decline",
    ),
]
