"""Settings read from the environment, with defaults for a laptop."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def _instance_secret(instance_path: Path) -> str:
    """Return the secret key kept in instance/, creating it on first run."""
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _database_url(instance_path: Path) -> str:
    """Return DATABASE_URL, or a SQLite file in instance/."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres://"):  # the form Heroku-style hosts hand out
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url or f"sqlite:///{instance_path / 'branding.sqlite3'}"


def load_config(instance_path: Path, package_path: Path) -> dict:
    """Build the application's settings from the environment.

    Run from a checkout, Flask's instance folder is ``instance/`` beside ``branding/``, so
    photos default to ``uploads/`` at the top; installed from a wheel, the instance folder is
    ``<prefix>/var/branding-instance`` and photos go to ``<prefix>/var/uploads``.
    """
    production = os.environ.get("BRANDING_ENV", "development") == "production"
    secret = os.environ.get("SECRET_KEY")
    if not secret:
        if production:
            raise RuntimeError("SECRET_KEY must be set in production")
        secret = _instance_secret(instance_path)
    return {
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(instance_path.parent / "uploads")),
        "MEDIA_STORAGE": os.environ.get("MEDIA_STORAGE", "local"),  # or "s3" (media.s3)
        "S3_BUCKET": os.environ.get("S3_BUCKET", ""),
        "S3_ENDPOINT_URL": os.environ.get("S3_ENDPOINT_URL", ""),  # MinIO, Ceph, Garage…
        "S3_REGION": os.environ.get("S3_REGION", ""),
        "S3_PREFIX": os.environ.get("S3_PREFIX", ""),
        "S3_PUBLIC_URL": os.environ.get("S3_PUBLIC_URL", ""),
        "S3_ADDRESSING_STYLE": os.environ.get("S3_ADDRESSING_STYLE", ""),  # "path" for MinIO
        "SEARCH_INDEX_DIR": os.environ.get("SEARCH_INDEX_DIR", str(instance_path / "search-index")),
        "SEARCH_INDEX_NAME": os.environ.get("SEARCH_INDEX_NAME", ""),  # default: host:folder
        "SEARCH_OUTBOX_RETENTION_DAYS": float(os.environ.get("SEARCH_OUTBOX_RETENTION_DAYS", "7")),
        "SEARCH_INDEX_LIVE_HOURS": float(os.environ.get("SEARCH_INDEX_LIVE_HOURS", "24")),
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "JOBS_BACKEND": os.environ.get("JOBS_BACKEND", ""),  # immediate, sqlite or redis
        "JOBS_SQLITE_PATH": os.environ.get("JOBS_SQLITE_PATH", ""),  # default instance/jobs…
        "JOBS_STUCK_SECONDS": float(os.environ.get("JOBS_STUCK_SECONDS", "120")),
        "PAGE_CACHE": os.environ.get("PAGE_CACHE", "1").lower() not in ("0", "false", "no", "off"),
        "PAGE_CACHE_SECONDS": float(os.environ.get("PAGE_CACHE_SECONDS", "60")),
        "PAGE_CACHE_MAX_BYTES": int(os.environ.get("PAGE_CACHE_MAX_BYTES", 16 * 1024 * 1024)),
        "SITE_URL": os.environ.get("SITE_URL", "").rstrip("/"),
        "PER_PAGE": int(os.environ.get("PER_PAGE", "12")),
        "MAP_TILE_URL": os.environ.get("MAP_TILE_URL", OSM_TILES),
        "MAP_TILE_ATTRIBUTION": os.environ.get("MAP_TILE_ATTRIBUTION", OSM_ATTRIBUTION),
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": int(os.environ.get("MAIL_PORT", "587")),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD", ""),
        "MAIL_STARTTLS": os.environ.get("MAIL_STARTTLS", "1") == "1",
        "MAIL_FROM": os.environ.get("MAIL_FROM", "Pesona Pakpak Bharat <no-reply@localhost>"),
        "MAIL_SEND_AFTER_REQUEST": os.environ.get("MAIL_SEND_AFTER_REQUEST", "1") == "1",
        "MAIL_MAX_ATTEMPTS": int(os.environ.get("MAIL_MAX_ATTEMPTS", "6")),
        "REVISIONS_PER_ITEM": int(os.environ.get("REVISIONS_PER_ITEM", "50")),
        "BUSINESS_DELETE_GRACE_DAYS": int(os.environ.get("BUSINESS_DELETE_GRACE_DAYS", "30")),
        "PROXY_COUNT": int(os.environ.get("PROXY_COUNT", "0")),
        # login throttling (accounts/throttle.py): delays, never a lock-out
        "LOGIN_FREE_FAILURES": 3,  # per account and client, then 1 s, 2 s, 4 s … between tries
        "LOGIN_MAX_DELAY_SECONDS": 300,
        "LOGIN_FREE_FAILURES_PER_CLIENT": 20,  # across accounts (password spraying)
        "LOGIN_MAX_CLIENT_DELAY_SECONDS": 60,
        "LOGIN_FAILURE_WINDOW_SECONDS": 15 * 60,
        # rate limits (accounts/limits.py): (how many, per seconds)
        "REGISTRATIONS_PER_CLIENT": (5, 3600),
        "RESET_MAILS_PER_CLIENT": (10, 3600),
        "RESET_MAILS_PER_ADDRESS": (3, 3600),
        "UPLOADS_PER_USER": (30, 600),
        "API_REQUESTS_PER_CLIENT": (600, 60),  # the open-data API (branding/api/http.py)
        # the API's change log keeps every change this long, then only each public item's
        # latest (branding/api/retention.py); an older sync cursor is answered 410
        "API_CHANGES_RETENTION_DAYS": int(os.environ.get("API_CHANGES_RETENTION_DAYS", "30")),
        "PASSWORD_RESET_MAX_AGE": 3600,
        # Argon2id, RFC 9106's second recommended (low-memory) profile
        "ARGON2_TIME_COST": 3,
        "ARGON2_MEMORY_KIB": 65536,
        "ARGON2_PARALLELISM": 4,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_SECURE": production,
        "PRODUCTION": production,
        "LOG_FORMAT": os.environ.get("LOG_FORMAT", ""),  # text or json (default in production)
        "LOG_LEVEL": os.environ.get(
            "LOG_LEVEL", "INFO"
        ),  # HSTS, Secure cookies (core.web.security)
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # photo uploads raise it (media.uploads)
        "PHOTO_MAX_FILE_BYTES": int(os.environ.get("PHOTO_MAX_FILE_BYTES", 15_000_000)),
        "PHOTO_MAX_FILES": int(os.environ.get("PHOTO_MAX_FILES", 8)),
        "PHOTO_MAX_PER_ITEM": int(os.environ.get("PHOTO_MAX_PER_ITEM", 30)),
        "PHOTO_MAX_PIXELS": int(os.environ.get("PHOTO_MAX_PIXELS", 50_000_000)),
        # PNG, WebP and HEIC are decoded whole (a JPEG at a reduced scale): fewer pixels
        "PHOTO_MAX_PIXELS_WHOLE": int(os.environ.get("PHOTO_MAX_PIXELS_WHOLE", 25_000_000)),
        "SEND_FILE_MAX_AGE_DEFAULT": 3600,
        "BABEL_DEFAULT_LOCALE": "id",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Jakarta",
        "BABEL_TRANSLATION_DIRECTORIES": str(package_path / "translations"),
    }
