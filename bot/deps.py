"""What every handler needs, bundled once by the application factory."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.config import Settings
from bot.content.model import Content
from bot.storage.store import Store


@dataclass
class Deps:
    """Settings, content, storage and clock shared by handlers and jobs."""

    settings: Settings
    content: Content
    store: Store
    clock: Clock = field(default_factory=Clock)
    rng: random.Random = field(default_factory=random.Random)

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.admin_user_ids
