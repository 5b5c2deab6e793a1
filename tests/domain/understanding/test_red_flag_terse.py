"""Red flags typed in a few words or mentioned in passing (``red_flag_phrases_terse``), and
the respellings that let the rules read them ("soakin", "cnat", "prostate ca"). Our own
phrasings, not the batches' rows; each with look-alikes that stay quiet."""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.red_flags import scan_red_flags

LIVE: list[tuple[str, str]] = [
    ("fracture_after_fall", "went over on the patio, hip crunched, can't get up"),
    ("cannot_bear_weight", "cnat put any weight thru the leg"),
    ("cannot_bear_weight", "I can only put weight on it if I hold the sink"),
    ("infection", "shivery all day and the groin is hot and swollen"),
    ("cauda_equina", "I've leaked a bit of wee without noticing twice today"),
    ("cauda_equina", "the toilet seat felt like it wasn't there this morning"),
    ("cauda_equina", "numb down the inside of both thighs since lunch"),
    ("cancer_weight_loss", "breast ca 2019, now a new ache deep in the hip"),
    ("cancer_weight_loss", "still on hormone tablets for my breast and there's a new sore spot "
                           "on the hip"),
    ("cancer_weight_loss", "Mum's lost 12 pound not trying, hip aches all night"),
    ("night_pain_sweats", "wakin up soakin wet every night, hip throbbin"),
    ("night_pain_sweats", "his vest is soaked with sweat every night and the hip aches"),
    ("pe", "tight chest and gasping since this afternoon"),
    ("wound", "staple line oozing at the bottom end"),
    ("wound", "the scar has come apart at one end"),
    ("sudden_severe_pain", "the pain's gone from a 3 to a 9 in five minutes, I did nothing"),
    # shivering on a cold day still counts when the hip is red or swollen
    ("infection", "shivers all day, freezing cold out, and my groin is red and swollen"),
    # a relative who names the patient (tune24): "(the patient)", "its his niece",
    # "neighbour of Mrs X here"
    ("pe", "my wife (the patient) is breathless and her chest is tight, op was last week"),
    ("dvt", "it's her grandson, nan's calf is hot and swollen since the op"),
    ("night_pain_sweats", "neighbour of Mr Okafor here, he's soaking the sheets every night "
                          "and the hip wakes him whatever way he lies"),
    # played down (tune26's lean), our own words
    ("fracture_after_fall", "caught my slipper on the mat and came down hard on my hip, felt "
                            "something crack"),
    ("cannot_bear_weight", "dad won't put any weight on his right leg this morning, just sits"),
    ("cannot_bear_weight", "is it normal not being able to stand on my operated leg at all?"),
    ("cancer_weight_loss", "down 6 kg since the summer and I'm eating the same as always"),
    ("cancer_weight_loss", "her weight has dropped from 9 stone to 8 and she's not on a diet"),
    ("dvt", "probably silly but the left calf is warmer than the other, had my op a "
            "fortnight ago"),
    ("pe", "there was red in what I coughed up this morning, bit short of breath"),
    ("sudden_severe_pain", "Dad suddenly yelled out in pain while sitting at the table, he "
                           "hadn't moved"),
    ("wound", "probably nothing, the scar smells a bit funny and there's yellow stuff on it"),
    ("wound", "the scar's healing well apart from the bottom end, that's gone soggy and weepy"),
    ("dislocation", "writing for mum, she stood up at her sister's and the new hip clunked, now "
                    "her leg is turned in and she can't move it"),
    # replies mid-conversation (tune28's lean), our own words
    ("fracture_after_fall", "this morning she fall down in the garden, very much pain and can "
                            "not stand"),
    ("cannot_bear_weight", "can't put my leg down to walk, using the trolley to get about"),
    ("cannot_bear_weight", "no exercises today, leg won't take my weight at all"),
    ("cannot_bear_weight", "I can not stand on the right leg from the morning"),
    ("cannot_bear_weight", "had to stop after the clams, now can't stand on that leg, it's just "
                           "gone"),
    ("cancer_weight_loss", "no appetite and dropped 4 kilos this month, not trying"),
    ("cancer_weight_loss", "I should mention I had breast cancer, and I've lost 8 pounds without "
                           "trying"),
    ("cancer_weight_loss", "down 7lbs since march and I haven't changed anything"),
    ("pe", "my chest hurts, stabbing pain when I breathe in"),
    ("pe", "short of breath even while sitting, chest feels tight"),
    ("sudden_severe_pain", "9, came on all of a sudden while I was reading"),
    # every kind of writer (tune30's lean): voice to text, typos, other languages
    ("fracture_after_fall", "hip fraction after tripping on the step comma can't get up"),
    ("cannot_bear_weight", "only toe touching now with the frame, less and less weight on it"),
    ("cauda_equina", "can't feel anything when I wipe"),
    ("wound", "redness around the wound has spread since Monday"),
    ("sudden_severe_pain", "a pain hit my hip so hard I nearly fainted, just at the sink"),
    ("dvt", "left calfs swolen n tite since the op"),
    ("wound", "rana po operacji, ropa coming out"),
    ("fracture_after_fall", "tripped on the cats bowl, hip 9/10 and my foot turned out"),
    ("cauda_equina", "lady bits numb since this morning"),
    ("dislocation", "bent down without thinking and felt the new hip slip out, now it's stuck"),
    ("sudden_severe_pain", "no knock no fall just sudden agonising pain in the hip"),
    ("sudden_severe_pain", "nae trip or nothin, and oot o nowhere the worst pain ive ever had "
                           "in ma hip"),
]

