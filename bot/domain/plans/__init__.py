"""Personal plans: which programme a patient follows, a clinician's changes, today's routine.

``prescription`` is the stored plan (programme, start, changes, notes, history);
``today`` turns it into the routine of the day; ``changes`` are the clinician's edits
as pure functions; ``doses`` reads a dose a clinician types; ``exclusions`` says whether
an exercise is ruled out for a patient and what to offer instead. Pure: no telegram,
no storage.
"""
