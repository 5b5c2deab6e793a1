"""The Telegram Mini App: a patient's progress and plan page and the clinicians' dashboard.

``server`` builds the aiohttp routes (pages, media, the JSON API); ``auth`` checks the
signed initData; ``views`` and ``bot.domain.clinic.dashboard`` shape the JSON. Nothing
here imports ``telegram``: the bot passes in how to text a patient.
"""
