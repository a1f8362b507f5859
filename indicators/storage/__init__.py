"""Where the data lives: the database, its schema and migrations, the bundled seed data, settings."""
