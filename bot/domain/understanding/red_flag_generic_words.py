"""Words the red-flag model may lean on that name no sign (read by ``red_flag_review``).

The model asks about a message on its own only when a word of it names a sign; these
words never count as one, however much weight the training rows happened to give them.
Kept apart from ``red_flag_review`` because training never reads them: the weights'
input digest (``tests/domain/understanding/train_red_flag_model.py``) covers that module's
code, and a word added here calls for no retrain. Pure data: no ``telegram``.
"""

from __future__ import annotations

#: Words that name no sign, however much the model leans on them ("hip", "weeks",
#: "started", "felt"): they never reach ``ASK_EVIDENCE`` alone, so "me and my hip say good
#: morning" asks nothing. Body parts below the hip stay: "hard to lean on that leg" is a sign.
GENERIC_WORDS = frozenset(
    {"hip", "hips", "without", "week", "weeks", "started", "keep", "felt", "something", "came",
     "hours", "reading", "time", "even", "different", "reason", "since", "still", "now",
     "today", "been", "just", "got",
     # words of time, manner and talk that name no sign ("like an 8", "every time the
     # adverts come on", "the limp has nearly gone", "Sincerely, ...")
     "like", "myself", "every", "ago", "nearly", "second", "seconds", "come", "coming",
     "keeps", "keeping", "helping", "hanging", "early", "over", "very", "trying", "think",
     "looks", "writing", "tempted", "front", "didn't", "haven't", "shouldn't", "consultant",
     "hand", "treat", "tried", "leftover", "oven", "theres", "heartache", "gone",
     "has",
     # "late nights with spreadsheets": the letters of "sheets", not soaked bedding
     "spreadsheet", "spreadsheets",
     # the garden news that long reports with a sign buried in them share (round 30)
     "tomato", "tomatoes"}
)
