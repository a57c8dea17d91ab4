"""The mindsets and final-reflection pages, versions and restore: who may do what, and how fast."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from coursework.access import editable_reflections, readable_reflections, reflection_reader_enrollments
from coursework.models import MAX_REFLECTION_CHARS, Cohort, Prompt, Reflection, StageProgress
from coursework.reflections.services import reflection_save
from tests.coursework.factories import CohortFactory, EnrollmentFactory, PromptFactory

pytestmark = pytest.mark.django_db


def stage_url(enrollment, slug="mindsets"):
    return reverse("coursework:stage", args=[enrollment.pk, slug])


def prompts(enrollment, stage="mindsets"):
    return list(Prompt.objects.for_stage(enrollment.cohort, stage))


def answer(enrollment, prompt, *texts):
    for version, text in enumerate(texts):
        reflection_save(enrollment=enrollment, prompt=prompt, base_version=version, text=text)
    return Reflection.objects.get(enrollment=enrollment, prompt=prompt)


def form_data(enrollment, texts, stage="mindsets", carry=()):
    data = {}
    for prompt, text in zip(prompts(enrollment, stage), texts, strict=False):
        reflection = Reflection.objects.filter(enrollment=enrollment, prompt=prompt).first()
        data[f"text-{prompt.pk}"] = text
        data[f"version-{prompt.pk}"] = reflection.version if reflection else 0
        if prompt.pk in carry:
            data[f"carry-{prompt.pk}"] = "on"
    return data


# --- the stage page ------------------------------------------------------------------------


def test_mindsets_page_shows_each_prompt_as_a_labelled_textarea(client_for, enrollment):
    first = prompts(enrollment)[0]
    answer(enrollment, first, "My earlier answer")
    response = client_for(enrollment.teacher).get(stage_url(enrollment))
    assert response.status_code == 200
    html = response.content.decode()
    for prompt in prompts(enrollment):
        assert f'<label for="id_text-{prompt.pk}"' in html
        assert f'id="id_text-{prompt.pk}"' in html
        assert f'for="id_carry-{prompt.pk}"' in html
        assert reverse("coursework:reflection_versions", args=[enrollment.pk, prompt.pk]) in html
        assert reverse("coursework:reflection_autosave", args=[enrollment.pk, prompt.pk]) in html
    assert "Perceptual position — the administrator’s view" in html
    assert "My earlier answer</textarea>" in html
    assert f'data-autosave-version="1" data-autosave-key="reflection:{enrollment.pk}:{first.pk}"' in html
    assert "Last saved" in html
    assert "1 of 8 questions answered" in html
    assert "Save all answers" in html
    assert "<script>" not in html and "style=" not in html


def test_final_reflection_page_has_prompts_no_carry_forward_and_an_include_point(client_for, enrollment):
    response = client_for(enrollment.teacher).get(stage_url(enrollment, "final-reflection"))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r'data-autosave-field="text"', html)) == 5
    assert "carry_forward" not in html
    assert "Stage 7: Action plan" in html  # what it draws on
    template_names = [t.name for t in response.templates]
    assert "coursework/stages/final-reflection.html" in template_names


def test_save_button_without_javascript_saves_every_answer(client_for, enrollment):
    ps = prompts(enrollment)
    client = client_for(enrollment.teacher)
    data = form_data(enrollment, [f"Answer {i}" for i in range(len(ps))], carry={ps[1].pk})
    response = client.post(stage_url(enrollment), data)
    assert response.status_code == 302
    assert response["Location"] == stage_url(enrollment)
    saved = {r.prompt_id: r for r in Reflection.objects.filter(enrollment=enrollment)}
    assert [saved[p.pk].text for p in ps] == [f"Answer {i}" for i in range(len(ps))]
    assert saved[ps[1].pk].carry_forward and not saved[ps[0].pk].carry_forward
    assert enrollment.progress.get(stage="mindsets").status == StageProgress.Status.IN_PROGRESS
    page = client.get(stage_url(enrollment))
    assert "Your answers are saved." in page.content.decode()


def test_save_button_conflict_keeps_my_text_and_shows_the_saved_one(client_for, enrollment):
    ps = prompts(enrollment)
    data = form_data(enrollment, ["Mine, typed in this tab", "Second answer"])
    answer(enrollment, ps[0], "Saved from another tab")
    response = client_for(enrollment.teacher).post(stage_url(enrollment), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "changed in another tab" in html
    assert "Mine, typed in this tab</textarea>" in html
    assert "Saved from another tab" in html
    assert f'name="version-{ps[0].pk}" value="1"' in html  # saving again keeps mine
    assert Reflection.objects.get(prompt=ps[0]).text == "Saved from another tab"
    assert Reflection.objects.get(prompt=ps[1]).text == "Second answer"  # the others were saved
    again = client_for(enrollment.teacher).post(
        stage_url(enrollment), form_data(enrollment, ["Mine, typed in this tab"])
    )
    assert again.status_code == 302
    assert Reflection.objects.get(prompt=ps[0]).text == "Mine, typed in this tab"


def test_save_button_skips_prompts_added_after_the_page_loaded(client_for, enrollment):
    ps = prompts(enrollment)
    data = form_data(enrollment, ["Only the first"])
    response = client_for(enrollment.teacher).post(stage_url(enrollment), data)
    assert response.status_code == 302
    assert list(Reflection.objects.values_list("prompt_id", flat=True)) == [ps[0].pk]


def test_too_long_answer_gets_a_message_next_to_it_and_everything_is_kept(client_for, enrollment):
    ps = prompts(enrollment)
    long_text = "x" * 100_000
    data = form_data(enrollment, [long_text, "Short one"])
    response = client_for(enrollment.teacher).post(stage_url(enrollment), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_text-{ps[0].pk}-error"' in html
    assert f"the limit is {MAX_REFLECTION_CHARS:,}" in html
    assert long_text in html and "Short one</textarea>" in html
    assert 'aria-invalid="true"' in html
    assert not Reflection.objects.exists()


def test_submit_with_missing_answers_names_them(client_for, enrollment):
    ps = prompts(enrollment)
    for prompt in ps[:-1]:
        answer(enrollment, prompt, "Done")
    client = client_for(enrollment.teacher)
    response = client.post(reverse("coursework:stage_submit", args=[enrollment.pk, "mindsets"]), follow=True)
    html = response.content.decode()
    assert "1 is still empty" in html
    assert ps[-1].text.split()[0] in html
    assert enrollment.progress.get(stage="mindsets").status == StageProgress.Status.IN_PROGRESS
    answer(enrollment, ps[-1], "Done too")
    client.post(reverse("coursework:stage_submit", args=[enrollment.pk, "mindsets"]))
    assert enrollment.progress.get(stage="mindsets").status == StageProgress.Status.SUBMITTED


def test_stepper_is_a_nav_with_aria_current_and_tells_the_truth(client_for, enrollment):
    client = client_for(enrollment.teacher)
    client.post(
        reverse("coursework:reflection_autosave", args=[enrollment.pk, prompts(enrollment)[0].pk]),
        {"field": "text", "value": "started", "version": 0},
        HTTP_HX_REQUEST="true",
    )
    html = client.get(stage_url(enrollment, "research")).content.decode()
    nav = html[html.index('<nav class="stepper') : html.index("</nav>", html.index('<nav class="stepper'))]
    assert 'aria-label="Unit stages"' in nav
    assert nav.count('aria-current="step"') == 1
    current = nav[: nav.index('aria-current="step"')]
    assert current.rstrip().endswith(f'href="{stage_url(enrollment, "research")}"')
    mindsets = nav[nav.index("Mindsets") : nav.index("Self-reflection")]
    assert "In progress" in mindsets
    assert nav.count("Not started") == 7


def test_later_stage_lists_the_earlier_work_it_draws_on(client_for, enrollment):
    html = client_for(enrollment.teacher).get(stage_url(enrollment, "first-meeting")).content.decode()
    assert "This stage draws on your earlier work" in html
    for number, title in [(1, "Mindsets"), (2, "Professional self-reflection"), (3, "School and district goals")]:
        assert f"Stage {number}: {title}" in html


@pytest.mark.parametrize("who", ["administrator", "colleague", "other_teacher", "instructor", "other_instructor"])
def test_nobody_else_opens_or_posts_the_teachers_stage_page(request, client_for, enrollment, who):
    person = request.getfixturevalue(who)
    client = client_for(person)
    assert client.get(stage_url(enrollment)).status_code == 404
    assert client.post(stage_url(enrollment), form_data(enrollment, ["hijack"])).status_code == 404
    assert not Reflection.objects.exists()


def test_anonymous_is_sent_to_sign_in(enrollment):
    response = Client().get(stage_url(enrollment))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("size", [3, 12])
def test_stage_page_queries_do_not_grow_with_prompts(client_for, django_assert_max_num_queries, size):
    cohort = CohortFactory(prompts=False)
    enrollment = EnrollmentFactory(cohort=cohort)
    for position in range(1, size + 1):
        prompt = PromptFactory(cohort=cohort, position=position)
        answer(enrollment, prompt, "first", "second")
    client = client_for(enrollment.teacher)
    with django_assert_max_num_queries(12):
        response = client.get(stage_url(enrollment))
    assert response.status_code == 200
    assert response.content.decode().count('data-autosave-field="text"') == size


# --- versions and restore --------------------------------------------------------------------


def versions_url(enrollment, prompt):
    return reverse("coursework:reflection_versions", args=[enrollment.pk, prompt.pk])


def test_versions_page_lists_every_save_newest_first(client_for, enrollment):
    prompt = prompts(enrollment)[0]
    answer(enrollment, prompt, "alpha beginning", "beta " + "word " * 30, "gamma latest")
    response = client_for(enrollment.teacher).get(versions_url(enrollment, prompt))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Earlier versions of your answer</h1>" in html
    assert html.index("gamma latest") < html.index("beta") < html.index("alpha beginning")
    assert "beta word word word" in html and "word " * 20 not in html  # only the first words
    assert "current" in html
    assert "America/New_York" in html


def test_version_page_shows_full_text_and_restore_brings_it_back(client_for, enrollment):
    prompt = prompts(enrollment)[0]
    reflection = answer(enrollment, prompt, "The careful first draft\nwith two lines", "Oops, overwritten")
    first = reflection.history.get(version=1)
    client = client_for(enrollment.teacher)
    url = reverse("coursework:reflection_version", args=[enrollment.pk, prompt.pk, first.history_id])
    html = client.get(url).content.decode()
    assert "The careful first draft\nwith two lines" in html
    assert "Restore version 1" in html
    restore = reverse("coursework:reflection_restore", args=[enrollment.pk, prompt.pk, first.history_id])
    response = client.post(restore)
    assert response.status_code == 302
    assert response["Location"] == stage_url(enrollment) + f"#answer-{prompt.pk}"
    reflection.refresh_from_db()
    assert (reflection.text, reflection.version) == ("The careful first draft\nwith two lines", 3)
    assert reflection.history.count() == 3
    page = client.get(stage_url(enrollment)).content.decode()
    assert "Version 1 is your answer again" in page
    assert "The careful first draft\nwith two lines</textarea>" in page


def test_current_version_has_no_restore_button(client_for, enrollment):
    prompt = prompts(enrollment)[0]
    reflection = answer(enrollment, prompt, "only one")
    url = reverse("coursework:reflection_version", args=[enrollment.pk, prompt.pk, reflection.history.get().history_id])
    html = client_for(enrollment.teacher).get(url).content.decode()
    assert "This is the current version" in html
    assert "Restore version" not in html


def test_versions_page_before_any_answer(client_for, enrollment):
    html = client_for(enrollment.teacher).get(versions_url(enrollment, prompts(enrollment)[0])).content.decode()
    assert "No answer has been saved yet" in html


def test_instructor_reads_versions_but_cannot_restore(client_for, enrollment, instructor):
    prompt = prompts(enrollment)[0]
    reflection = answer(enrollment, prompt, "v1", "v2")
    record = reflection.history.get(version=1)
    client = client_for(instructor)
    assert client.get(versions_url(enrollment, prompt)).status_code == 200
    page = client.get(reverse("coursework:reflection_version", args=[enrollment.pk, prompt.pk, record.history_id]))
    assert page.status_code == 200
    assert "Restore version" not in page.content.decode()
    restore = reverse("coursework:reflection_restore", args=[enrollment.pk, prompt.pk, record.history_id])
    assert client.post(restore).status_code == 404
    reflection.refresh_from_db()
    assert reflection.text == "v2"


@pytest.mark.parametrize("who", ["administrator", "colleague", "other_teacher", "other_instructor"])
def test_others_get_404_on_versions_and_restore(request, client_for, enrollment, who):
    prompt = prompts(enrollment)[0]
    reflection = answer(enrollment, prompt, "private v1", "private v2")
    record = reflection.history.get(version=1)
    client = client_for(request.getfixturevalue(who))
    assert client.get(versions_url(enrollment, prompt)).status_code == 404
    detail = reverse("coursework:reflection_version", args=[enrollment.pk, prompt.pk, record.history_id])
    assert client.get(detail).status_code == 404
    restore = reverse("coursework:reflection_restore", args=[enrollment.pk, prompt.pk, record.history_id])
    assert client.post(restore).status_code == 404


def test_anonymous_versions_redirects_to_sign_in(enrollment):
    response = Client().get(versions_url(enrollment, prompts(enrollment)[0]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_restore_refuses_a_history_id_from_another_answer(client_for, enrollment):
    first, second = prompts(enrollment)[:2]
    answer(enrollment, first, "a")
    other = answer(enrollment, second, "b")
    url = reverse("coursework:reflection_restore", args=[enrollment.pk, first.pk, other.history.get().history_id])
    assert client_for(enrollment.teacher).post(url).status_code == 404
    assert client_for(enrollment.teacher).get(url).status_code == 405


@pytest.mark.parametrize("size", [3, 30])
def test_versions_page_queries_do_not_grow(client_for, enrollment, django_assert_max_num_queries, size):
    prompt = prompts(enrollment)[0]
    answer(enrollment, prompt, *[f"version {n}" for n in range(size)])
    client = client_for(enrollment.teacher)
    with django_assert_max_num_queries(10):
        response = client.get(versions_url(enrollment, prompt))
    assert response.content.decode().count("Read version") == size


def test_versions_are_paginated(client_for, enrollment):
    prompt = prompts(enrollment)[0]
    answer(enrollment, prompt, *[f"version {n}" for n in range(55)])
    client = client_for(enrollment.teacher)
    first = client.get(versions_url(enrollment, prompt)).content.decode()
    assert first.count("Read version") == 50 and "Older versions" in first
    second = client.get(versions_url(enrollment, prompt) + "?page=2").content.decode()
    assert second.count("Read version") == 5


# --- access functions ------------------------------------------------------------------------


def test_access_functions_follow_design_section_4(enrollment, instructor, administrator, colleague, other_teacher):
    reflection = answer(enrollment, prompts(enrollment)[0], "mine")
    assert list(readable_reflections(enrollment.teacher)) == [reflection]
    assert list(editable_reflections(enrollment.teacher)) == [reflection]
    assert list(readable_reflections(instructor)) == [reflection]
    assert not editable_reflections(instructor).exists()
    for person in (administrator, colleague, other_teacher):
        assert not readable_reflections(person).exists()
        assert not editable_reflections(person).exists()
    from django.contrib.auth.models import AnonymousUser

    assert not readable_reflections(AnonymousUser()).exists()
    assert not reflection_reader_enrollments(AnonymousUser()).exists()


def test_a_teacher_who_also_instructs_sees_each_enrollment_once(enrollment, instructor):
    own = EnrollmentFactory(teacher=instructor, cohort=CohortFactory(instructors=[instructor]))
    assert sorted(reflection_reader_enrollments(instructor).values_list("pk", flat=True)) == sorted(
        [enrollment.pk, own.pk]
    )


# --- admin and demo --------------------------------------------------------------------------


def test_admin_cohort_add_seeds_prompts_and_shows_them_inline(client_for, staff, cohort):
    client = client_for(staff)
    page = client.get(reverse("admin:coursework_cohort_change", args=[cohort.pk]))
    assert page.status_code == 200
    assert "prompts-TOTAL_FORMS" in page.content.decode()
    data = {
        "course": cohort.course.pk,
        "name": "Spring cohort",
        "term": "Spring 2027",
        "is_open": "on",
        "stage_settings-TOTAL_FORMS": "0",
        "stage_settings-INITIAL_FORMS": "0",
        "prompts-TOTAL_FORMS": "0",
        "prompts-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:coursework_cohort_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Cohort.objects.get(name="Spring cohort")
    assert Prompt.objects.filter(cohort=created, stage="mindsets").count() == 8
    assert created.stage_settings.count() == 8


def test_admin_lists_reflections_read_only(client_for, staff, enrollment):
    reflection = answer(enrollment, prompts(enrollment)[0], "admin can read")
    client = client_for(staff)
    assert client.get(reverse("admin:coursework_reflection_changelist")).status_code == 200
    page = client.get(reverse("admin:coursework_reflection_change", args=[reflection.pk]))
    assert page.status_code == 200 and "admin can read" in page.content.decode()
    assert client.get(reverse("admin:coursework_reflection_history", args=[reflection.pk])).status_code == 200
    assert client.get(reverse("admin:coursework_reflection_add")).status_code == 403


def test_demo_has_prompts_and_answers_that_match_progress():

    from coursework.demo import seed

    seed()
    cohort = Cohort.objects.get(name="Fall 2026 cohort")
    assert Prompt.objects.filter(cohort=cohort, stage="final-reflection").count() == 5
    teacher_enrollment = cohort.enrollments.get(teacher__email="teacher@demo.test")
    assert teacher_enrollment.reflections.count() == 8
    assert teacher_enrollment.reflections.filter(carry_forward=True).count() == 3
    for enrollment in cohort.enrollments.all():
        progress = enrollment.progress.get(stage="mindsets")
        if progress.status == StageProgress.Status.COMPLETE:
            assert enrollment.reflections.filter(prompt__stage="mindsets").exclude(text="").count() == 8
    seed()
    assert teacher_enrollment.reflections.count() == 8
    assert Prompt.objects.filter(cohort=cohort).count() == 13
