from django.apps import AppConfig


class CourseworkConfig(AppConfig):
    name = "coursework"
    verbose_name = "Coursework"

    def ready(self):
        from partnerships.home import register_section

        from .home import instructor_section, teacher_section

        register_section(teacher_section)
        register_section(instructor_section)

        from . import plan_work  # noqa: F401  registers the stage-7 work area and its check
