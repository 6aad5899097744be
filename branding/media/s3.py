"""Photo files in an S3-compatible object store (AWS S3, MinIO, Ceph, Garage), with boto3.

Chosen with ``MEDIA_STORAGE=s3``; several app servers then share one store. Objects are
written whole by one ``PutObject`` (readers never see part of one) with their type and a
year of immutable caching, so a proxy or CDN in front of the store can keep them. The
bucket may stay private: the application streams files to visitors, with the same headers
as the local folder. With ``S3_PUBLIC_URL`` (a public bucket, or a CDN in front of it),
files visitors may see are answered by a redirect there instead; files of photos not yet
public are always streamed, never redirected. Credentials come the usual boto3 way (the
``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` variables, a profile, or an instance role).
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Iterator
from typing import Any

from flask import Response, abort, request

from branding.media.storage import TYPES, YEAR, valid_name

CHUNK = 64 * 1024
IMMUTABLE = f"public, max-age={YEAR}, immutable"


def _missing(error: Exception) -> bool:
    code = getattr(error, "response", {}).get("Error", {}).get("Code", "")
    return code in ("NoSuchKey", "404", "NotFound")


class S3Storage:
    """Photo files as objects ``<prefix>photos/…`` in one bucket."""

    def __init__(self, client: Any, bucket: str, prefix: str = "", public_url: str = "") -> None:
        self.client, self.bucket = client, bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.public_url = public_url.rstrip("/")

    def _key(self, name: str) -> str:
        if not valid_name(name):
            raise ValueError(f"not a media name: {name!r}")
        return self.prefix + name

    def save(self, name: str, data: bytes) -> None:
        """Store a file in one request: the store shows it whole or not at all."""
        self.client.put_object(
            Bucket=self.bucket,
            Key=self._key(name),
            Body=data,
            ContentType=TYPES[name.rsplit(".", 1)[1]],
            CacheControl=IMMUTABLE,
        )

    def delete(self, name: str) -> None:
        """Remove a file; one already gone is fine (S3 deletes are idempotent)."""
        self.client.delete_object(Bucket=self.bucket, Key=self._key(name))

    def names(self) -> Iterator[tuple[str, float]]:
        """Yield every object under ``photos/`` with its age in seconds."""
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix + "photos/"
        )
        now = time.time()
        for page in pages:
            for item in page.get("Contents", []):
                age = max(0.0, now - item["LastModified"].timestamp())
                yield item["Key"][len(self.prefix) :], age

    def remove_stray(self, name: str) -> None:
        """Remove an object ``names`` listed that has no valid name; nothing outside photos/."""
        clean = posixpath.normpath(name)
        if clean.startswith("photos/") and ".." not in clean.split("/"):
            self.client.delete_object(Bucket=self.bucket, Key=self.prefix + clean)

    def read(self, name: str) -> bytes:
        """Return a file's bytes (for backups); a missing file raises FileNotFoundError."""
        try:
            found = self.client.get_object(Bucket=self.bucket, Key=self._key(name))
        except Exception as error:
            if _missing(error):
                raise FileNotFoundError(name) from error
            raise
        return found["Body"].read()

    def check(self) -> None:
        """Raise OSError unless the bucket answers (readiness)."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except Exception as error:
            raise OSError(f"bucket {self.bucket!r}: {error}") from error

    def response(self, name: str, public: bool = True) -> Response:
        """Stream a file with its type, nosniff and a year of caching (or redirect to it)."""
        key = self._key(name)
        if public and self.public_url:
            moved = Response(status=302, headers={"Location": f"{self.public_url}/{key}"})
            moved.cache_control.public = True
            moved.cache_control.max_age = YEAR
            return moved
        try:
            found = self.client.get_object(Bucket=self.bucket, Key=key)
        except Exception as error:
            if _missing(error):
                abort(404)
            raise
        body = found["Body"]
        response = Response(
            body.iter_chunks(CHUNK), mimetype=TYPES[name.rsplit(".", 1)[1]], direct_passthrough=True
        )
        response.call_on_close(body.close)
        response.content_length = found.get("ContentLength")
        response.set_etag(found.get("ETag", "").strip('"') or key)
        response.last_modified = found.get("LastModified")
        response.cache_control.public = True
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.make_conditional(request)  # 304 for a browser that has it already
        return response


def from_config(config: dict[str, Any]) -> S3Storage:
    """Make the store's client from ``S3_*`` settings (the endpoint for non-AWS stores)."""
    import boto3  # imported only when the object store is chosen
    from botocore.config import Config

    client = boto3.client(
        "s3",
        endpoint_url=config.get("S3_ENDPOINT_URL") or None,
        region_name=config.get("S3_REGION") or None,
        config=Config(
            signature_version="s3v4",
            s3={"addressing_style": config.get("S3_ADDRESSING_STYLE") or "auto"},
            retries={"max_attempts": 5, "mode": "standard"},
        ),
    )
    return S3Storage(
        client, config["S3_BUCKET"], config.get("S3_PREFIX", ""), config.get("S3_PUBLIC_URL", "")
    )
