"""The map, charts, panels and widgets, built from domain records; no callbacks here."""
