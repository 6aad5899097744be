"""The WSGI entry point: the only module-level application."""

from branding import create_app

app = create_app()
