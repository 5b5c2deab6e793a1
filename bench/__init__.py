"""Benchmarks at clinic scale: ``python -m bench`` (or ``make bench``) prints one table.

Everything runs against the local fake Bot API (``bot.chat.fake_telegram``) over real HTTP,
with synthetic patients generated into a temporary folder (``bench.data``). Benchmarks
are not tests: nothing here asserts a time. See BENCHMARKS.md for the numbers.
"""
