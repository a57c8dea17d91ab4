from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from partnerships.accounts.services import account_deactivate
from partnerships.models import (
    ActionPlan,
    Agreement,
    AgreementConfirmation,
    AuditEvent,
    ExternalPartner,
    FocusArea,
    FocusAreaEvidence,
    Idea,
    InterviewQuestion,
    Invitation,
    Meeting,
    Membership,
    Notification,
    Opportunity,
    Outcome,
    OutcomeReading,
    Partnership,
    PlanComment,
    Stakeholder,
    Step,
    TouchPoint,
    User,
    UserSession,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "school", "job_title", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "notification_preference"]
    search_fields = ["email", "first_name", "last_name", "school", "district"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            "Person",
            {"fields": ("first_name", "last_name", "job_title", "school", "district", "notification_preference")},
        ),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    actions = ["deactivate_accounts"]

    @admin.action(description="Deactivate selected accounts (ends their sessions)")
    def deactivate_accounts(self, request, queryset):
        for user in queryset.exclude(pk=request.user.pk):
            account_deactivate(user=user, actor=request.user)

    def save_model(self, request, obj, form, change):
        deactivating = change and "is_active" in form.changed_data and not obj.is_active
        super().save_model(request, obj, form, change)
        if deactivating:
            account_deactivate(user=obj, actor=request.user)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["title", "lead_teacher", "school", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "school", "district", "lead_teacher__email", "lead_teacher__last_name"]
    raw_id_fields = ["lead_teacher"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "partnership", "role", "joined_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__last_name", "partnership__title"]
    raw_id_fields = ["user", "partnership"]
    list_select_related = ["user", "partnership"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "partnership", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email", "partnership__title"]
    raw_id_fields = ["partnership", "invited_by", "accepted_by"]
    readonly_fields = ["token_hash"]
    list_select_related = ["partnership"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "message", "created_at", "read_at", "emailed_at"]
    search_fields = ["recipient__email", "message"]
    raw_id_fields = ["recipient"]
    list_select_related = ["recipient"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor", "summary", "target_type", "target_id"]
    list_filter = ["action", "target_type"]
    search_fields = ["summary", "actor__email", "action", "target_id"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Focus areas and their review -------------------------------------------------------------

from partnerships.models import AgendaItem, Comment, FocusAreaChoice, MeetingNextStep, ReviewMeeting  # noqa: E402


class FocusAreaEvidenceInline(admin.TabularInline):
    model = FocusAreaEvidence
    extra = 0
    raw_id_fields = ["added_by"]


@admin.register(FocusArea)
class FocusAreaAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "status", "version", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "need", "partnership__title", "partnership__lead_teacher__email"]
    raw_id_fields = ["partnership", "created_by"]
    list_select_related = ["partnership"]
    inlines = [FocusAreaEvidenceInline]


@admin.register(FocusAreaEvidence)
class FocusAreaEvidenceAdmin(admin.ModelAdmin):
    list_display = ["source", "kind", "focus_area"]
    list_filter = ["kind"]
    search_fields = ["source", "text", "focus_area__title"]
    raw_id_fields = ["focus_area"]
    list_select_related = ["focus_area"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    search_fields = ["body", "author__email", "focus_area__title"]
    list_display = ["focus_area", "author", "kind", "created_at", "resolved"]
    list_filter = ["kind", "resolved"]
    raw_id_fields = ["focus_area", "author", "parent", "resolved_by"]
    list_select_related = ["focus_area", "author"]


@admin.register(FocusAreaChoice)
class FocusAreaChoiceAdmin(admin.ModelAdmin):
    search_fields = ["focus_area__title", "partnership__title", "rationale"]
    list_display = ["focus_area", "partnership", "proposed_by", "proposed_at", "confirmed_by", "confirmed_at"]
    raw_id_fields = ["partnership", "focus_area", "proposed_by", "confirmed_by", "withdrawn_by"]
    list_select_related = ["focus_area", "partnership", "proposed_by", "confirmed_by"]


@admin.register(ReviewMeeting)
class ReviewMeetingAdmin(admin.ModelAdmin):
    search_fields = ["partnership__title", "location"]
    list_display = ["partnership", "starts_at", "time_zone", "location", "recorded_at"]
    raw_id_fields = ["partnership", "updated_by", "recorded_by"]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    search_fields = ["text", "partnership__title"]
    list_display = ["partnership", "position", "text", "source"]
    raw_id_fields = ["partnership", "focus_area"]


@admin.register(MeetingNextStep)
class MeetingNextStepAdmin(admin.ModelAdmin):
    search_fields = ["text", "partnership__title"]
    list_display = ["partnership", "position", "text", "owner", "due_on"]
    raw_id_fields = ["partnership", "owner"]


# --- Action plan and the lasting partnership (issue 5) --------------------------------
@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    search_fields = ["partnership__title", "goal", "focus_area__title"]
    list_display = ["partnership", "focus_area", "version", "updated_at", "deleted_at"]
    raw_id_fields = ["partnership", "focus_area", "created_by", "deleted_by"]
    list_select_related = ["partnership", "focus_area"]


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    search_fields = ["partnership__title", "shared_goals"]
    list_display = ["partnership", "version", "updated_at"]
    raw_id_fields = ["partnership", "deleted_by"]
    list_select_related = ["partnership"]


@admin.register(Stakeholder, ExternalPartner, TouchPoint)
class PartnershipItemAdmin(SimpleHistoryAdmin):
    search_fields = ["partnership__title"]
    list_display = ["__str__", "partnership", "version", "deleted_at"]
    raw_id_fields = ["partnership", "deleted_by"]
    list_select_related = ["partnership"]


@admin.register(Outcome, Step, Idea)
class PlanItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan", "version", "deleted_at"]
    search_fields = ["plan__partnership__title"]
    raw_id_fields = ["plan", "deleted_by"]
    list_select_related = ["plan__partnership"]


@admin.register(PlanComment)
class PlanCommentAdmin(admin.ModelAdmin):
    list_display = ["plan", "author", "created_at"]
    search_fields = ["text", "author__email", "plan__partnership__title"]
    raw_id_fields = ["plan", "author"]
    list_select_related = ["plan__partnership", "author"]


@admin.register(AgreementConfirmation)
class AgreementConfirmationAdmin(admin.ModelAdmin):
    list_display = ["agreement", "user", "agreement_version", "confirmed_at"]
    search_fields = ["user__email", "agreement__partnership__title"]
    raw_id_fields = ["agreement", "user"]
    list_select_related = ["agreement__partnership", "user"]


@admin.register(OutcomeReading)
class OutcomeReadingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "touch_point", "outcome", "value"]
    search_fields = ["outcome__measure", "touch_point__partnership__title"]
    raw_id_fields = ["touch_point", "outcome"]
    list_select_related = ["touch_point", "outcome"]


class InterviewQuestionInline(admin.TabularInline):
    model = InterviewQuestion
    extra = 0


class OpportunityInline(admin.TabularInline):
    model = Opportunity
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["partnership", "kind", "starts_at", "time_zone", "attendee_name"]
    list_filter = ["kind"]
    search_fields = ["partnership__title", "attendee_name"]
    raw_id_fields = ["partnership", "created_by"]
    list_select_related = ["partnership"]
    inlines = [InterviewQuestionInline, OpportunityInline]


@admin.register(InterviewQuestion)
class InterviewQuestionAdmin(SimpleHistoryAdmin):
    list_display = ["text", "meeting", "position"]
    search_fields = ["text", "notes", "meeting__partnership__title"]
    raw_id_fields = ["meeting"]
    list_select_related = ["meeting__partnership"]


@admin.register(Opportunity)
class OpportunityAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "position"]
    search_fields = ["text", "meeting__partnership__title"]
    raw_id_fields = ["meeting"]
    list_select_related = ["meeting__partnership"]


@admin.register(UserSession)
class UserSessionAdmin(admin.ModelAdmin):
    """Signed-in sessions, for staff to see (and end) who is signed in where."""

    list_display = ["session_key", "user_id", "expire_date"]
    search_fields = ["=user_id", "session_key"]
    readonly_fields = ["session_key", "user_id", "expire_date", "session_data"]

    def has_add_permission(self, request):
        return False


# Background task results (failed ones with their error, and a retry action).
from partnerships.common import admin as _task_admin  # noqa: E402, F401
