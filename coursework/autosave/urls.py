from django.urls import path

from coursework.autosave import views

urlpatterns = [
    path(
        "enrollments/<int:enrollment_pk>/self-reflection/practices/<int:practice_pk>/autosave/",
        views.rating_evidence_autosave,
        name="rating_evidence_autosave",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/questions/<int:pk>/autosave/",
        views.question_notes_autosave,
        name="first_meeting_question_autosave",
    ),
    path(
        "enrollments/<int:enrollment_pk>/first-meeting/notes/autosave/",
        views.meeting_notes_autosave,
        name="first_meeting_notes_autosave",
    ),
]
