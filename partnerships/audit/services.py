from partnerships.models import AuditEvent


def audit_record(*, actor, action, target=None, summary):
    """Keep a sensitive action for staff to review."""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        summary=summary[:300],
    )
