from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from coursework.courses.services import cohort_stages_ensure
from coursework.models import (
    ChosenPractice,
    Cohort,
    CohortFramework,
    CohortInvitation,
    CohortStage,
    Collaborative,
    CollaborativeInvitation,
    CollaborativeMembership,
    Course,
    CourseEvaluation,
    Domain,
    Enrollment,
    Feedback,
    Framework,
    Post,
    Practice,
    Prompt,
    Rating,
    RatingLevel,
    Reflection,
    Reminder,
    ReminderTemplate,
    Reply,
    Report,
    ResearchSource,
    RosterImport,
    SelfAssessment,
    StageProgress,
    StrategicGoal,
)
from coursework.reflections.services import cohort_prompts_seed


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "slug"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


class CohortStageInline(admin.TabularInline):
    model = CohortStage
    extra = 0


class PromptInline(admin.TabularInline):
    """The cohort's reflection prompts; answers keep a prompt from being deleted."""

    model = Prompt
    extra = 0
    fields = ["stage", "position", "kind", "text"]
    ordering = ["stage", "position", "id"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "course", "term", "starts_on", "ends_on", "is_open", "anonymous_evaluations"]
    list_filter = ["is_open", "course", "term"]
    search_fields = ["name", "term", "course__title"]
    filter_horizontal = ["instructors"]
    inlines = [CohortStageInline, PromptInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            # A new cohort starts with every stage's settings and the course's default
            # prompts (for stages the instructor did not already fill in above).
            cohort_stages_ensure(cohort=form.instance)
            cohort_prompts_seed(cohort=form.instance)


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


@admin.register(RosterImport)
class RosterImportAdmin(admin.ModelAdmin):
    list_display = ["cohort", "file_name", "status", "total", "invited", "skipped", "created_at", "finished_at"]
    list_filter = ["status"]
    search_fields = ["cohort__name", "file_name", "uploaded_by__email"]
    raw_id_fields = ["cohort", "uploaded_by"]
    readonly_fields = ["rows", "results"]
    list_select_related = ["cohort"]


@admin.register(CourseEvaluation)
class CourseEvaluationAdmin(admin.ModelAdmin):
    search_fields = ["enrollment__teacher__email", "enrollment__teacher__last_name", "comment_worked", "comment_change"]
    list_display = ["enrollment", "submitted_at", "updated_at"]
    list_filter = ["enrollment__cohort"]
    raw_id_fields = ["enrollment"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    search_fields = ["enrollment__teacher__email", "enrollment__teacher__last_name", "text"]
    list_display = ["enrollment", "stage", "author", "decision", "created_at"]
    list_filter = ["stage", "decision"]
    raw_id_fields = ["enrollment", "author"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort", "author"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    search_fields = ["enrollment__teacher__email", "enrollment__teacher__last_name"]
    list_display = ["enrollment", "stage", "sent_by", "sent_at"]
    list_filter = ["stage"]
    raw_id_fields = ["enrollment", "sent_by"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort", "sent_by"]


@admin.register(ReminderTemplate)
class ReminderTemplateAdmin(admin.ModelAdmin):
    search_fields = ["cohort__name", "subject"]
    list_display = ["cohort", "subject", "updated_at"]
    raw_id_fields = ["cohort"]


# --- Thought-partner collaboratives ----------------------------------------------------


class CollaborativeMembershipInline(admin.TabularInline):
    model = CollaborativeMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Collaborative)
class CollaborativeAdmin(admin.ModelAdmin):
    list_display = ["name", "cohort", "created_by", "created_at"]
    list_filter = ["cohort"]
    search_fields = ["name", "cohort__name"]
    raw_id_fields = ["cohort", "created_by"]
    inlines = [CollaborativeMembershipInline]


@admin.register(CollaborativeInvitation)
class CollaborativeInvitationAdmin(admin.ModelAdmin):
    search_fields = ["invitee__email", "invitee__last_name", "collaborative__name"]
    list_display = ["invitee", "collaborative", "invited_by", "created_at", "accepted_at", "declined_at"]
    raw_id_fields = ["collaborative", "invitee", "invited_by"]
    list_select_related = ["invitee", "collaborative", "invited_by"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["author", "collaborative", "created_at", "edited_at", "deleted_at"]
    list_filter = ["collaborative__cohort"]
    search_fields = ["author__email", "body"]
    raw_id_fields = ["collaborative", "author"]
    list_select_related = ["author", "collaborative"]


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    search_fields = ["body", "author__email", "author__last_name"]
    list_display = ["author", "post", "tag", "created_at", "deleted_at"]
    list_filter = ["tag"]
    raw_id_fields = ["post", "author"]
    list_select_related = ["author", "post"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    search_fields = ["reason", "reporter__email", "post__body"]
    list_display = ["post", "reporter", "created_at", "handled_at"]
    raw_id_fields = ["post", "reporter", "handled_by"]
    list_select_related = ["post", "reporter"]


@admin.register(Reflection)
class ReflectionAdmin(SimpleHistoryAdmin):
    """Read-only: answers are the teacher's; they change them (and restore versions) in the app."""

    list_display = ["enrollment", "prompt", "version", "carry_forward", "updated_at"]
    list_filter = ["prompt__stage", "carry_forward"]
    search_fields = ["enrollment__teacher__email", "enrollment__teacher__last_name"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort", "prompt"]
    readonly_fields = ["enrollment", "prompt", "text", "carry_forward", "version", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CohortStage)
class CohortStageAdmin(admin.ModelAdmin):
    list_display = ["cohort", "stage", "due_on"]
    list_filter = ["stage", "cohort"]
    search_fields = ["cohort__name", "stage"]
    list_select_related = ["cohort"]


@admin.register(Prompt)
class PromptAdmin(admin.ModelAdmin):
    list_display = ["cohort", "stage", "position", "kind", "text"]
    list_filter = ["stage", "kind", "cohort"]
    search_fields = ["text", "cohort__name"]
    list_select_related = ["cohort"]


@admin.register(CollaborativeMembership)
class CollaborativeMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "collaborative", "joined_at", "agreed_to_norms_at"]
    search_fields = ["user__email", "user__last_name", "collaborative__name"]
    raw_id_fields = ["user", "collaborative"]
    list_select_related = ["user", "collaborative"]


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
    search_fields = ["name", "description"]
    inlines = [RatingLevelInline, DomainInline]


class PracticeInline(admin.TabularInline):
    model = Practice
    extra = 0


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["name", "framework", "position"]
    list_filter = ["framework"]
    search_fields = ["name", "framework__name"]
    list_select_related = ["framework"]
    inlines = [PracticeInline]


@admin.register(CohortFramework)
class CohortFrameworkAdmin(admin.ModelAdmin):
    list_display = ["cohort", "framework"]
    search_fields = ["cohort__name", "framework__name"]
    list_select_related = ["cohort", "framework"]


class RatingInline(admin.TabularInline):
    model = Rating
    extra = 0
    raw_id_fields = ["practice"]


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "framework", "updated_at"]
    search_fields = ["enrollment__teacher__email", "enrollment__teacher__last_name"]
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
    search_fields = ["statement", "enrollment__teacher__email"]
    raw_id_fields = ["enrollment", "source"]
    list_select_related = ["enrollment__teacher", "enrollment__cohort"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["statement", "domain", "position"]
    list_filter = ["domain__framework"]
    search_fields = ["statement", "domain__name"]
    list_select_related = ["domain"]


@admin.register(RatingLevel)
class RatingLevelAdmin(admin.ModelAdmin):
    list_display = ["label", "value", "framework"]
    list_filter = ["framework"]
    search_fields = ["label", "description"]
    list_select_related = ["framework"]


@admin.register(Rating)
class RatingAdmin(SimpleHistoryAdmin):
    list_display = ["practice", "level", "self_assessment", "updated_at"]
    search_fields = ["evidence", "practice__statement", "self_assessment__enrollment__teacher__email"]
    raw_id_fields = ["self_assessment", "practice"]
    list_select_related = ["practice", "level", "self_assessment__enrollment__teacher"]


@admin.register(ChosenPractice)
class ChosenPracticeAdmin(admin.ModelAdmin):
    list_display = ["practice", "kind", "self_assessment"]
    list_filter = ["kind"]
    search_fields = ["practice__statement", "self_assessment__enrollment__teacher__email"]
    raw_id_fields = ["self_assessment", "practice"]
    list_select_related = ["practice", "self_assessment__enrollment__teacher"]
