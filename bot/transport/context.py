"""The typed callback context and application type: ``context.deps``, one ``App`` alias.

PTB hands every handler and job a ``CallbackContext``; registering ``BotContext`` through
``ContextTypes`` gives them the application's ``Deps`` as a typed property, so no code
reads ``bot_data`` by key or repeats the ``Application[...]`` generic.
"""

from __future__ import annotations

import contextlib
from contextlib import AbstractAsyncContextManager
from typing import Any, TypeAlias

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.deps import Deps

DEPS_KEY = "deps"
#: An asyncio.Event in bot_data, set once the start-up rebuild of every job has ended
#: (``handlers/base/hooks.py``; ``/healthz`` reports it).
STARTUP_KEY = "startup_finished"


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The context of every handler and job of this bot."""

    @property
    def deps(self) -> Deps:
        """Settings, content, storage and clock, as the application factory bundled them."""
        return deps_of(self.application)


#: Loose on purpose: ``CallbackContext.application`` is typed with an unbound self type,
#: so a tighter alias would need a cast at every use for no safety gained.
App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]

CONTEXT_TYPES = ContextTypes(context=BotContext)


def attach_deps(app: App, deps: Deps) -> None:
    """Store the bundle where ``BotContext.deps`` and ``deps_of`` find it."""
    app.bot_data[DEPS_KEY] = deps


def patient_turn(app: App, user_id: int) -> AbstractAsyncContextManager[None]:
    """The patient's turn in the store (an application without ``Deps``: no turn)."""
    deps = app.bot_data.get(DEPS_KEY)
    if not isinstance(deps, Deps):
        return contextlib.nullcontext()
    return deps.store.patient_turn(user_id)


def shares_its_data(app: App) -> bool:
    """True when several instances may run on this application's data (PostgreSQL)."""
    deps = app.bot_data.get(DEPS_KEY)
    return isinstance(deps, Deps) and deps.store.shared


def deps_of(app: App) -> Deps:
    """The application's ``Deps`` (for code that holds the application, not a context)."""
    deps = app.bot_data[DEPS_KEY]
    assert isinstance(deps, Deps)
    return deps
