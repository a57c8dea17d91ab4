from django.contrib import admin

from .models import Cohort, CohortInvitation, CohortStage, Course, Enrollment, StageProgress


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "slug"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


class CohortStageInline(admin.TabularInline):
    model = CohortStage
    extra = 0


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "course", "term", "starts_on", "ends_on", "is_open", "anonymous_evaluations"]
    list_filter = ["is_open", "course", "term"]
    search_fields = ["name", "term", "course__title"]
    filter_horizontal = ["instructors"]
    inlines = [CohortStageInline]


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["teacher", "cohort", "joined_at", "last_activity_at"]
    list_filter = ["cohort"]
    search_fields = ["teacher__email", "teacher__first_name", "teacher__last_name", "cohort__name"]
    raw_id_fields = ["teacher", "partnership"]
    list_select_related = ["teacher", "cohort"]


@admin.register(StageProgress)
class StageProgressAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "stage", "status", "submitted_at", "reviewed_at"]
    list_filter = ["stage", "status"]
    search_fields = ["enrollment__teacher__email", "enrollment__teacher__last_name"]
    raw_id_fields = ["enrollment"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort"]


@admin.register(CohortInvitation)
class CohortInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "cohort", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["cohort"]
    search_fields = ["email", "first_name", "last_name"]
    raw_id_fields = ["cohort", "invited_by", "accepted_by"]
    readonly_fields = ["token_hash"]
    list_select_related = ["cohort"]


@admin.register(CohortStage)
class CohortStageAdmin(admin.ModelAdmin):
    list_display = ["cohort", "stage", "due_on"]
    list_filter = ["stage", "cohort"]
    search_fields = ["cohort__name", "stage"]
    list_select_related = ["cohort"]
