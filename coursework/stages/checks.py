"""Per-stage minimum work before a stage can be marked ready for review.

Stage modules register `check(enrollment) -> message or None` with @submit_requirement.
"""

_checks = {}


def submit_requirement(slug):
    def register(check):
        _checks[slug] = check
        return check

    return register


def submit_check(slug, enrollment):
    check = _checks.get(slug)
    return check(enrollment) if check else None
