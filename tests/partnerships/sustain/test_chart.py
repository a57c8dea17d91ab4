"""The outcome chart: baseline, each reading at its date and the target, on labelled axes."""

from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from partnerships.sustain.chart import HEIGHT, WIDTH, nice_ticks, outcome_chart
from partnerships.sustain.services import touch_point_record
from tests.partnerships.factories import ActionPlanFactory, OutcomeFactory, SelectedFocusAreaFactory, TouchPointFactory


def test_ticks_are_round_numbers_that_cover_the_values():
    assert nice_ticks(0, 50) == [0, 20, 40, 60]
    assert nice_ticks(12, 87) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(0, 0.4) == [0.0, 0.1, 0.2, 0.3, 0.4]


@given(
    low=st.decimals(min_value=-1000, max_value=1000, places=2),
    span=st.decimals(min_value=0, max_value=100000, places=2),
)
def test_ticks_always_cover_the_range_in_a_handful_of_steps(low, span):
    ticks = nice_ticks(low, low + span)
    assert ticks[0] <= float(low) and ticks[-1] >= float(low + span)
    assert 2 <= len(ticks) <= 12


def test_every_mark_lies_inside_the_plot_and_later_dates_lie_further_right():
    start = date(2026, 9, 1)
    geometry = outcome_chart(
        baseline=Decimal(22),
        baseline_on=start,
        readings=[(start + timedelta(days=30), Decimal(31)), (start + timedelta(days=90), Decimal(44))],
        target=Decimal(50),
        target_on=date(2027, 6, 1),
    )
    plot = geometry["plot"]
    xs = [m.x for m in geometry["marks"]] + [geometry["target"].x]
    assert xs == sorted(xs)
    for mark in [*geometry["marks"], geometry["target"]]:
        assert plot["left"] <= mark.x <= plot["right"] and plot["top"] <= mark.y <= plot["bottom"]
    assert geometry["target"].x == plot["right"]  # the target date is the last date on the axis
    assert 0 < plot["right"] <= WIDTH and 0 < plot["bottom"] <= HEIGHT


def test_a_target_below_the_baseline_still_draws():
    geometry = outcome_chart(
        baseline=Decimal(18), baseline_on=date(2026, 9, 1), readings=[], target=Decimal(5), target_on=None
    )
    assert geometry["target"].y > geometry["marks"][0].y


def test_no_numbers_no_chart():
    assert outcome_chart(baseline=None, baseline_on=date(2026, 9, 1), readings=[], target=None, target_on=None) is None


def test_the_partnership_page_draws_baseline_readings_target_and_axes(client_for, partnership, teacher):
    plan = ActionPlanFactory(focus_area=SelectedFocusAreaFactory(partnership=partnership))
    outcome = OutcomeFactory(
        plan=plan, measure="Weekly readers", baseline=22, target=50, target_date=timezone.localdate() + timedelta(90)
    )
    held = TouchPointFactory(partnership=partnership, scheduled_at=timezone.now() - timedelta(days=2))
    touch_point_record(touch_point=held, by=teacher, expected_version=1, readings={outcome.pk: Decimal(31)})

    body = client_for(teacher).get(reverse("partnerships:detail", args=[partnership.pk])).content.decode()

    assert "baseline 22" in body  # the baseline is drawn and labelled
    assert ">31<" in body  # the reading
    assert "target 50 by" in body
    assert 'class="chart-grid"' in body and ">20<" in body and ">40<" in body  # value ticks
    assert (timezone.localdate() + timedelta(90)).strftime("%b") in body  # the time axis reaches the target date
    assert "Weekly readers: baseline 22, 1 reading, latest 31, target 50." in body  # the text equivalent
