from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from partnerships.accounts import views as account
from partnerships.audit import views as audit
from partnerships.export import views as export_views
from partnerships.focus import views as review
from partnerships.home import views as home
from partnerships.meetings import views as meetings
from partnerships.members import views as invitations
from partnerships.members import views as members
from partnerships.members import views as partnership
from partnerships.members.forms import EmailAuthenticationForm
from partnerships.plan import items as item_views
from partnerships.plan import views as plan_views
from partnerships.sustain import views as lasting_views

partnership_patterns = (
    [
        path("new/", partnership.partnership_create, name="create"),
        path("<int:pk>/", partnership.partnership_detail, name="detail"),
        path("<int:pk>/invite/", partnership.invitation_create, name="invite"),
        path("invitations/<int:pk>/resend/", partnership.invitation_resend, name="invitation_resend"),
        path("invitations/<int:pk>/revoke/", partnership.invitation_revoke, name="invitation_revoke"),
        path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
        path("meetings/<int:pk>/calendar.ics", meetings.meeting_calendar, name="meeting_calendar"),
        # Focus areas: the administrator's review, the choice and the second meeting.
        path("<int:pk>/review/", review.review_page, name="review"),
        path("focus-areas/<int:pk>/edit/", review.focus_area_edit, name="focus_area_edit"),
        path("focus-areas/<int:pk>/delete/", review.focus_area_delete, name="focus_area_delete"),
        path("focus-areas/<int:pk>/comment/", review.comment_create, name="comment_create"),
        path("focus-areas/<int:pk>/propose/", review.choice_propose, name="choice_propose"),
        path("comments/<int:pk>/resolve/", review.comment_resolve, name="comment_resolve"),
        path("choices/<int:pk>/confirm/", review.choice_confirm, name="choice_confirm"),
        path("choices/<int:pk>/withdraw/", review.choice_withdraw, name="choice_withdraw"),
        path("<int:pk>/second-meeting/", review.second_meeting, name="second_meeting"),
        path("<int:pk>/second-meeting/schedule/", review.second_meeting_schedule, name="second_meeting_schedule"),
        path("<int:pk>/second-meeting.ics", review.second_meeting_ics, name="second_meeting_ics"),
        path("<int:pk>/second-meeting/agenda/generate/", review.agenda_generate, name="agenda_generate"),
        path("<int:pk>/second-meeting/agenda/add/", review.agenda_item_add, name="agenda_item_add"),
        path("agenda/<int:pk>/edit/", review.agenda_item_edit, name="agenda_item_edit"),
        path("agenda/<int:pk>/delete/", review.agenda_item_delete, name="agenda_item_delete"),
        path("agenda/<int:pk>/move/<str:direction>/", review.agenda_item_move, name="agenda_item_move"),
        # Action plan and the lasting partnership (issue 5)
        path("<int:pk>/plan/", plan_views.plan_page, name="plan"),
        path("<int:pk>/plan/start/", plan_views.plan_start, name="plan_start"),
        path("<int:pk>/plan/ideas/add/", plan_views.idea_add, name="idea_add"),
        path("<int:pk>/plan/ideas/<int:item_pk>/promote/<str:to>/", plan_views.idea_promote_view, name="idea_promote"),
        path("<int:pk>/plan/comments/add/", plan_views.comment_add, name="comment_add"),
        path("<int:pk>/plan/history/", plan_views.history, name="plan_history"),
        path("<int:pk>/plan/print/", plan_views.print_view, name="plan_print"),
        path("<int:pk>/plan/steps.csv", export_views.plan_steps_csv, name="plan_steps_csv"),
        path("<int:pk>/export.json", export_views.partnership_json, name="export_json"),
        path("<int:pk>/items/<str:kind>/new/", item_views.item_form, name="item_new"),
        path("<int:pk>/items/<str:kind>/<int:item_pk>/edit/", item_views.item_form, name="item_edit"),
        path("<int:pk>/items/<str:kind>/<int:item_pk>/delete/", item_views.item_delete_view, name="item_delete"),
        path("<int:pk>/items/<str:kind>/<int:item_pk>/restore/", item_views.item_restore_view, name="item_restore"),
        path("<int:pk>/recently-deleted/", item_views.recently_deleted, name="recently_deleted"),
        path("<int:pk>/agreement/", lasting_views.agreement_page, name="agreement"),
        path("<int:pk>/agreement/edit/", lasting_views.agreement_edit, name="agreement_edit"),
        path("<int:pk>/agreement/confirm/", lasting_views.agreement_confirm_view, name="agreement_confirm"),
        path("<int:pk>/stakeholders/", lasting_views.stakeholders, name="stakeholders"),
        path("<int:pk>/external-partners/", lasting_views.external_partners, name="partners"),
        path("<int:pk>/touch-points/", lasting_views.touch_points, name="touch_points"),
        path("<int:pk>/touch-points/calendar.ics", lasting_views.calendar_feed, name="calendar_feed"),
        path("<int:pk>/touch-points/<int:tp_pk>/", lasting_views.touch_point_detail, name="touch_point"),
        path("<int:pk>/touch-points/<int:tp_pk>/record/", lasting_views.touch_point_record, name="touch_point_record"),
        path(
            "<int:pk>/touch-points/<int:tp_pk>/invite.ics", lasting_views.touch_point_calendar, name="touch_point_ics"
        ),
        path("members/<int:pk>/role/", members.member_role, name="member_role"),
        path("members/<int:pk>/remove/", members.member_remove, name="member_remove"),
    ],
    "partnerships",
)

auth_patterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("sign-out/", account.SignOutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

urlpatterns = [
    path("", home.home, name="home"),
    path("account/", include(auth_patterns)),
    path("account/profile/", account.profile, name="profile"),
    path("account/ping/", account.ping, name="ping"),
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("partnerships/", include(partnership_patterns)),
    path("course/", include("coursework.urls")),
    path("staff/audit/", audit.audit_list, name="audit"),
    path("admin/", admin.site.urls),
]

handler404 = "partnerships.common.errors_views.not_found"
handler500 = "partnerships.common.errors_views.server_error"
