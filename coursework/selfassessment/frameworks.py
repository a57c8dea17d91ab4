"""Self-reflection frameworks as data: validate a JSON description, load it, find a cohort's.

The JSON format (see coursework/selfassessment/data/default_framework.json):

    {"name": "...", "description": "...", "is_default": false,
     "levels": [{"value": 1, "label": "Beginning", "description": "..."}, ... four levels],
     "domains": [{"name": "...", "practices": ["statement", ...]}, ...]}
"""

import json
from pathlib import Path

from django.apps import apps as global_apps
from django.db import transaction

from partnerships.common.errors import PlannerError

DEFAULT_FRAMEWORK_PATH = Path(__file__).parent / "data" / "default_framework.json"


def _text(value):
    return value.strip() if isinstance(value, str) else ""


def validate_framework_data(data):
    """Return a list of plain-language problems (empty when the data is usable)."""
    if not isinstance(data, dict):
        return ["The file must contain one JSON object with name, levels and domains."]
    errors = []
    if not _text(data.get("name")):
        errors.append("“name” is missing or empty.")
    elif len(_text(data["name"])) > 200:
        errors.append("“name” is longer than 200 characters.")
    if "is_default" in data and not isinstance(data["is_default"], bool):
        errors.append("“is_default” must be true or false.")
    levels = data.get("levels")
    if not isinstance(levels, list) or not levels:
        errors.append("“levels” must be a list of four rating levels.")
    else:
        values = []
        for number, level in enumerate(levels, start=1):
            if not isinstance(level, dict):
                errors.append(f"Level {number} must be an object with value, label and description.")
                continue
            value = level.get("value")
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 4:
                errors.append(f"Level {number}: “value” must be a whole number from 1 to 4.")
            else:
                values.append(value)
            if not _text(level.get("label")):
                errors.append(f"Level {number}: “label” is missing.")
        if sorted(values) != [1, 2, 3, 4] and len(values) == len(levels):
            errors.append("“levels” must have exactly the values 1, 2, 3 and 4, once each.")
    domains = data.get("domains")
    if not isinstance(domains, list) or not domains:
        errors.append("“domains” must be a list with at least one domain.")
    else:
        for number, domain in enumerate(domains, start=1):
            if not isinstance(domain, dict) or not _text(domain.get("name")):
                errors.append(f"Domain {number}: “name” is missing.")
                continue
            practices = domain.get("practices")
            if not isinstance(practices, list) or not practices:
                errors.append(f"Domain {number} ({domain['name']}): “practices” must list at least one statement.")
                continue
            for p_number, statement in enumerate(practices, start=1):
                if not _text(statement):
                    errors.append(f"Domain {number} ({domain['name']}), practice {p_number}: the statement is empty.")
    return errors


def read_framework_file(path):
    """Parse a framework JSON file, raising PlannerError with a clear message."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise PlannerError.listing([f"Cannot read {path}: {error.strerror or error}."]) from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise PlannerError.listing([f"{path} is not valid JSON: {error.msg} at line {error.lineno}."]) from error


def framework_load(*, data, replace=False, apps=global_apps):
    """Create a Framework with its levels, domains and practices from validated data.

    `apps` lets the data migration pass its historical registry. A framework with the
    same name is an error unless `replace` is set (replacing deletes the old one, which is
    refused while self-assessments use it).
    """
    errors = validate_framework_data(data)
    if errors:
        raise PlannerError.listing(errors)
    Framework = apps.get_model("coursework", "Framework")
    Domain = apps.get_model("coursework", "Domain")
    Practice = apps.get_model("coursework", "Practice")
    RatingLevel = apps.get_model("coursework", "RatingLevel")
    name = _text(data["name"])
    with transaction.atomic():
        existing = Framework.objects.filter(name=name).first()
        if existing is not None:
            if not replace:
                raise PlannerError.listing(
                    [f"A framework called “{name}” already exists; use --replace to replace it."]
                )
            if existing.self_assessments.exists():
                raise PlannerError.listing(
                    [f"“{name}” is already used by teachers' self-assessments and cannot be replaced."]
                )
            existing.delete()
        is_default = bool(data.get("is_default", False))
        if is_default:
            Framework.objects.filter(is_default=True).update(is_default=False)
        framework = Framework.objects.create(
            name=name, description=_text(data.get("description")), is_default=is_default
        )
        RatingLevel.objects.bulk_create(
            [
                RatingLevel(
                    framework=framework,
                    value=level["value"],
                    label=_text(level["label"]),
                    description=_text(level.get("description")),
                )
                for level in data["levels"]
            ]
        )
        for d_position, domain_data in enumerate(data["domains"], start=1):
            domain = Domain.objects.create(framework=framework, position=d_position, name=_text(domain_data["name"]))
            Practice.objects.bulk_create(
                [
                    Practice(domain=domain, position=p_position, statement=_text(statement))
                    for p_position, statement in enumerate(domain_data["practices"], start=1)
                ]
            )
    return framework


def default_framework():
    """The default framework, loading the shipped one if the database has none."""
    from coursework.models import Framework

    framework = Framework.objects.filter(is_default=True).first()
    if framework is None:
        framework = Framework.objects.order_by("pk").first()
    if framework is None:
        framework = framework_load(data=read_framework_file(DEFAULT_FRAMEWORK_PATH))
    return framework


def framework_for_cohort(cohort):
    from coursework.models import CohortFramework

    setting = CohortFramework.objects.filter(cohort=cohort).select_related("framework").first()
    return setting.framework if setting else default_framework()
