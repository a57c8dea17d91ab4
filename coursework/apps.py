from django.apps import AppConfig


class CourseworkConfig(AppConfig):
    name = "coursework"
    verbose_name = "Coursework"

    def ready(self):
        # Importing these modules registers their home sections, stage work areas,
        # submit checks, evidence providers and shareable work.
        from django.db.models import Exists, OuterRef

        from coursework.collaboratives import shareables  # noqa: F401
        from coursework.collaboratives.home import collaboratives_section
        from coursework.courses.services import invitation_cohort_start
        from coursework.dashboard.home import instructor_section, teacher_section
        from coursework.models import Cohort, Enrollment
        from coursework.stages.registry import load_stage_modules
        from partnerships.home.sections import register_section
        from partnerships.members.invitations import register_cohort_start

        load_stage_modules()
        register_cohort_start(invitation_cohort_start)

        def is_teacher():
            return Exists(Enrollment.objects.filter(teacher=OuterRef("pk")))

        def is_instructor():
            return Exists(Cohort.instructors.through.objects.filter(user=OuterRef("pk")))

        register_section(teacher_section, when=is_teacher)
        register_section(instructor_section, when=is_instructor)
        register_section(collaboratives_section, when=lambda: is_teacher() | is_instructor())
