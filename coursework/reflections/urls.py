from django.urls import path

from coursework.reflections import views

urlpatterns = [
    path(
        "enrollments/<int:enrollment_pk>/reflections/<int:prompt_pk>/autosave/",
        views.reflection_autosave,
        name="reflection_autosave",
    ),
    path(
        "enrollments/<int:enrollment_pk>/reflections/<int:prompt_pk>/versions/",
        views.reflection_versions_view,
        name="reflection_versions",
    ),
    path(
        "enrollments/<int:enrollment_pk>/reflections/<int:prompt_pk>/versions/<int:history_id>/",
        views.reflection_version_view,
        name="reflection_version",
    ),
    path(
        "enrollments/<int:enrollment_pk>/reflections/<int:prompt_pk>/versions/<int:history_id>/restore/",
        views.reflection_restore_view,
        name="reflection_restore",
    ),
]
