"""Red flags said many ways: our own phrasings (not the corpus), live and qualified.

Each category in lay words, regional words and typos; the same words negated, past,
supposed, about someone else or figurative; and ordinary messages that must stay quiet.
"""

from __future__ import annotations

import pytest

from bot.domain.understanding.red_flags import (
    ambiguous_red_flag,
    detect_red_flags,
    scan_red_flags,
)

LIVE: dict[str, list[str]] = {
    "fracture_after_fall": [
        "fell off the step ladder, hip is killing me and I can't get up",
        "I've had a fall and I think I've broken something, my hip is agony",
        "took a tumble in the garden, now my right leg looks shorter than the left",
        "Mum has fallen in the lounge and can't get up, her hip hurts",
        "slipped in the bath and landed on my bad hip, can barely move it",
        "fell over the cat this morning, hip really bad and my foot's turned out",
        "had a fall at the bus stop, pain 9 out of 10 in my groin",
        "my dad fell last night and now he can't stand, his leg is twisted outwards",
        "went down hard on my hip on the wet leaves, it's swollen and I can't walk",
        "fell down the last few stairs, hip is black and blue",
        "I fell and I think my hip is broken",
        "tripped over the dog lead, landed on my side, really bad pain in the hip now",
        "Fell getting out of the bath",
        "I'm on the floor, I fell, can't get up",
        "lost my footing on the stairs and my hip is agony",
        "I stumbled and heard a crack in my hip",
        "fel over in the street",
        "my wife had a nasty fall, the leg is rolled outwards",
        "writing for my dad, he fell",
    ],
    "cannot_bear_weight": [
        "I can't put my weight on my right leg at all today",
        "my leg won't support me this morning",
        "can't get any weight through my hip since this morning",
        "impossible to stand on the leg today",
        "unable to put my foot to the ground",
        "I literally cannot walk",
        "I can't take a single step",
        "cant even hobble to the loo",
        "I can't bear to put my foot down",
        "the leg wont hold my weight",
        "cnt put wieght on it",
        "can't stand up, the pain when I try is unbearable",
    ],
    "infection": [
        "I've got a temp of 38.2 and the hip is red and throbbing",
        "running a fever and my new hip feels hot",
        "shivery and hot, hip swollen",
        "hip is red hot and swollen, feel rubbish",
        "burning up and the hip is angry and red",
        "Mum's running a temperature and her hip is warm to touch",
        "I've got the sweats and chills and my hip is really sore",
        "temperature 38 point 5",
        "my temp is 101",
        "hip looks infected",
        "I have a feverr",
        "feel really unwell and the hip is swollen",
    ],
    "cauda_equina": [
        "I've lost control of my bladder",
        "peed myself without realising",
        "can't feel my bum when I sit on the loo",
        "numbness between my legs and I can't wee",
        "I keep leaking wee and my back passage feels numb",
        "my bits are numb and I've been incontinent",
        "soiled myself this morning",
        "not been able to pass water since last night",
        "I can't feel the loo roll when I wipe",
        "wet the bed for the first time ever",
        "my husband has no control over his waterworks since this morning",
        "numb privates and can't pee",
        "my bladder's not right and my bum is numb",
        "the area where I sit feels numb",
        "I can't tell when I need a poo anymore",
        "my butt is numb and I can't pee",
    ],
    "neuro_deficit": [
        "my foot is dragging when I walk",
        "I can't lift the front of my foot",
        "left leg has gone numb from the knee down",
        "my leg suddenly went weak and I can't wiggle my toes",
        "pins and needles all down my leg and it's getting worse",
        "tingling in my foot that won't go away",
        "numbness spreading down my thigh",
        "my toes are numb",
        "I keep tripping because my foot won't lift",
        "my foot flops when I walk",
        "my knee keeps giving way",
        "I have no strength in my leg",
        "my leg won't do what I tell it",
        "shooting pains down my leg and my foot is numb",
        "my leg feels dead",
        "my leg is weak",
        "can't control my leg properly",
        "numbnes down my shin",
    ],
    "cancer_weight_loss": [
        "I've been losing weight without dieting and the hip pain is constant",
        "lost nearly a stone and I'm not trying, is that related to my hip?",
        "I had prostate cancer and now my hip is hurting badly",
        "I was treated for breast cancer, now a deep ache in the hip",
        "my weight has dropped a lot and I'm off my food",
        "I'm getting thinner and thinner and the hip aches",
        "lost 8 pounds and don't know why",
        "on chemo at the moment and the hip hurts",
        "history of cancer and new pain in my thigh bone",
        "unexplained weight loss",
    ],
    "night_pain_sweats": [
        "the pain wakes me up every night",
        "I'm waking up in the night with pain whatever I do",
        "can't sleep, the hip throbs all night no matter how I lie",
        "night sweats and pain in the hip",
        "I've been soaking the sheets at night",
        "waking up drenched",
        "sweating like mad at night",
        "the hip pain stops me sleeping, every single night",
        "I'm up three times a night with the pain, every night",
        "lying in bed it aches deep in the bone and I can't get comfortable in any position",
        "nite sweats",
    ],
    "dvt": [
        "my calf is really swollen and painful, I had my hip replaced 2 weeks ago",
        "swelling in my lower leg and it's warm",
        "calf is rock hard and sore",
        "the leg on my operated side is twice the size of the other",
        "tight painful calf with a red streak",
        "I think I've got a DVT",
        "my calf throbs and it's hot",
        "pain behind my knee and the calf is puffy",
        "my leg's gone all swollen and purple",
        "calf swolen and tender",
    ],
    "pe": [
        "I'm really struggling to breathe",
        "breathing is really hard work",
        "sharp chest pain when I breathe in",
        "I'm gasping",
        "coughing up blood",
        "chest feels heavy and I'm short of breath",
        "my heart is racing and I can't catch my breath",
        "pain in my chest when I cough",
        "feel faint and dizzy, short of breath since the operation",
        "cant breath",
        "out of breath just sitting in my chair",
    ],
    "dislocation": [
        "my new hip has come out of place",
        "I think I've dislocated my hip",
        "heard a pop getting out of the car, leg now shorter and I can't move it",
        "my hip has gone out again",
        "the ball has slipped out",
        "hip locked after a clunk, can't straighten it",
        "bent down too far and felt it go, now my leg is at a funny angle",
        "hip popped out",
    ],
    "wound": [
        "my scar is weeping",
        "there's pus coming from my stitches",
        "the wound smells funny",
        "my incision has split open",
        "wound is hot and the redness is spreading",
        "the op site is oozing",
        "green gunk from the wound",
        "stitches have burst",
        "my wound is red and swollen and sore",
    ],
    "sudden_severe_pain": [
        "out of nowhere I've got terrible pain in my hip",
        "suddenly in agony with my hip, haven't done anything",
        "the pain came on all at once and it's 10/10",
        "excruciating pain suddenly in my groin",
        "worst pain I've ever had in my hip, came from nowhere",
        "a pain like a knife in my hip out of the blue",
    ],
}

