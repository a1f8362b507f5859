"""How much a geometry file may hold before it is refused unread.

A locality file holds tens of features, so the limits are generous for real
files and small next to what a hostile or broken one could make the server do:
a zipped Shapefile of a few kilobytes can expand to gigabytes, and a GeoJSON of
millions of features would hold the import (and its memory) for minutes. Both
limits are read from the environment, so staff can raise them without a code
change, and every refusal names the limit and the variable that sets it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from geodata.messages import t

MAX_FEATURES_ENV = "ALLAS_MAX_GEO_FEATURES"
MAX_UNCOMPRESSED_MB_ENV = "ALLAS_MAX_GEO_UNCOMPRESSED_MB"
DEFAULT_MAX_FEATURES = 10_000
"""Every tätort and småort in Sweden is about 5,000 features; ten localities need ten."""
DEFAULT_MAX_UNCOMPRESSED_MB = 50
"""A detailed outline of every locality in the municipality is well under 5 MB."""

BYTES_PER_MB = 1024 * 1024
"""A megabyte as the indicator importers count it (``indicators.observations.limits``), so the limits read alike."""


@dataclass(frozen=True)
class GeoLimits:
    """The largest geometry file an import reads: features, and megabytes once unpacked."""

    max_features: int = DEFAULT_MAX_FEATURES
    max_uncompressed_mb: int = DEFAULT_MAX_UNCOMPRESSED_MB

    @property
    def max_bytes(self) -> int:
        return self.max_uncompressed_mb * BYTES_PER_MB

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> GeoLimits:
        """The limits set in the environment, the defaults for those not set.

        A value that is not a positive whole number raises ValueError with a
        catalogue message: a typo in a limit must not silently lift it.
        """
        env = os.environ if environ is None else environ
        return cls(
            max_features=_positive(env, MAX_FEATURES_ENV, DEFAULT_MAX_FEATURES),
            max_uncompressed_mb=_positive(env, MAX_UNCOMPRESSED_MB_ENV, DEFAULT_MAX_UNCOMPRESSED_MB),
        )


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise ValueError(t("bad_limit", env=name, value=raw))
    return value
