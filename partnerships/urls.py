from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from .forms import EmailAuthenticationForm
from .views import account, audit, home, invitations, members, partnership

partnership_patterns = (
    [
        path("new/", partnership.partnership_create, name="create"),
        path("<int:pk>/", partnership.partnership_detail, name="detail"),
        path("<int:pk>/invite/", partnership.invitation_create, name="invite"),
        path("invitations/<int:pk>/resend/", partnership.invitation_resend, name="invitation_resend"),
        path("invitations/<int:pk>/revoke/", partnership.invitation_revoke, name="invitation_revoke"),
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
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("partnerships/", include(partnership_patterns)),
    path("course/", include("coursework.urls")),
    path("staff/audit/", audit.audit_list, name="audit"),
    path("admin/", admin.site.urls),
]

handler404 = "partnerships.views.errors.not_found"
handler500 = "partnerships.views.errors.server_error"
