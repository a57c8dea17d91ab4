from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Cohort,
    CohortFramework,
    CohortInvitation,
    CohortStage,
    Course,
    CourseEvaluation,
    Domain,
    Enrollment,
    Feedback,
    Framework,
    Practice,
    Rating,
    RatingLevel,
    Reminder,
    ReminderTemplate,
    ResearchSource,
    SelfAssessment,
    StageProgress,
    StrategicGoal,
)


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


@admin.register(CourseEvaluation)
class CourseEvaluationAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "submitted_at", "updated_at"]
    list_filter = ["enrollment__cohort"]
    raw_id_fields = ["enrollment"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "stage", "author", "decision", "created_at"]
    list_filter = ["stage", "decision"]
    raw_id_fields = ["enrollment", "author"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort", "author"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "stage", "sent_by", "sent_at"]
    list_filter = ["stage"]
    raw_id_fields = ["enrollment", "sent_by"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort", "sent_by"]


@admin.register(ReminderTemplate)
class ReminderTemplateAdmin(admin.ModelAdmin):
    list_display = ["cohort", "subject", "updated_at"]
    raw_id_fields = ["cohort"]


# Self-reflection frameworks (instructors may also load one with `manage.py load_framework`).


class RatingLevelInline(admin.TabularInline):
    model = RatingLevel
    extra = 0


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "is_default"]
    inlines = [RatingLevelInline, DomainInline]


class PracticeInline(admin.TabularInline):
    model = Practice
    extra = 0


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["name", "framework", "position"]
    list_filter = ["framework"]
    inlines = [PracticeInline]


@admin.register(CohortFramework)
class CohortFrameworkAdmin(admin.ModelAdmin):
    list_display = ["cohort", "framework"]


class RatingInline(admin.TabularInline):
    model = Rating
    extra = 0
    raw_id_fields = ["practice"]


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "framework", "updated_at"]
    raw_id_fields = ["enrollment"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort", "framework"]
    inlines = [RatingInline]


@admin.register(ResearchSource)
class ResearchSourceAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "kind", "enrollment", "published_on"]
    list_filter = ["kind"]
    search_fields = ["title", "enrollment__teacher__email"]
    raw_id_fields = ["enrollment"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort"]


@admin.register(StrategicGoal)
class StrategicGoalAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "level", "enrollment"]
    list_filter = ["level"]
    raw_id_fields = ["enrollment", "source"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort"]