#: Longer, relayed and mixed messages: each must raise at least one live flag.
MIXED_LIVE = [
    "Mum went down in the kitchen and is howling, can't get her up",
    "I've come off my mobility scooter and my hip is in a bad way",
    "Took the dog out, he pulled me over and I fell on my hip, can't get up",
    "I'm her son. She has a temperature and her wound is oozing",
    "Dad won't text so I'm doing it, he's really breathless",
    "Had my hip replaced in 2022, all went well. Now the wound has opened up and there's pus",
    "the wound had healed but now it's weeping again",
    "I had cancer in 2015, all clear, but now there's a new pain in my hip that won't go",
    "my sister is a nurse and she thinks my calf might be a clot, it's hot and swollen",
    "my wound is showing signs of infection, red and oozing",
    "if I try to walk the leg gives way and I can't put weight on it",
    "I can't walk right now, hip agony",
    "Morning! Not a great night. Woke up at 3 drenched, had to change the sheets again, "
    "4th night this week. Hip aching too.",
    "just a quick one, my back is agony and I've noticed I can't really feel when I need a "
    "wee, is that the hip?",
    "my pants are soaking wet I peed myself and didn't know",
    "I took a spill on the sidewalk and my hip is killing me, can't put any weight on it",
    "the pain in my hip woke me up again, third night in a row, doesn't matter how I lay",
    "I think I've broken my hip",
    "lips gone blue",
]

