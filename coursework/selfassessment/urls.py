from django.urls import path

from coursework.selfassessment import views

urlpatterns = [
    path(
        "enrollments/<int:enrollment_pk>/self-reflection/practices/<int:practice_pk>/",
        views.rating_save_view,
        name="rating_save",
    ),
    path(
        "enrollments/<int:enrollment_pk>/self-reflection/choices/",
        views.choices_save_view,
        name="choices_save",
    ),
    path(
        "enrollments/<int:enrollment_pk>/self-reflection/results/",
        views.results_view,
        name="self_reflection_results",
    ),
]
