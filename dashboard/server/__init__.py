"""The Flask side: sign-in and sessions, language, vendored scripts, uploads, limits, headers, settings, the production server and templates."""
