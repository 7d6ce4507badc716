"""Ids and timestamps used across the store."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    """A new stable id: 16 hex digits, random, never reused."""
    return uuid.uuid4().hex[:16]


def now() -> str:
    """The current UTC time as ISO 8601 with milliseconds and a Z, e.g. 2026-11-23T12:00:00.123Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
