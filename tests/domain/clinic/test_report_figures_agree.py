"""The clinician's /patient report states the week twice: "Full routine on N% of expected
days this week" and "Days with the full routine: X of Y". Both must come from the same
count (``routine_days``), for any patient: one who started mid-week included."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.clinic.patients import patient_report_text
from bot.domain.profiles import new_profile
from bot.domain.records import Record, new_record

CONTENT = load_content(DEFAULT_CONTENT_DIR)
TODAY = date(2026, 12, 9)
DAY_KINDS = st.sampled_from(["complete", "partial", "rest", "flare", "nothing"])


def _records(plan: list[str]) -> list[Record]:
    out: list[Record] = []
    for back, kind in enumerate(plan):
        day = TODAY - timedelta(days=back)
        now = datetime.combine(day, time(9), tzinfo=UTC)
        if kind in ("complete", "partial"):
            out.append(new_record(f"d{back}", "done", day, now, "button",
                                  exercise="glute_bridge", set=1))
        if kind == "complete":
            out.append(new_record(f"c{back}", "routine_complete", day, now, "button"))
        if kind in ("rest", "flare"):
            out.append(new_record(f"r{back}", kind, day, now, "button"))  # type: ignore[arg-type]
    return out


@settings(max_examples=150, deadline=None)
@given(plan=st.lists(DAY_KINDS, min_size=1, max_size=20),
       started=st.integers(min_value=0, max_value=25))
def test_the_weeks_percentage_and_count_agree(plan: list[str], started: int) -> None:
    joined = datetime.combine(TODAY - timedelta(days=started), time(8), tzinfo=UTC)
    profile = new_profile(5, "Pat", None, joined, "UTC")
    profile.update(stage="done", tz="UTC")
    report = patient_report_text(5, profile, _records(plan), TODAY, CONTENT)
    done, expected = map(int, re.search(
        r"Days with the full routine: (\d+) of (\d+)", report).groups())  # type: ignore[union-attr]
    assert expected <= min(7, started + 1), "days before the start are never expected"
    share = re.search(r"Full routine on (\d+)% of expected days this week", report)
    if expected == 0:
        assert share is None
    else:
        assert share is not None and int(share.group(1)) == round(100 * done / expected)
