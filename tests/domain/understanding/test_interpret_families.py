"""Phrasing families added after the probe sets showed them missing: one test per family.

The phrases were written for these tests (none is a corpus or probe row: the last test
checks, held-out rows by key only), so they show whether the family, not one row, reads.
"""

from __future__ import annotations

import pytest
import yaml

from bot.domain.understanding.cues import cue_features
from bot.domain.understanding.interpret import interpret, prepare
from tests.domain.understanding.split import SPLIT_FILE, corpus, row_key
from tests.domain.understanding.train_model import probe_rows

#: (family cue, phrases that must fire it)
CUE_FAMILIES: dict[str, tuple[str, ...]] = {
    "done_word": ("dunnit now 👍", "all dunit"),
    # praise for the bot or its makers, not a report: "well done", "you've done"
    "done_blocked": ("well done you lot, lovely app", "you've done wonders for my confidence"),
    "undo": (
        "please wipe that, I never started",
        "do not log that one",
        "it was an error, scrap it",
        "didn't mean it, my thumb slipped",
        "none of these ticks are mine, the grandkids again",
        "please rub it out, not started",
        "oh dear that was a little fib",
        "the tick on tuesday is wrong",
    ),
    "rest": (
        "I'll pick it up again after the wedding",
        "let me off this afternoon",
        "can we delay till Thursday",
        "too icy to go out on the path",
    ),
    "pain": (
        "a bit niggly round the joint",
        "oww that twanged",
        "feels bruised where the scar is",
    ),
    "social": (
        "g'day to you too",
        "love the new reminders",
        "how's your morning been",
        "wassup bot",
        "thank u so much",
        "danke schön",
        "no prob, will do later",
        "eid mubarak to you and yours",
        "happy thanksgiving everyone",
        "ur an absolute legend",
        # greetings of other cultures and dialects, reactions in one word
        "as-salaam alaikum everyone",
        "gud mrng madam",
        "shalom from Leeds",
        "lush x",
    ),
    "off_topic": (
        "bin day is Thursday now",
        "I've booked the hairdresser for Friday",
        "£12 for a sandwich, daylight robbery",
        "me and Sheila at Whitby last June",
        "where did I leave my glasses case",
        "who wrote that song about the yellow submarine",
        "is that the chemist? my tablets aren't ready",
        "how do I get zoom on my tablet",
        "the dentist appointment got moved to friday",
    ),
    "how_to_do": (
        "how should I do the bridge",
        "tell me more about the side lying one",
        "what's a heel slide stretch",
    ),
    "done_chore": (
        "finished the ironing at last",
        "did all my christmas cards",
        "had my eyes done at specsavers",
    ),
    "count": ("stood up from the sofa 6 times",),
    "stray": (
        "the toddler sat on my phone",
        "sorry, that one was meant for my brother",
        "disregard that, it was meant for the walking group chat",
        "oops that was for my son",
    ),
    "elsewhere": (
        "happy birthday uncle Ray, have a good one",
        "me and Pat at Skegness",
        "send this to 5 people you love, don't break the chain",
        "happy 70th to our Brian!!",
    ),
    "done_past": ("fourteen days in a row now",),
    "after_that": ("gasping for a brew after that stroll",),
    "yes_no": ("does cycling count as well", "should swimming be avoided"),
    "thanks_for": ("cheers for the gentle nudge",),
    "what_if": (
        "what if my knee clicks during the squats",
        "If the bridge makes my back twinge should I stop",
        "whats the danger of overdoing the clamshells",
    ),
    "only_ache": ("no shooting pain, only a mild ache", "not numb, just a bit tight"),
    "negated_symptom": ("it doesn't wake me up", "never been on steroids"),
    # a rest taken back (round 16)
    "undo_rest": ("please cancel today's rest day, up for it after all",
                  "un-pause me, back from Malaga", "take away the skip from this morning",
                  "don't log me as resting today"),
    # a number that was no pain score (round 23)
    "not_my_pain": ("that 6 I sent was my step count, not my pain",),
    # a wish handed back, or the chat ended (round 22)
    "wish_back": ("and you take it easy yourself", "that's me finished nattering for tonight"),
    # an earlier message taken back because it was done after all (round 22)
    "done_instead": ("disregard my earlier text, I've managed the lot now",
                     "forget what I put this morning, I did get them finished",
                     "scrub the rest day, did them after my nap",
                     "I said I was too tired but I lied, did the whole lot"),
    # the done itself named as wrong; Undo asked about; a report opened like a question
    # (round 24)
    "undo_strong": ("honestly that done was a fib, never got round to them",
                    "the app's got me down as done but I haven't started"),
    "asks_undo": ("is there an undo option anywhere", "if I undo the walk will the bridges stay"),
    "rhetorical": ("would you believe it, all three sets before breakfast",
                   "is it just me or is the hip creakier this week"),
    "sign_off": ("yep will do, ta", "nighty night, busy day tmrw", "speak soon, take care xx",
                 "that puts my mind at rest"),
}

