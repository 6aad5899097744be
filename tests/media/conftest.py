"""Fixtures of the media tests: an S3-compatible server."""

from tests.media.s3_server import s3_server  # noqa: F401
