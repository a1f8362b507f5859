"""Figures compared: area scores, the attractiveness index, ranks, per-1,000 figures and the comparison as open data."""
