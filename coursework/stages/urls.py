from django.urls import path

from coursework.stages import first_meeting, focus_areas, views

urlpatterns = [
    path(
        "enrollments/<int:enrollment_pk>/focus-areas/<int:pk>/evidence/",
        focus_areas.evidence_add,
        name="focus_evidence_add",
    ),
    path(
        "enrollments/<int:enrollment_pk>/focus-areas/<int:pk>/evidence/<int:evidence_pk>/excerpt/",
        focus_areas.evidence_excerpt,
        name="focus_evidence_excerpt",
    ),
    path(
        "enrollments/<int:enrollment_pk>/focus-areas/<int:pk>/evidence/<int:evidence_pk>/remove/",
        focus_areas.evidence_remove,
        name="focus_evidence_remove",
    ),
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
    path("enrollments/<int:enrollment_pk>/<slug:slug>/", views.stage_page, name="stage"),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/submit/", views.stage_submit_view, name="stage_submit"),
    path("enrollments/<int:enrollment_pk>/<slug:slug>/reopen/", views.stage_reopen_view, name="stage_reopen"),
]
