from django.urls import path

from partnerships.plan import items, views

urlpatterns = [
    path("<int:pk>/plan/", views.plan_page, name="plan"),
    path("<int:pk>/plan/start/", views.plan_start, name="plan_start"),
    path("<int:pk>/plan/follow-focus/", views.plan_follow_focus_view, name="plan_follow_focus"),
    path("<int:pk>/plan/set-aside/<int:plan_pk>/restore/", views.plan_restore_view, name="plan_restore"),
    path("<int:pk>/plan/ideas/add/", views.idea_add, name="idea_add"),
    path("<int:pk>/plan/ideas/<int:item_pk>/promote/<str:to>/", views.idea_promote_view, name="idea_promote"),
    path("<int:pk>/plan/comments/add/", views.comment_add, name="comment_add"),
    path("<int:pk>/plan/history/", views.history, name="plan_history"),
    path("<int:pk>/plan/print/", views.print_view, name="plan_print"),
    path("<int:pk>/items/<str:kind>/new/", items.item_form, name="item_new"),
    path("<int:pk>/items/<str:kind>/<int:item_pk>/edit/", items.item_form, name="item_edit"),
    path("<int:pk>/items/<str:kind>/<int:item_pk>/delete/", items.item_delete_view, name="item_delete"),
    path("<int:pk>/items/<str:kind>/<int:item_pk>/restore/", items.item_restore_view, name="item_restore"),
    path("<int:pk>/recently-deleted/", items.recently_deleted, name="recently_deleted"),
]
