"""Buttons that open the Mini App (the progress page, the clinicians' dashboard).

Shown only when ``WEBAPP_URL`` is set: Telegram opens a Mini App over HTTPS only, so
without a public address there is nothing a button could open.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo

from bot.deps import Deps

PATIENT_PAGE = "/app/patient"
CLINIC_PAGE = "/app/clinic"


def mini_app_button(deps: Deps, label: str, page: str) -> InlineKeyboardMarkup | None:
    """One button that opens ``page`` of the Mini App, or None when it is not set up."""
    base = deps.settings.webapp_url
    if not base:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, web_app=WebAppInfo(url=base + page))]]
    )
