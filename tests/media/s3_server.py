"""An S3-compatible server for the tests: ``TEST_S3_ENDPOINT`` if given, else moto's, started here.

moto's standalone server answers the S3 protocol over HTTP on a local port, so boto3 talks to
it exactly as to AWS, MinIO or Garage (no mocking inside the client). Each test gets a bucket
of its own.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@dataclass(frozen=True)
class S3Server:
    endpoint: str

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "testing"),
            aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "testing"),
        )

    def new_bucket(self) -> str:
        name = f"pakpak-{uuid.uuid4().hex[:16]}"
        self.client().create_bucket(Bucket=name)
        return name


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """Return a running S3-compatible server (the one CI gives, or moto's on a free port)."""
    for name, value in CREDENTIALS.items():
        os.environ.setdefault(name, value)
    given = os.environ.get("TEST_S3_ENDPOINT")
    if given:
        yield S3Server(given)
        return
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield S3Server(f"http://127.0.0.1:{port}")
    finally:
        server.stop()


def s3_settings(server: S3Server, bucket: str, **extra: str) -> dict[str, str]:
    """Return the app settings that put media in ``bucket`` of ``server``."""
    return {
        "MEDIA_STORAGE": "s3",
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": server.endpoint,
        "S3_REGION": "us-east-1",
        "S3_ADDRESSING_STYLE": "path",
        **extra,
    }