#: (kind, phrases whose top reading must be that kind)
READS_AS: dict[str, tuple[str, ...]] = {
    "undo": ("do not log that one", "erase my last done entry please", "please unlog the walk"),
    "rest": ("I'll pick it up again after the wedding", "let me off this afternoon"),
    "pain": ("a bit niggly round the joint", "oww", "seven 😣 the stairs did me in",
             "nought, all good this morning"),
    "exercise": (
        "how should I do the bridges",
        "tell me more about the clam one",
        "what's a heel slide stretch",
    ),
    "question": ("what do I do if the bridge hurts my back?",),
    "social": ("g'day to you too", "love the cheery tone"),
    "unknown": (
        "finished the ironing at last",
        "bin day is Thursday now",
        "put the bins out tonight Derek",
    ),
    "done": (
        "stood up from the sofa 6 times",
        "bridges 3 goes",
        "gasping for a brew after that stroll",
    ),
    "rest_after": ("did two hours in the garden yesterday so having a rest day",),
    "social_talk": ("the garden is glorious in the sunshine today",),
    "unknown_elsewhere": (
        "the toddler sat on my phone",
        "happy birthday uncle Ray, have a good one",
        "not dizzy at all",
    ),
    "question_yes_no": ("does cycling on the exercise bike count as well",),
    "rest_not_today": ("frozen in, not going out today", "not stretching this evening",
                       "not done any yet, after dinner"),
    "social_thanks": ("brilliant, thanks for the tips",),
    "social_short": ("good one",),
    "unknown_hi": ("grandma says hi to the twins",),
    "rest_polite": ("ta, but not this evening", "could I skip it till Saturday?"),
    "pain_with_exercise": ("the heel raises were fine, maybe a 3", "getting stiffer by the week"),
    "question_what_if": (
        "what if my knee clicks during the squats",
        "If the bridge makes my back twinge should I stop",
    ),
    "unknown_off_topic": (
        "4821",
        "${HOME} %d {{x}}",
        "can you sort out my printer",
        "weather in Bristol on Sunday",
        "it doesn't wake me up",
    ),
    "social_praise": ("you have been a great help", "sun's shining at last",
                      "well done you lot, lovely app"),
    "pain_only_ache": ("no shooting pain, only a mild ache",),
    "social_sign_off": ("yep will do, ta", "nighty night, busy day tmrw",
                        "cheers, that puts my mind at rest"),
    "unknown_stray": ("ignore that, it was meant for the choir whatsapp",),
    "pain_beside_chore": ("dad's hip about a 4 today, had his hair done for the do",),
    # a rest taken back, unless they say they did them (round 16)
    "undo_rest": ("please cancel today's rest day, up for it after all",
                  "un-pause me, back from Malaga", "don't log me as resting today"),
    "done_after_rest": ("ignore the skip from earlier, did all of them after tea",),
    # a record counted twice or with the wrong number (round 17)
    # the exercises said done in the middle of a long message of news (round 18)
    "done_in_news": (
        "Quick update from Mum's daughter: she had her nails done yesterday and the dog "
        "chewed her glasses. She did all her exercises this morning with me, every one.",
        "Right, what a week: the car's back from the garage, the tomatoes are in, and I've "
        "booked the coach to Whitby. Done my bits. Off to the shops now",
    ),
    # asking the bot to wipe a day's records (round 19)
    "undo_wipe": ("honestly can you just wipe today, I have made a right hash of the buttons",
                  "Can you delete yesterdays? I mixed up Friday and Saturday"),
    "undo_fix": ("two ticks for the bridges, only did them once", "it's counted the walk twice",
                 "I put 12 heel raises, it was actually 8"),
    "social_wish": ("and you take it easy yourself", "that's me finished nattering for tonight"),
    # done after all, not a record taken back; a count put right stays undo (round 22)
    "done_instead": ("disregard my earlier text, I've managed the lot now",
                     "forget what I put this morning, I did get them finished",
                     "scrub the rest day, did them after my nap",
                     "I said I was too tired but I lied, did the whole lot"),
    "undo_count": ("ignore that last one, I did 7 not 12",),
    "undo_not_pain": ("that 6 I sent was my step count, not my pain",),
    # asked how Undo works: a question, never an Undo (round 23)
    "question_about_undo": ("how would I undo a tick if I get it wrong? asking for next time",
                            "what happens if I tap done by accident",
                            "is there an undo option anywhere",
                            "could the stretches undo years of sitting about?"),
    "undo_done_named": ("honestly that done was a fib, never got round to them",
                        "the app's got me down as done but I haven't started"),
    "done_rhetorical": ("would you believe it, all three sets before breakfast",),
    "pain_rhetorical": ("is it just me or is the hip creakier this week",),
    # the tick taken off, even with a rest beside it (round 21)
    "undo_tick": ("not up to it after all, take off the tick please",
                  "can you take today's done off, I jumped the gun"),
    "question_behind": ("getting behind with the stretches, what should I do",
                        "been a bit behind on my exercises lately"),
}
#: The kind each extra group above reads as.
GROUP_KIND = {
    "rest_after": "rest", "social_talk": "social", "unknown_elsewhere": "unknown",
    "question_yes_no": "question", "rest_not_today": "rest", "social_thanks": "social",
    "social_short": "social", "unknown_hi": "unknown", "rest_polite": "rest",
    "pain_with_exercise": "pain", "question_what_if": "question",
    "unknown_off_topic": "unknown", "social_praise": "social", "pain_only_ache": "pain",
    "social_sign_off": "social", "unknown_stray": "unknown", "pain_beside_chore": "pain",
    "question_behind": "question", "undo_rest": "undo", "done_after_rest": "done",
    "undo_fix": "undo", "done_in_news": "done", "undo_wipe": "undo", "undo_tick": "undo",
    "done_instead": "done", "undo_count": "undo", "social_wish": "social",
    "undo_not_pain": "undo", "question_about_undo": "question", "undo_done_named": "undo",
    "done_rhetorical": "done", "pain_rhetorical": "pain",
}


