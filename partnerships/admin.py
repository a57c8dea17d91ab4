from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import AuditEvent, Invitation, Membership, Notification, Partnership, User
from .services import account_deactivate


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
