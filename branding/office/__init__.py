"""The tourism office's back office: editing, moderation, administration."""

from flask import Blueprint


def blueprints() -> list[Blueprint]:
    """Return the back office's blueprints, one per area of work."""
    from branding.businesses.moderation_views import bp as moderation_bp
    from branding.businesses.owner_views import bp as owner_bp
    from branding.office.admin_views import bp as admin_bp
    from branding.office.area_views import bp as areas_bp
    from branding.office.destination_views import bp as destinations_bp
    from branding.office.event_views import bp as events_bp
    from branding.office.views import bp as office_bp

    return [office_bp, destinations_bp, events_bp, areas_bp, admin_bp, moderation_bp, owner_bp]
