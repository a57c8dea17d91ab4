"""Per-feature fillers for bench.generate: each adds the stage work teachers have reached.

A filler takes the Context and returns how many rows it inserted. They run in the order
of ORDER below, because later stages build on earlier ones (a focus area cites the goals
and interview notes made before it). bulk_create only, so 2,000 teachers take seconds.

History (django-simple-history) is written in bulk for the models whose history pages
read it: reflections (versions page), focus areas (revision trail on the review page)
and the plan with its outcomes, steps, ideas and comments (plan history page). The
other tracked models' history is shown only in the Django admin, so it is left empty.
"""

from bench.fillers import collaboratives, course, focus, inputs, lasting, meetings, plan, second_meeting
from bench.fillers.base import FILLERS, Context, filler

# The import order above is alphabetical (ruff sorts it); this is the order that matters.
ORDER = (inputs, meetings, focus, second_meeting, plan, lasting, course, collaboratives)
FILLERS.sort(key=lambda entry: [m.__name__ for m in ORDER].index(entry[1].__module__))

__all__ = ["FILLERS", "ORDER", "Context", "filler"]
