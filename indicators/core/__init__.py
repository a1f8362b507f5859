"""The nouns of the domain and what every capability shares: records, the SLUS areas, units, the one input-error type."""