@pytest.mark.parametrize(
    ("cue", "text"), [(cue, t) for cue, texts in CUE_FAMILIES.items() for t in texts]
)
def test_the_family_cue_fires(cue: str, text: str) -> None:
    assert cue in cue_features(prepare(text))


@pytest.mark.parametrize(
    ("kind", "text"),
    [(GROUP_KIND.get(kind, kind), t) for kind, texts in READS_AS.items() for t in texts],
)
def test_the_family_reads_as_its_kind(kind: str, text: str) -> None:
    reading = interpret(text)
    assert reading.readings[0].kind == kind, reading.readings


@pytest.mark.parametrize(
    "text",
    ["achieved every one of my bridges before breakfast", "painted the fence, then the clams"],
)
def test_words_that_only_start_like_pain_are_no_pain_cue(text: str) -> None:
    """"ach..." and "pain..." were read as aching and pain: "achieved", "painted"."""
    assert "pain" not in cue_features(prepare(text))


@pytest.mark.parametrize("text", ["achin a bit round the hip", "hip's achy", "painful today"])
def test_aching_and_pain_in_their_forms_are_the_pain_cue(text: str) -> None:
    assert "pain" in cue_features(prepare(text))


def test_a_question_about_what_to_do_if_is_not_an_exercise_request() -> None:
    assert "how_to_do" not in cue_features(prepare("what do I do if it clicks?"))


def test_these_phrases_are_not_corpus_or_probe_rows() -> None:
    """Checked by row key only: held-out texts are never read."""
    texts = [t for group in (CUE_FAMILIES, READS_AS) for ts in group.values() for t in ts]
    mine = {row_key(t) for t in texts}
    held = set(yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))["heldout_ids"])
    tune = {row_key(row.text) for row in corpus() if row_key(row.text) not in held}
    probe = {row_key(row.text) for row in probe_rows()}
    assert not mine & held
    assert not mine & tune
    assert not mine & probe
