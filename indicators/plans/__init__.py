"""Each locality's own plan (lokal utvecklingsplan, LUP) and what changed between strategic meetings (issue 15)."""
