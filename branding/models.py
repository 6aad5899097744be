"""Every model, imported in one place so that Alembic sees all tables."""

from branding.accounts.models import AuditEntry, RateEvent, Role, User
from branding.api.models import ApiChange, ApiExposure, ApiLogHorizon
from branding.areas.models import Area, AreaKind
from branding.businesses.models import Business, BusinessCategory, ModerationStatus, Product
from branding.core.jobs.models import JobFailure
from branding.core.mail import OutgoingMail
from branding.core.pagecache.models import PageVersion
from branding.destinations.models import Destination, DestinationCategory, Facility
from branding.editorial.models import Revision
from branding.events.models import Event, EventCategory, EventStatus
from branding.identity.models import BrandingSettings
from branding.insight.models import CountBatch, DailyCount, Poster, SearchCount
from branding.media.models import Photo
from branding.search.models import MissedSearch, SearchIndexState, SearchOutbox
from branding.workbench.models import (
    CatalogVersion,
    CoverageRecord,
    GlossaryTerm,
    InterfaceTranslation,
    TranslationStatus,
)

__all__ = [
    "ApiChange",
    "ApiExposure",
    "ApiLogHorizon",
    "AuditEntry",
    "JobFailure",
    "PageVersion",
    "RateEvent",
    "MissedSearch",
    "Area",
    "AreaKind",
    "BrandingSettings",
    "CatalogVersion",
    "CoverageRecord",
    "InterfaceTranslation",
    "TranslationStatus",
    "CountBatch",
    "DailyCount",
    "Poster",
    "SearchCount",
    "Business",
    "BusinessCategory",
    "Destination",
    "DestinationCategory",
    "GlossaryTerm",
    "Event",
    "EventCategory",
    "EventStatus",
    "Facility",
    "ModerationStatus",
    "OutgoingMail",
    "Revision",
    "Photo",
    "Product",
    "Role",
    "SearchIndexState",
    "SearchOutbox",
    "User",
]
