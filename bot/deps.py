"""What every handler needs, bundled once by the application factory."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson

from bot.clock import Clock
from bot.config import Settings
from bot.content.model import Content, Routine
from bot.domain.plans.changes import PlanChange, Who
from bot.domain.plans.prescription import prescription_of
from bot.domain.plans.today import DayPlan, day_plan
from bot.domain.profiles import Profile
from bot.domain.progress.figures import local_since
from bot.domain.records import new_record
from bot.domain.understanding.faq_match import FaqIndex, faq_index
from bot.semantics import faq_index as faq_with_meaning
from bot.storage import Repository


@dataclass
class Deps:
    """Settings, content, storage and clock shared by handlers and jobs."""

    settings: Settings
    content: Content
    store: Repository
    clock: Clock = field(default_factory=Clock)
    rng: random.Random = field(default_factory=random.Random)
    # plan_for's memo: the plans worked out, and the content they were worked out from
    _plans: dict[tuple[bytes, Any, str, date], DayPlan] = field(default_factory=dict, repr=False)
    _plans_of: Content | None = field(default=None, repr=False)
    # faq()'s: the index once built (and the content it is of), and the one build under way
    _faq: tuple[Content, FaqIndex] | None = field(default=None, repr=False)
    _faq_lock: asyncio.Lock | None = field(default=None, repr=False)

    async def faq(self) -> FaqIndex:
        """The FAQ index, matching by meaning too when the sentence model is installed
        and wanted (``faq_sentence_encoder``). The first call loads the model and encodes
        the content's askings in a worker thread (seconds without the on-disk cache), so
        other patients' updates go on meanwhile."""
        if self._faq is not None and self._faq[0] is self.content:
            return self._faq[1]
        if not self.settings.faq_sentence_encoder:
            return faq_index(self.content)
        if self._faq_lock is None:
            self._faq_lock = asyncio.Lock()
        async with self._faq_lock:
            if self._faq is None or self._faq[0] is not self.content:
                content = self.content
                index = await asyncio.to_thread(self._build_faq, content)
                self._faq = (content, index)
            return self._faq[1]

    def _build_faq(self, content: Content) -> FaqIndex:
        return faq_with_meaning.build(content, self.settings.bot_data_dir / "cache"
                                      / "faq-vectors.npz")

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.admin_user_ids

    def profile(self, user_id: int) -> Profile:
        """The stored profile as a typed view (empty, without consent, if none is stored)."""
        return self.view(self.store.profile(user_id))

    def view(self, raw: Mapping[str, Any]) -> Profile:
        """A typed view of a profile already read, with the clinic's zone as fallback."""
        return Profile(raw, self.settings.default_timezone)

    def today_for(self, user_id: int) -> date:
        """The person's own date now: the one "today" records, streaks and reports use."""
        return self.profile(user_id).today(self.clock.now())

    def plan_for(self, profile: Mapping[str, Any], day: date | None = None) -> DayPlan:
        """A patient's plan on ``day`` (their own today by default): programme, phase,
        routine and the precautions in force. Without an assignment, the default
        programme from the day they joined."""
        view = self.view(profile)
        today = day or view.today(self.clock.now())
        # Memoised on what the plan depends on: a reply asks for it more than once.
        if self._plans_of is not self.content or len(self._plans) >= 1024:
            self._plans.clear()
            self._plans_of = self.content
        try:
            key = (orjson.dumps(profile.get("prescription")), profile.get("created"),
                   str(profile.get("tz")), today)
        except TypeError:  # not as stored (a hand-made profile): worked out, not kept
            return day_plan(self.content, prescription_of(profile), today, local_since(profile))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = day_plan(self.content, prescription_of(profile), today,
                                               local_since(profile))
        return plan

    def routine_for(self, user_id: int) -> Routine:
        """Today's routine for one patient, from their plan."""
        return self.plan_for(self.store.profile(user_id)).routine

    def save_plan_change(self, patient_id: int, record_id: str, made: PlanChange,
                         who: Who, today: date) -> bool:
        """Store a clinician's plan change in one atomic write: a ``plan`` record (who and
        what) and the new prescription. False when a record with ``record_id`` is already
        stored (the same command delivered again): nothing is changed then. Used by the
        chat commands and the Mini App alike."""
        note = f"{who.name} [{who.id}]: {made.summary}"[:500]
        record = new_record(record_id, "plan", today, self.clock.now(), "system", note=note)
        with self.store.user(patient_id) as txn:
            if not txn.add_record(record):
                return False
            txn.update("profile", prescription=made.prescription.as_data())
        return True
