from django.urls import path

from coursework.evaluation import views

urlpatterns = [
    path("cohorts/<int:pk>/evaluations/", views.evaluation_results, name="evaluation_results"),
    path("enrollments/<int:pk>/evaluation/", views.evaluation_form, name="evaluation"),
]
