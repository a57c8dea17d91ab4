import pytest
from django.urls import reverse

from coursework.evaluation.services import evaluation_comments, evaluation_save, evaluation_summary
from coursework.models import CourseEvaluation
from partnerships.common.errors import PlannerError
from tests.coursework.factories import CourseEvaluationFactory, EnrollmentFactory
from tests.partnerships.factories import UserFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "clarity": "5",
    "relevance": "4",
    "partnership": "4",
    "feedback": "3",
    "workload": "2",
    "recommend": "5",
    "comment_worked": "The two meetings.",
    "comment_change": "",
}


def form_url(enrollment):
    return reverse("coursework:evaluation", args=[enrollment.pk])


def results_url(cohort):
    return reverse("coursework:evaluation_results", args=[cohort.pk])


def test_teacher_submits_then_edits_one_evaluation(client_for, enrollment):
    client = client_for(enrollment.teacher)
    page = client.get(form_url(enrollment))
    assert page.status_code == 200
    assert "Submit my evaluation" in page.content.decode()
    assert client.post(form_url(enrollment), ANSWERS).status_code == 302
    assert client.post(form_url(enrollment), {**ANSWERS, "clarity": "2"}).status_code == 302
    evaluation = CourseEvaluation.objects.get()
    assert (evaluation.clarity, evaluation.workload, evaluation.comment_worked) == (2, 2, "The two meetings.")
    assert "Update my evaluation" in client.get(form_url(enrollment)).content.decode()


def test_missing_or_bad_ratings_are_explained_and_comments_kept(client_for, enrollment):
    response = client_for(enrollment.teacher).post(
        form_url(enrollment), {**ANSWERS, "clarity": "", "workload": "9", "comment_change": "Keep this text"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose a rating from 1 to 5." in html
    assert "Keep this text" in html
    assert not CourseEvaluation.objects.exists()


def test_closed_cohort_shows_answers_and_refuses_changes(client_for, enrollment, cohort):
    CourseEvaluationFactory(enrollment=enrollment, clarity=4)
    cohort.is_open = False
    cohort.save()
    client = client_for(enrollment.teacher)
    assert "can no longer be changed" in client.get(form_url(enrollment)).content.decode()
    response = client.post(form_url(enrollment), {**ANSWERS, "clarity": "1"})
    assert response.status_code == 400
    assert CourseEvaluation.objects.get().clarity == 4
    with pytest.raises(PlannerError):
        evaluation_save(enrollment=enrollment, answers={**ANSWERS, "clarity": 1})


def test_only_the_teacher_opens_their_evaluation(client_for, enrollment, instructor, other_teacher, client):
    assert client_for(other_teacher).get(form_url(enrollment)).status_code == 404
    assert client_for(instructor).get(form_url(enrollment)).status_code == 404
    assert client_for(other_teacher).post(form_url(enrollment), ANSWERS).status_code == 404
    assert reverse("login") in client.get(form_url(enrollment))["Location"]
    assert not CourseEvaluation.objects.exists()


def test_final_stage_page_links_to_the_evaluation(client_for, enrollment):
    html = client_for(enrollment.teacher).get(reverse("coursework:stage", args=[enrollment.pk, "final-reflection"]))
    assert form_url(enrollment) in html.content.decode()


# Aggregation --------------------------------------------------------------------------


@pytest.fixture
def three_evaluations(cohort):
    ratings = [(5, 1), (4, 2), (4, 5)]  # (clarity, workload)
    comments = ["Zebra-level clarity", "apples were great", "Middle of the road"]
    for (clarity, workload), comment in zip(ratings, comments, strict=True):
        CourseEvaluationFactory(
            enrollment=EnrollmentFactory(cohort=cohort, teacher=UserFactory(first_name=f"Named{clarity}{workload}")),
            clarity=clarity,
            workload=workload,
            comment_worked=comment,
        )


def test_summary_counts_and_means(cohort, three_evaluations, other_cohort):
    CourseEvaluationFactory(enrollment=EnrollmentFactory(cohort=other_cohort), clarity=1)
    summary = evaluation_summary(cohort)
    assert summary["responses"] == 3
    clarity = next(q for q in summary["questions"] if q["question"].field == "clarity")
    assert [r["count"] for r in clarity["ratings"]] == [0, 0, 0, 2, 1]
    assert [r["percent"] for r in clarity["ratings"]] == [0, 0, 0, 67, 33]
    assert clarity["mean"] == pytest.approx(4.33, abs=0.005)
    workload = next(q for q in summary["questions"] if q["question"].field == "workload")
    assert [r["count"] for r in workload["ratings"]] == [1, 1, 0, 0, 1]
    assert workload["mean"] == pytest.approx(2.67, abs=0.005)


def test_summary_of_no_evaluations(cohort):
    summary = evaluation_summary(cohort)
    assert summary["responses"] == 0
    assert all(q["mean"] is None for q in summary["questions"])


def test_anonymous_comments_have_no_names_and_are_sorted_by_text(cohort, three_evaluations):
    cohort.anonymous_evaluations = True
    cohort.save()
    comments = evaluation_comments(cohort)
    worked = comments["sections"][0]["comments"]
    assert [c["text"] for c in worked] == ["apples were great", "Middle of the road", "Zebra-level clarity"]
    assert all(c["author"] is None for c in worked)


def test_results_page_anonymous_hides_names(client_for, instructor, cohort, three_evaluations):
    cohort.anonymous_evaluations = True
    cohort.save()
    html = client_for(instructor).get(results_url(cohort)).content.decode()
    assert "apples were great" in html
    assert "Named" not in html
    assert "3 evaluations received" in html
    assert 'style="' not in html


def test_results_page_named_when_not_anonymous(client_for, instructor, cohort, three_evaluations):
    cohort.anonymous_evaluations = False
    cohort.save()
    html = client_for(instructor).get(results_url(cohort)).content.decode()
    assert "Named51" in html


def test_results_are_for_the_cohorts_instructors_only(client_for, cohort, other_instructor, enrollment, client):
    assert client_for(other_instructor).get(results_url(cohort)).status_code == 404
    assert client_for(enrollment.teacher).get(results_url(cohort)).status_code == 404
    assert reverse("login") in client.get(results_url(cohort))["Location"]


@pytest.mark.parametrize("size", [3, 40])
def test_results_query_budget(client_for, instructor, cohort, size, django_assert_max_num_queries):
    for _ in range(size):
        CourseEvaluationFactory(enrollment=EnrollmentFactory(cohort=cohort), comment_worked="ok")
    client = client_for(instructor)
    client.get(results_url(cohort))
    with django_assert_max_num_queries(5):
        assert client.get(results_url(cohort)).status_code == 200
