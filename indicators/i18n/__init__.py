"""Message catalogues: what the domain says to people, in Swedish and English."""
