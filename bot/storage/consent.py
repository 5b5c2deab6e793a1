"""The consent gate: nothing is written for a patient without consent, or once forgotten.

Every write of a patient's data goes through a unit of work (``UserTxn``), and its
commit asks ``check_consent`` first: the profile it is about to write must say the
patient agreed to storage. The onboarding's own consent write passes (it writes that
very profile); a record, a state change or a dedupe mark for anyone else is refused
with ``NoConsent``, and for a patient whose data /forget deleted (or is deleting)
with ``Forgotten``, so a handler can say which it was. Both are ``StorageError``s:
nothing was written, as for a full disk.
"""

from __future__ import annotations

from bot.storage.atomic import StorageError


class NoConsent(StorageError):
    """Refused: this patient did not agree to storage (nothing was written)."""


class Forgotten(NoConsent):
    """Refused: this patient's data was deleted by /forget (or is being deleted)."""
