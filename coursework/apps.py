from django.apps import AppConfig


class CourseworkConfig(AppConfig):
    name = "coursework"
    verbose_name = "Coursework"

    def ready(self):
        from partnerships.home import register_section

        from .home import instructor_section, teacher_section

        register_section(teacher_section)
        register_section(instructor_section)

        from .collaboratives import shareables  # noqa: F401 - registers the built-in shareable work
        from .collaboratives.home import collaboratives_section

        register_section(collaboratives_section)

        from . import reflections_stages  # noqa: F401 — registers the reflection stages' work areas
