from django.urls import path

from coursework.research import views

urlpatterns = [
    path("enrollments/<int:enrollment_pk>/research/sources/", views.source_add, name="research_source_add"),
    path(
        "enrollments/<int:enrollment_pk>/research/sources/<int:pk>/edit/",
        views.source_edit,
        name="research_source_edit",
    ),
    path(
        "enrollments/<int:enrollment_pk>/research/sources/<int:pk>/delete/",
        views.source_delete,
        name="research_source_delete",
    ),
    path("enrollments/<int:enrollment_pk>/research/goals/", views.goal_add, name="research_goal_add"),
    path("enrollments/<int:enrollment_pk>/research/goals/<int:pk>/edit/", views.goal_edit, name="research_goal_edit"),
    path(
        "enrollments/<int:enrollment_pk>/research/goals/<int:pk>/delete/",
        views.goal_delete,
        name="research_goal_delete",
    ),
]
