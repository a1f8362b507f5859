"""The audit log: who changed what and when, written in the writer's transaction."""
