"""What the local development groups record (activities, initiatives, composition, strategic meetings), the rules, the one write service, storage and files."""
