from django.urls import path

from partnerships.export import views

urlpatterns = [
    path("<int:pk>/plan/steps.csv", views.plan_steps_csv, name="plan_steps_csv"),
    path("<int:pk>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("<int:pk>/second-meeting/brief/", views.meeting_brief_page, name="meeting_brief"),
    path("<int:pk>/second-meeting/brief.pdf", views.meeting_brief_pdf, name="meeting_brief_pdf"),
    path("<int:pk>/export.json", views.partnership_json, name="export_json"),
]
