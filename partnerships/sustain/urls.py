from django.urls import path

from partnerships.sustain import views

urlpatterns = [
    path("<int:pk>/agreement/", views.agreement_page, name="agreement"),
    path("<int:pk>/agreement/edit/", views.agreement_edit, name="agreement_edit"),
    path("<int:pk>/agreement/confirm/", views.agreement_confirm_view, name="agreement_confirm"),
    path("<int:pk>/stakeholders/", views.stakeholders, name="stakeholders"),
    path("<int:pk>/external-partners/", views.external_partners, name="partners"),
    path("<int:pk>/touch-points/", views.touch_points, name="touch_points"),
    path("<int:pk>/touch-points/calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("<int:pk>/touch-points/<int:tp_pk>/", views.touch_point_detail, name="touch_point"),
    path("<int:pk>/touch-points/<int:tp_pk>/record/", views.touch_point_record, name="touch_point_record"),
    path("<int:pk>/touch-points/<int:tp_pk>/invite.ics", views.touch_point_calendar, name="touch_point_ics"),
]
