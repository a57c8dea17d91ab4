"""The outcome progress chart's geometry: baseline, each reading at its date, and the target,
on a time axis with labelled value ticks. Rendered as SVG by
templates/partnerships/lasting/_outcome_svg.html (the page and the plan PDF share it); the
same numbers are always in a table beside it.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 20, 18, 44


@dataclass(frozen=True)
class Mark:
    kind: str  # "baseline", "reading" or "target"
    on: date
    value: Decimal
    x: float
    y: float

    @property
    def diamond(self):
        """SVG points of the diamond that marks the target."""
        x, y, r = self.x, self.y, 6
        return f"{x},{y - r} {x + r},{y} {x},{y + r} {x - r},{y}"


def nice_ticks(low, high, count=4):
    """Round tick values covering [low, high]: 0, 25, 50, … rather than 0, 23.3, 46.7."""
    low, high = float(low), float(high)
    if high == low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step)
    last = math.ceil(high / step)
    return [round(i * step, 6) for i in range(first, last + 1)]


def outcome_chart(*, baseline, baseline_on, readings, target, target_on):
    """Geometry for one outcome. `readings` is [(date, value)] in date order."""
    values = [v for v in [baseline, target, *(v for _, v in readings)] if v is not None]
    if readings and baseline_on is not None:
        # The baseline describes where things stood before the first reading, whenever it was typed.
        baseline_on = min(baseline_on, readings[0][0])
    if not values:
        return None
    dates = [d for d in [baseline_on, target_on, *(d for d, _ in readings)] if d is not None]
    first, last = min(dates), max(dates)
    if first == last:
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    ticks = nice_ticks(min(values + [Decimal(0)]), max(values))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(day):
        return round(LEFT + (day - first).days / (last - first).days * plot_w, 1)

    def y_of(value):
        return round(TOP + plot_h - (float(value) - low) / (high - low) * plot_h, 1)

    marks = []
    if baseline is not None:
        marks.append(Mark("baseline", baseline_on or first, baseline, x_of(baseline_on or first), y_of(baseline)))
    marks += [Mark("reading", day, value, x_of(day), y_of(value)) for day, value in readings]
    target_mark = None
    if target is not None:
        on = target_on or last
        target_mark = Mark("target", on, target, x_of(on), y_of(target))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "plot": {"left": LEFT, "right": WIDTH - RIGHT, "top": TOP, "bottom": HEIGHT - BOTTOM},
        "y_ticks": [{"value": t, "y": y_of(t)} for t in ticks],
        "marks": marks,
        "line": " ".join(f"{m.x},{m.y}" for m in marks),
        "target": target_mark,
        "baseline_on": baseline_on,
        "first": first,
        "last": last,
    }
