"""Every named route of the project, found by walking the URL resolver."""

from django.urls import URLPattern, URLResolver, get_resolver

SKIPPED_NAMESPACES = ("admin",)  # the Django admin: staff-only, checked on its own
SKIPPED_NAMES = ("static",)


def walk(patterns=None, namespace=""):
    """Yield (name or None, pattern description) for every route, namespaced."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield name, f"{namespace}{pattern.pattern}"


def named_routes():
    """(named routes to check, descriptions of unnamed ones outside skipped namespaces)."""
    names, unnamed = [], []
    for name, description in walk():
        space = (name or description).split(":")[0] if ":" in (name or description) else ""
        if space in SKIPPED_NAMESPACES:
            continue
        if name is None:
            unnamed.append(description)
        elif name not in SKIPPED_NAMES:
            names.append(name)
    return sorted(set(names)), unnamed
