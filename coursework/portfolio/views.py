"""The course portfolio as PDF, for the teacher's records and for their instructor."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from coursework.access import reflection_reader_enrollments
from coursework.portfolio.selectors import portfolio_for
from partnerships.common.pdf import pdf_response


@login_required
@require_safe
def portfolio_pdf(request, enrollment_pk):
    # The portfolio carries private stage work, so it has the reflections' audience:
    # the teacher and the cohort's instructors; everyone else gets a 404.
    enrollment = get_object_or_404(
        reflection_reader_enrollments(request.user).select_related("teacher", "cohort__course", "partnership"),
        pk=enrollment_pk,
    )
    teacher = enrollment.teacher
    return pdf_response(
        template="documents/portfolio.html",
        context=portfolio_for(enrollment),
        filename=f"{teacher.get_full_name() or teacher.get_username()}-portfolio",
        request=request,
    )
