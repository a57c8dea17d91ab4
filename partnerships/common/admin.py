"""Staff see background tasks that failed, with their error, and can run them again."""

from django.contrib import admin, messages
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from partnerships.common.models import Submission
from partnerships.common.tasks import ATTEMPT_KWARG


def last_error_line(traceback):
    lines = [line for line in (traceback or "").strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


class TaskResultAdmin(DBTaskResultAdmin):
    list_display = ("task_name", "status", "error", "attempts", "enqueued_at", "run_after", "finished_at")
    list_filter = ("status", "queue_name")
    search_fields = ("task_path", "exception_class_path", "traceback")
    actions = ["retry"]

    @admin.display(description="error")
    def error(self, obj):
        return last_error_line(obj.traceback) if obj.status == TaskResultStatus.FAILED else ""

    @admin.display(description="runs")
    def attempts(self, obj):
        return len(obj.worker_ids or [])

    def has_retry_permission(self, request):
        return request.user.is_active and request.user.is_staff and self.has_view_permission(request)

    @admin.action(description="Retry the selected failed tasks", permissions=["retry"])
    def retry(self, request, queryset):
        """Put each failed task back in the queue to run now, with its retries counted afresh."""
        count = 0
        for result in queryset.filter(status=TaskResultStatus.FAILED):
            kwargs = {k: v for k, v in result.args_kwargs.get("kwargs", {}).items() if k != ATTEMPT_KWARG}
            result.args_kwargs = {"args": result.args_kwargs.get("args", []), "kwargs": kwargs}
            result.status = TaskResultStatus.READY
            result.run_after = timezone.now()
            result.finished_at = None
            result.save(update_fields=["args_kwargs", "status", "run_after", "finished_at"])
            count += 1
        self.message_user(request, f"{count} task(s) queued again.", messages.SUCCESS)


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, TaskResultAdmin)


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Answered form posts kept a day to replay to a double click; read-only for staff."""

    list_display = ("key", "user", "status", "created_at")
    search_fields = ("key", "user__email")
    raw_id_fields = ("user",)
    readonly_fields = ("user", "key", "fingerprint", "status", "headers", "content", "created_at")