NOT_LIVE: dict[str, list[str]] = {
    "negated": [
        "no numbness or pins and needles, just the usual ache",
        "I haven't had any fever",
        "never lost control of my bladder",
        "my calf isn't swollen",
        "haven't fallen, just sore",
        "no chest pain, no breathlessness",
        "nothing wrong with my waterworks",
        "the wound is not red or weeping",
        "I can put weight on it fine",
        "the nurse asked if I'd had any fever, I said no",
        "my calf isn't hot or swollen, just tight from the stretches",
    ],
    "past": [
        "I had a blood clot years ago",
        "my numbness went away last week",
        "used to get night sweats but not any more",
        "had pneumonia in 2020, couldn't breathe, all fine now",
        "I fell in 2018 and broke my wrist",
        "had sepsis after my first op, fully recovered",
        "the swelling in my calf has gone down now",
        "was in agony last week but it's much better now",
        "my knee gives way sometimes, always has",
    ],
    "hypothetical": [
        "what if my wound gets infected?",
        "should I worry if my leg goes numb?",
        "how do I know if my hip has dislocated",
        "if I get chest pain on my walk do I stop?",
        "what are the signs of a DVT",
        "in case I fall, who do I ring?",
        "what are the symptoms of a blood clot in the lungs?",
        "are night sweats a sign of something bad?",
        "whats the chance of a clot if I sit on the train",
    ],
    "other_person": [
        "my neighbour fell and broke her hip",
        "my sister has a DVT, so I'm doing my ankle pumps",
        "my dog has lost weight",
        "my friend's husband had a PE",
        "my brother can't feel his toes, will these exercises help him too?",
        "sorry I meant my MUM fell, not me",
        "my wife has a temperature so I'll do mine later",
        "a lady at church fell and broke her hip",
        "my friend's husband had a PE",
    ],
    "figurative": [
        "I'm dying to get back to the gym",
        "this traffic is killing me",
        "nearly died laughing at the grandkids",
        "the wait for the op is unbearable",
        "cabin fever is setting in",
        "I nearly collapsed laughing at the telly",
        "I'm drowning in paperwork",
    ],
}

QUIET = [
    "did my bridges, calf a bit tight",
    "hip's a bit achy after the walk, 3/10",
    "can't walk as far as I'd like yet",
    "I can't stand the taste of the tablets",
    "my phone fell in the bath",
    "the bins fell over in the wind",
    "soaked to the skin on my walk",
    "done the knee to chest, felt good",
    "knee to chest hurts my hip a bit",
    "a bit out of breath after the step ups",
    "scar is healing nicely",
    "bit of blood on the dressing when I changed it",
    "the dressing got wet in the shower",
    "did the Race for Life for cancer research, legs aching",
    "lost 2 pounds this week from all the walking 😀",
    "I fell asleep on the sofa after the exercises",
    "we had a trip to the seaside",
    "my bum went numb sitting through the film",
    "my foot went to sleep from sitting cross legged",
    "the hip woke up stiff but loosened with the stretches",
    "sharp twinge when I turned, gone now",
    "sit to stands done, legs like jelly",
    "feeling hot in this weather",
    "I have a temperature gauge in the greenhouse",
    "the stitches came out yesterday",
    "my balance is getting better",
    "please cancel my reminders",
    "I woke up with no pain today",
    "I lost my balance on the single leg stand, had to grab the counter",
    "thigh is numb around the scar, surgeon said it's normal",
    "pins and needles when I sit too long",
    "night sweats from the menopause, nothing new",
    "I've lost a bit of weight since the op, not complaining",
    "I can't stand on one leg for long",
    "my hip popped a bit during the clams but no pain",
    "my chest is tight from my asthma, using my inhaler",
    "it's 38 degrees in Spain!",
    "I popped out for milk",
    "banged my hip on the table, bit bruised",
    "got a sore throat and a temperature, taking a day off",
]


@pytest.mark.parametrize(
    ("category", "text"), [(c, t) for c, texts in LIVE.items() for t in texts]
)
def test_each_category_in_lay_words(category: str, text: str) -> None:
    hits = [hit for hit in scan_red_flags(text) if hit.live]
    assert category in {hit.category for hit in hits}, scan_red_flags(text)


@pytest.mark.parametrize("text", MIXED_LIVE)
def test_longer_and_relayed_messages(text: str) -> None:
    assert detect_red_flags(text), scan_red_flags(text)


@pytest.mark.parametrize(
    ("qualifier", "text"), [(q, t) for q, texts in NOT_LIVE.items() for t in texts]
)
def test_qualified_phrases_raise_no_alarm(qualifier: str, text: str) -> None:
    hits = scan_red_flags(text)
    assert not any(hit.live for hit in hits), hits
    assert not hits or qualifier in {hit.qualifier for hit in hits}, hits


@pytest.mark.parametrize("text", QUIET)
def test_ordinary_messages_stay_quiet(text: str) -> None:
    assert detect_red_flags(text) == ()
    assert ambiguous_red_flag(text) is None, ambiguous_red_flag(text)