QUIET: list[str] = [
    "went over the plan with the physio in the kitchen, all good",
    "I can only put weight on it for a minute in the balance exercise, is that ok?",
    "my husband's vest was soaked with sweat after mowing the lawn",
    "night sweats stopped weeks ago, sleeping well",
    "had foot drop yrs ago, long gone",
    "my phone screen has gone numb to my finger again, new one on order",
    "the nurse checked my calves because I'd read about clots, all fine",
    "shivering at the bus stop this morning, the hip's fine though",
    "son here for mum. She's fine. My dad though has had a fever all week, so she's on her own",
    "Not about Reg this time, my husband has a fever so I can't come round today",
    "I laughed so much at the panto I almost wet myself 😂",
    "my hip feels like it's on fire after all that digging, my own fault",
    "is there a level of swelling I should worry about after the op?",
    "my husband's been waking up drenched, meanwhile my hip is fine, about a 2",
    "Mum's in hospital with a clot on the lung so I'm up and down the M6, don't expect much "
    "from me this week",
    "my wife fell in the car park, I'm at the hospital with her, no exercises today",
    "couldn't weight bear for a week after the op, today walked to the shop and back",
    "can I still do the bridges if my calf swells?",
    "should I carry on with the walks if I get chest pain?",
]


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_the_sign_is_caught_with_its_category(category: str, text: str) -> None:
    hits = [hit for hit in scan_red_flags(text) if hit.live]
    assert category in {hit.category for hit in hits}, scan_red_flags(text)


@pytest.mark.parametrize("text", QUIET)
def test_the_same_words_elsewhere_raise_no_alarm(text: str) -> None:
    assert not interpret(text).is_red_flag, scan_red_flags(text)


#: Nothing to ask either: a finger slipping on the phone, "horrendous" said of the weather.
NOT_ASKED: list[str] = [
    "sorry finger slipped, ignore the tick",
    "thumb just slipped on the screen, I haven't done them",
    "it slipped my mind yesterday, doing them now",
    "the traffic was horrendous getting back from town",
    "pollen's been horrendous this week, sneezing my head off",
    "hay fever's horrendous today",
]
STILL_ASKED: list[str] = [
    "slipped on the wet kitchen floor just now",
    "the pain is horrendous",
    "phone slipped out of my hand and I slipped going after it down the step",
]


@pytest.mark.parametrize("text", NOT_ASKED)
def test_a_slip_of_the_finger_asks_nothing(text: str) -> None:
    reading = interpret(text)
    assert not reading.is_red_flag and reading.ask_about is None, reading.ask_about


@pytest.mark.parametrize("text", STILL_ASKED)
def test_a_slip_of_the_patient_is_still_asked_about(text: str) -> None:
    reading = interpret(text)
    assert reading.is_red_flag or reading.ask_about is not None


#: Emergencies by their words: a foot gone floppy, a deficit since yesterday's op, an
#: infected hip with vomiting, a foot drop since about lunchtime.
EMERGENCIES: list[str] = [
    "his foot's gone floppy, he can't lift it off the floor",
    "can't pull my toes up since the op yesterday, the foot just hangs",
    "hip is red and hot and swollen, I've a temperature and can't keep any water down",
    "wound looks angry and I'm sick and dizzy with a fever",
    "mum's foot started slapping the floor since about lunchtime, she can't lift it",
]


#: Replies in second-language English or as a bare score, alarmed (asked about before).
REPLIES: list[str] = [
    # a question about carrying on, under a condition that is the present one (tune29)
    "should I keep going with the clams if my scar has started oozing and smells?",
    "Yesterday I fall on the stairs, hip very much pain, the foot turning to outside.",
    "10. came on out of nowhere a few mins ago, just sat watching telly",
]


@pytest.mark.parametrize("text", REPLIES)
def test_a_reply_with_the_sign_alarms(text: str) -> None:
    assert interpret(text).is_red_flag, scan_red_flags(text)


@pytest.mark.parametrize("text", EMERGENCIES)
def test_emergency_words_make_one_instruction(text: str) -> None:
    reading = interpret(text)
    assert reading.is_red_flag and reading.emergency, scan_red_flags(text)
