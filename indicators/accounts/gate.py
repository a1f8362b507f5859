"""The gate every write passes: refuse, in words, unless the acting user may.

``auth.can`` states the rules; these functions turn a "no" into the message the
person reads. Domain services call them before they change anything, so hiding
a button in the app is never what protects the data.
"""

from __future__ import annotations

from indicators.accounts.auth import Action, can
from indicators.groupwork.records import User
from indicators.i18n.messages import t


class PermissionDenied(Exception):
    """The signed-in user (or nobody) may not do this; the message is for the user.

    ``message`` (also ``args[0]``) is a ``Text``: Swedish as a string, any
    language on ``render``. Without one, the general refusal.
    """

    def __init__(self, message: str | None = None) -> None:
        if message is None:
            message = t("permission_denied")
        super().__init__(message)
        self.message = message


_NOT_SIGNED_IN = t("not_signed_in")
_INACTIVE = t("account_inactive")
_ADMIN_ONLY = t("admin_only")


def require(user: User | None, action: Action, locality_id: str | None = None) -> None:
    """PermissionDenied unless ``user`` may do ``action`` (for ``locality_id``), saying why."""
    if can(user, action, locality_id):
        return
    require_signed_in(user)
    if action in (Action.EDIT_GROUP_RECORDS, Action.MODERATE_IDEAS):
        raise PermissionDenied(t("own_locality_only", locality=locality_id or t("noun_no_locality")))
    raise PermissionDenied(_ADMIN_ONLY)


def require_signed_in(user: User | None) -> None:
    """PermissionDenied unless someone with an active account is signed in."""
    if user is None:
        raise PermissionDenied(_NOT_SIGNED_IN)
    if not user.active:
        raise PermissionDenied(_INACTIVE)
