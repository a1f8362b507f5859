"""Named presentations for strategic meetings: slides and their store."""
