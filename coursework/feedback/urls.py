from django.urls import path

from coursework.feedback import views

urlpatterns = [
    path("enrollments/<int:enrollment_pk>/review/<slug:slug>/", views.stage_review_page, name="stage_review"),
]
