"""Field validators shared by both apps."""

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError

from partnerships.meetings.time_zones import known_time_zones


def validate_web_url(value):
    """Only http:// and https:// addresses: no javascript:, data:, file: or ftp: links."""
    if value and urlsplit(value).scheme.lower() not in ("http", "https"):
        raise ValidationError("Enter a web address that starts with http:// or https://.", code="scheme")


def validate_time_zone(value):
    if value not in known_time_zones():
        raise ValidationError("Choose a time zone from the list, for example America/New_York.", code="time_zone")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError("That time zone is not known.", code="time_zone") from error
