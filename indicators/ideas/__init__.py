"""Residents' ideas (förslag): sent by anyone, moderated, supported, followed to an initiative (issue 14)."""
