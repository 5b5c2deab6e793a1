"""Loss-free storage on TinyDB: one small file per user, atomic writes, update dedupe.

Import from here; the modules behind it are:

- ``atomic``: crash-safe writes (temp file, fsync, ``os.replace``, fsync the folder);
- ``codec``: the bytes of a hot file (head first) and of a monthly archive;
- ``tinydb_storage``: the TinyDB storage that writes a hot file once per unit of work;
- ``transaction``: ``UserTxn``, one unit of work on one user, with update dedupe;
- ``archives``: moving old records to one gzip archive per user and month;
- ``snapshot``: every head in one file at a clean stop, for a fast start;
- ``schema``: the data version and its migrations;
- ``consent``: the consent gate's refusals (``NoConsent``, ``Forgotten``);
- ``quarantine``: damaged files moved aside, kept, and reported once;
- ``forgetting``: /forget as a journal (a durable marker first, removed last);
- ``bot_wide``: ``bot.json``, the few bot-wide values;
- ``store``: ``Store``, the repository that ties them together (``portable``: its
  patient dumps for ``migrate``, change stamps, health);
- ``interface``: ``Repository`` and ``PatientTxn``, what the rest of the bot is typed
  against; ``postgres/``: ``PgStore``, the same interface on PostgreSQL;
- ``opening``: ``open_repository``, the backend ``DATABASE_URL`` asks for;
- ``transfer``: copying every patient from one backend to another (``migrate``).

Only this package imports TinyDB and psycopg.
"""

from bot.storage.archives import HOT_DAYS, HOT_HARD_MAX, HOT_MAX_RECORDS
from bot.storage.atomic import StorageError
from bot.storage.codec import encode_archive, encode_user_file
from bot.storage.consent import Forgotten, NoConsent
from bot.storage.interface import PatientTxn, Repository
from bot.storage.opening import open_repository
from bot.storage.schema import SCHEMA_VERSION
from bot.storage.store import Migration, Store
from bot.storage.transaction import SEEN_LIMIT, UserTxn, current_update_id, outside_update

__all__ = [
    "HOT_DAYS",
    "HOT_HARD_MAX",
    "HOT_MAX_RECORDS",
    "SCHEMA_VERSION",
    "SEEN_LIMIT",
    "Forgotten",
    "Migration",
    "NoConsent",
    "PatientTxn",
    "Repository",
    "StorageError",
    "Store",
    "UserTxn",
    "current_update_id",
    "encode_archive",
    "encode_user_file",
    "open_repository",
    "outside_update",
]
