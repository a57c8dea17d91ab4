from django.urls import path

from partnerships.focus import views

urlpatterns = [
    path("<int:pk>/review/", views.review_page, name="review"),
    path("focus-areas/<int:pk>/edit/", views.focus_area_edit, name="focus_area_edit"),
    path("focus-areas/<int:pk>/delete/", views.focus_area_delete, name="focus_area_delete"),
    path("focus-areas/<int:pk>/comment/", views.comment_create, name="comment_create"),
    path("focus-areas/<int:pk>/propose/", views.choice_propose, name="choice_propose"),
    path("comments/<int:pk>/resolve/", views.comment_resolve, name="comment_resolve"),
    path("choices/<int:pk>/confirm/", views.choice_confirm, name="choice_confirm"),
    path("choices/<int:pk>/withdraw/", views.choice_withdraw, name="choice_withdraw"),
    path("<int:pk>/second-meeting/", views.second_meeting, name="second_meeting"),
    path("<int:pk>/second-meeting/schedule/", views.second_meeting_schedule, name="second_meeting_schedule"),
    path("<int:pk>/second-meeting/record/", views.second_meeting_record_view, name="second_meeting_record"),
    path("<int:pk>/second-meeting.ics", views.second_meeting_ics, name="second_meeting_ics"),
    path("<int:pk>/second-meeting/agenda/generate/", views.agenda_generate, name="agenda_generate"),
    path("<int:pk>/second-meeting/agenda/add/", views.agenda_item_add, name="agenda_item_add"),
    path("agenda/<int:pk>/edit/", views.agenda_item_edit, name="agenda_item_edit"),
    path("agenda/<int:pk>/delete/", views.agenda_item_delete, name="agenda_item_delete"),
    path("agenda/<int:pk>/move/<str:direction>/", views.agenda_item_move, name="agenda_item_move"),
]
