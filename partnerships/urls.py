from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from partnerships.accounts import views as account
from partnerships.audit import views as audit
from partnerships.export import urls as export_urls
from partnerships.focus import urls as focus_urls
from partnerships.home import views as home
from partnerships.meetings import urls as meetings_urls
from partnerships.members import urls as members_urls
from partnerships.members import views as invitations
from partnerships.plan import urls as plan_urls
from partnerships.sustain import urls as sustain_urls

# Each domain keeps its routes in its own urls.py; they share the "partnerships" namespace.
partnership_patterns = (
    members_urls.urlpatterns
    + meetings_urls.urlpatterns
    + focus_urls.urlpatterns
    + plan_urls.urlpatterns
    + export_urls.urlpatterns
    + sustain_urls.urlpatterns,
    "partnerships",
)

auth_patterns = [
    path(
        "sign-in/",
        account.SignInView.as_view(),
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
