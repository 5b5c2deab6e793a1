"""What a "done" is about: the exercises, or a chore ("finished the crossword", "done the
gutters", "completed the blue badge form").

The ranking model reads "done" as a strong sign of an exercise report; a message that
finished something else is news (social) or nothing the bot can act on (unknown). The
listed chores in ``cues`` cover the common ones; this reads the object of any "done":
when none of its words is an exercise or a word for the programme, it is a chore.
Pure: no ``telegram``.
"""

from __future__ import annotations

import re

from bot.domain.understanding.exercise_names import mentions

#: "done the X", "finished my X Y", "completed with the X": up to three words of object.
_DONE_OBJECT = re.compile(
    r"\b(?:done|finished|finised|finnished|completed|did)\s+(?:all\s+|with\s+)?(?:the|my|our|his"
    r"|her|your|their)\s+((?:[a-z0-9']+\s+){0,3}[a-z0-9']+)"
)
#: "got her nails done", "had my hair done": the object before the "done".
_GOT_DONE = re.compile(
    r"\b(?:got|had|getting|having|get)\s+(?:my|her|his|our|the|their)\s+"
    r"((?:[a-z0-9']+\s+){0,2}[a-z0-9']+)\s+done\b"
)
#: Words for the exercises and the programme that are not exercise names.
_PROGRAMME_WORDS = frozenset({
    "exercise", "exercises", "excercises", "exercices", "exersizes", "stretch", "stretches",
    "routine", "set", "sets", "reps", "rep", "walk", "walks", "walking", "session", "lot",
    "list", "programme", "program", "one", "ones", "bit", "bits", "circuit", "round", "rounds",
    "physio", "workout", "moves", "movements", "hip", "hips", "leg", "legs", "bed",
    "morning", "evening", "afternoon", "daily", "usual", "first", "second", "last",
    "whole", "balance", "chair", "floor", "mat", "band", "left", "right", "side", "sides",
    "both", "others", "rest", "lying", "standing", "sitting", "today's", "todays", "plan",
    # body parts and movements, for exercises described rather than named
    "knee", "knees", "heel", "heels", "toe", "toes", "tippy", "foot", "feet", "ankle", "ankles",
    "thigh", "bum", "glute", "glutes", "calf", "calves", "stand", "stands", "sit", "sits",
    "squat", "squats", "raise", "raises", "lift", "lifts", "kick", "kicks", "bend", "bends",
    "step", "steps", "hug", "hugs", "pump", "pumps", "pedalling", "slide", "slides", "sliding",
    "kneeling", "bridge", "bridges", "clam", "clams", "figure", "up", "down", "thing", "things",
    "full", "stair", "stairs", "bottom", "front", "back", "squeeze", "squeezes",
    "tighten", "wall", "sink", "kitchen", "frame", "stick", "stroll", "lap", "laps", "mile",
})

#: Words that end the object ("finished the jigsaw at last").
_AFTER_OBJECT = frozenset({
    "at", "on", "in", "with", "for", "and", "before", "after", "by", "to", "so", "but", "then",
    "this", "today", "now", "earlier", "already", "just", "again", "too", "as", "while",
})


def _programme_word(word: str) -> bool:
    """A word for the exercises, including digits ("figure 4") and "exercises" misspelt."""
    return (word in _PROGRAMME_WORDS or word.isdigit()
            or word.startswith(("exer", "excer", "exc", "ecs", "exs", "stret", "strech")))


def chore_done(text: str) -> bool:
    """Whether the normalised ``text`` says something other than the exercises was done."""
    for match in (*_DONE_OBJECT.finditer(text), *_GOT_DONE.finditer(text)):
        words = match.group(1).split()
        cut = next((i for i, word in enumerate(words) if word in _AFTER_OBJECT), len(words))
        words = words[:cut] or words[:1]
        if not any(map(_programme_word, words)) and not mentions(" ".join(words)):
            return True
    return False
