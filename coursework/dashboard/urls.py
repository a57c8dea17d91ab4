from django.urls import path

from coursework.dashboard import views

urlpatterns = [
    path("cohorts/<int:pk>/dashboard/", views.cohort_dashboard, name="cohort_dashboard"),
    path("cohorts/<int:pk>/dashboard.csv", views.cohort_dashboard_csv, name="cohort_dashboard_csv"),
    path("cohorts/<int:pk>/reminders/", views.reminders_send_view, name="reminders_send"),
    path("cohorts/<int:pk>/reminder-email/", views.reminder_template_edit, name="reminder_template"),
]
