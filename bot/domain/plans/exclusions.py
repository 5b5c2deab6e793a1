"""Whether an exercise is ruled out for a patient today, why, and what to do instead.

A patient may ask for any exercise in the library. When their plan's conditions
exclude it (the figure-4 stretch after a posterior hip replacement), the bot says so
and why, and offers the programme's named alternative, or else the exercise of their
own plan that works on the most of the same things. It never shows the excluded
movement as something to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.content.model import Condition, Content, Exercise, Precaution
from bot.domain.plans.today import DayPlan


@dataclass(frozen=True)
class Exclusion:
    exercise: Exercise
    precaution: Precaution
    condition: Condition | None
    instead: Exercise | None


def exclusion(content: Content, plan: DayPlan, exercise: Exercise) -> Exclusion | None:
    """Why ``exercise`` is ruled out today (and the alternative), or None when it is fine."""
    caution = exercise.excluded_by(plan.conditions)
    if caution is None:
        return None
    return Exclusion(exercise, caution, content.conditions.get(caution.condition),
                     alternative(content, plan, exercise))


def alternative(content: Content, plan: DayPlan, exercise: Exercise) -> Exercise | None:
    """The programme's named alternative, else the closest exercise of today's routine."""
    named = content.exercises.get(plan.programme.alternatives.get(exercise.id, ""))
    if named is not None and named.excluded_by(plan.conditions) is None:
        return named
    wanted = set(exercise.helps)
    options = [content.exercises[e] for e in plan.routine.exercises if e in content.exercises]
    options = [o for o in options if o.kind != "walk" or exercise.kind == "walk"]
    if not options:
        return None
    return max(options, key=lambda o: (len(wanted & set(o.helps)), o.kind == exercise.kind))
