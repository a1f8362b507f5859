"""Who acts when a command is typed on the server: the operator, with an admin's rights.

The command-line tools (``python -m indicators``, ``python -m geodata``) write
through the same services as the web pages, and the services ask for an acting
user. The person at the shell already holds the database (its file or its
password), so asking them to sign in would protect nothing (docs/decisions.md,
"The command line acts as the operator"). They act as an admin named after
their operating-system account, so the audit and import logs say who it was
and that it came from the command line.
"""

from __future__ import annotations

from indicators.groupwork.records import Role, User
from indicators.observations.import_log import current_user

OPERATOR_SUFFIX = " (kommandoraden)"
"""Marks command-line writes in the logs. Stored data, not a message: it stays the same in every language."""


def operator_actor(name: str | None = None) -> User:
    """The operator as an active admin: ``name`` when given, else ``<os user> (kommandoraden)``.

    The user has no password and no id: it is never stored and can never sign
    in; it only exists for the length of one command.
    """
    username = name.strip() if name and name.strip() else current_user() + OPERATOR_SUFFIX
    return User(username, Role.ADMIN, password_hash="", active=True)
