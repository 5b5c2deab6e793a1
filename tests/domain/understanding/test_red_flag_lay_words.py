"""Red flags in lay words, and long-known conditions that are not news (the lean of rounds 8
to 15: tune97 to tune136). Our own phrasings, not the batches' rows; each mechanism with
look-alikes that stay quiet."""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.red_flags import scan_red_flags

LIVE: list[tuple[str, str]] = [
    # "uses a walker": a walking frame, not a person; "he" is still the husband
    ("cannot_bear_weight", "my dad gets about with a walker but since lunch he can't put any "
                           "weight through his right leg at all"),
    # a sign in the sentence after the thing it is about
    ("wound", "should I keep the dressing on for the floor ones? it's come open at one end "
              "and it's red all round"),
    # "my zip": the long scar
    ("wound", "the bottom end of my zip won't close and it's gone crusty and weepy"),
    # pain that wakes the patient, named by the one writing for them
    ("night_pain_sweats", "the pain wakes Dad every night no matter which way we turn him"),
    ("cauda_equina", "it feels like I need to go but nothing comes, and both legs feel weak"),
    ("cauda_equina", "Nan's had 3 accidents with her bowels since yesterday"),
    # "eat the same as always" is about food, not a sign that has settled
    ("cancer_weight_loss", "lost 6 kilo and I eat the same as always, the hip aches all day"),
    ("cancer_weight_loss", "had an operation for a growth in my bowel 3 years ago and now "
                           "there's a deep pain in my pelvis day and night"),
    ("dvt", "her lower leg has gone purply below the knee and her ankle's fat on that side, "
            "hip op was last week"),
    ("sudden_severe_pain", "the pain came like lightning an hour ago and the painkillers "
                           "haven't touched it"),
    ("sudden_severe_pain", "Grandad was fine this morning, now he's white as a sheet with the "
                           "pain in his hip"),
    # "if that's relevant" is a hedge about telling, no reason to doubt the sign
    ("dvt", "my calf on one side swelled right up from the knee down, warm and sore, I'm on "
            "blood pressure pills if that's relevant"),
    # a carer's words: "repositioned her each time", a resident named, "(not her own one)"
    ("night_pain_sweats", "Mrs D buzzed four times in the night with her hip pain, we "
                          "repositioned her each time, it's worse at night than in the day now"),
    ("dislocation", "Jean sat in a low armchair (not her own one) and something went pop, her "
                    "leg's at a funny angle and she's in agony"),
    ("cancer_weight_loss", "dropped a stone with out trying since the autumn and the hip aches "
                           "all the time"),
    ("neuro_deficit", "my foot suddenly wont lift when I walk"),
    # mixed-language words, and a sign asked about with its start given
    ("cannot_bear_weight", "Papá no puede pararse on his bad leg since this morning"),
    ("night_pain_sweats", "raat ko dard se neend khul jaati hai, every night whatever side I "
                          "lie on"),
    ("cauda_equina", "is it normal not to feel the paper when I wipe? it started this morning "
                     "with my back"),
    ("cauda_equina", "sitting on the dining chair I can't feel my bottom at all"),
    # a fall, then a leg that "looks turned out"; a relative's fear is no other person
    ("fracture_after_fall", "Mum tripped on the rug an hour ago and her leg looks turned out"),
    ("fracture_after_fall", "grandad went over in the garden, his leg looks shorter than the "
                            "other one and I'm scared to move him"),
    # any position ("doesn't matter if"), and it happened ("I was just sitting")
    ("night_pain_sweats", "the hip wakes me every night, doesn't matter if I lie on my back or "
                          "my side"),
    ("sudden_severe_pain", "is it normal to get a sudden 10/10 pain in the hip? I was just "
                           "sitting reading"),
    # "it was fine when I lay down" dates the pain; "I should probably mention" is a hedge
    ("sudden_severe_pain", "woke up from a doze with the most horrendous pain in my hip, it "
                           "was fine when I lay down"),
    ("cancer_weight_loss", "hip pain is new since last month, about a 6. I should probably "
                           "mention I had breast cancer in 2020"),
    # bone pain at night in any position, told without "wakes me" (round 12)
    ("night_pain_sweats", "4am and awake again with a gnawing ache deep in the bone, doesn't "
                          "matter which side I'm on"),
    ("night_pain_sweats", "lying down is agony whatever way I turn, every night this week"),
    ("night_pain_sweats", "the hip wakes me up every night now, dosent matter what side"),
    ("cancer_weight_loss", "down another 4 lb this week and I'm eating the same as ever"),
    # politeness before the sign is no doubt about it
    ("infection", "I hope you don't mind me mentioning it, I've had a fever since yesterday "
                  "and the hip is hot and red"),
    # clinical words, a past episode compared with now, a present state asked about (round 13)
    ("cannot_bear_weight", "was told partial weight bearing but now I can't even put my toe "
                           "down"),
    ("dvt", "had a clot in my leg years ago and this feels just like that did, calf red and "
            "swollen today"),
    ("dvt", "should I worry if my left calf is much bigger than the right? it's sore too, "
            "had the op 2 weeks ago"),
    ("night_pain_sweats", "waking every night with the ache, even sitting up doesn't ease it"),
    ("night_pain_sweats", "the pain gets me out of bed at 3am, nothing to do with how I lie"),
    ("night_pain_sweats", "up half the night with the hip, resting doesn't ease it at all"),
    ("dvt", "my calm is hot and swollen since the op"),
    # told as a change over time; a carer who names the patient (round 14)
    ("wound", "the red patch round my scar is bigger every day, it's gone past the pen line "
              "the nurse drew"),
    ("neuro_deficit", "weakness spreading down into my leg since the weekend"),
    # the "hasn't" is the sign itself, not a denial of it
    ("cannot_bear_weight", "I'm my brother's carer. He hasn't been able to stand on his left "
                           "leg for 3 days, the pain is about the same each day"),
    # round 15: a pop with a twisted leg, a toe put down, a change from how it used to be
    ("dislocation", "dad's new hip popped when he bent for his shoe and now his leg is twisted "
                    "and he can't move it"),
    ("cannot_bear_weight", "for a week now I can only put my toe down on the bad side"),
    ("neuro_deficit", "the pins and needles used to go after a minute but now they stay, and "
                      "they've spread down into my foot, which feels weak"),
    # round 16: "should I be worried" asks how much it matters; a calf fine "but" red
    ("wound", "there's a gap at one end of the scar now, should I be worried or is it normal"),
    ("dvt", "his calf isn't sore but it's gone red and hot since the op"),
    ("fracture_after_fall", "fell in the kitchen and broke my wrist, and my hip's agony now too"),
    # round 17: signs asked about as questions, with the sign there
    ("cauda_equina", "don't even know when I've weed these days, keep finding my knickers damp "
                     "and didn't feel a thing"),
    ("cauda_equina", "been sitting on the toilet for half an hour and not a drop, is that the "
                     "hip?"),
    ("cauda_equina", "what's it mean if you lose feeling down below and your legs go heavy? "
                     "asking for me"),
    ("cannot_bear_weight", "is it the hip if you can't stand on it at all? 9/10 when I try"),
    ("wound", "are weepy staples normal? there's some yellow gunk coming out at the bottom"),
    ("sudden_severe_pain", "is this normal?? pain went from a 2 to agony in a few minutes, just "
                           "sat watching tv"),
    ("sudden_severe_pain", "my dad's yelling that his hip is hurting him terribly, it came on "
                           "suddenly a minute ago"),
    ("night_pain_sweats", "my wife's been up every night of our holiday with her hip, can't "
                          "get comfy whichever way she lies"),
    # a belief about the cause, revised: no reason to read the sign as over
    ("infection", "fever of 38.5 and the scar is red and hot, I thought it was just a cold "
                  "coming"),
    # round 18: English as a second language, and signs without their usual words
    ("cannot_bear_weight", "from yesterday I am not able to put my foot on floor, so much pain"),
    ("neuro_deficit", "gradually losing feeling in the front of my thigh, it's reached the knee "
                      "now"),
    ("night_pain_sweats", "woke up with my pyjamas clinging to me again, and a deep ache in the "
                          "hip"),
    ("cannot_bear_weight", "he is taking less weight on the operated leg every week"),
    # round 19: asking how to exercise or rest with the sign there now
    ("cauda_equina", "how long should I rest if my bum has gone numb and I can't feel the loo "
                     "roll"),
    ("wound", "can I do the bridges with a wound that's gaping? it opened up when I coughed"),
    ("neuro_deficit", "my knee is getting number and number each day and now the foot too"),
    # round 20: signs told with numbers and times
    ("cancer_weight_loss", "jeans down two sizes since easter and I'm eating like a horse, hip "
                           "aches all the time"),
    ("cauda_equina", "my bladder just went in the queue at the post office with no warning, "
                     "second time this week"),
    ("night_pain_sweats", "two weeks of waking at 3 with a deep ache in the hip, walking about "
                          "doesn't help"),
    ("wound", "the red bit round the wound has gone well past the pen line they drew on Monday"),
    # round 21: the dropped h and "me" for "my"; pain like no other, with no cause
    ("cannot_bear_weight", "can't stand on me 'ip since tea, stuck on the settee"),
    ("sudden_severe_pain", "husband's 'ip went sudden like, he's grey and can't bear it"),
    ("sudden_severe_pain", "Mam's hip went all of a sudden, she says it's worse than having "
                           "the kids"),
    ("sudden_severe_pain", "just stood at the cooker and the pain in me hip's like nowt I've "
                           "ever felt, 10 out of 10"),
    # round 24: pain told only by how bad and how sudden, in dialect and comparisons
    ("sudden_severe_pain", "summat's gone in my hip. got up from the table and it just went, "
                           "proper bad"),
    ("sudden_severe_pain", "been through kidney stones and this is worse, hip, came on all at "
                           "once watching telly"),
    ("sudden_severe_pain", "worst I've ever known, my hip, came on in a wave half an hour ago"),
    ("sudden_severe_pain", "out of the blue my groin went, a hundred times worse than toothache, "
                           "help"),
    ("neuro_deficit", "is it ok to miss today, since lunchtime my foot keeps slapping and I "
                      "can't lift the toes"),
    # round 25: the patient named as the one on the programme, "not me"
    ("cannot_bear_weight", "the husband (he's the one on the hip app, not me) says his left "
                           "leg just folds under him since this morning"),
    # round 27: the writer introduced by name and role; an operation dated after the sign;
    # hurried spellings; "no warning" is no denial
    ("wound", "hi its Pat's friend Lorraine, her scar is leaking and hot to touch and the ward "
              "isn't answering"),
    ("infection", "Grandad's burning up and muddled, his new hip was only 3 weeks ago"),
    ("cannot_bear_weight", "care home here re Mrs Pike, she cant bear it on the left leg this "
                           "morning"),
    ("cannot_bear_weight", "Mum's been managing less weight on the operated leg every day"),
    ("fracture_after_fall", "slipd on the ice n my leg turnd out"),
    ("cauda_equina", "wet meself at the sink and never felt it"),
    ("cauda_equina", "pooed myself without any warning, both legs weak"),
    ("cannot_bear_weight", "Nan hasn't put her foot on the floor since Sunday, she shuffles on "
                           "her bottom to the loo"),
    ("cannot_bear_weight", "Mr K cries out whenever any weight goes through the left leg"),
    ("fracture_after_fall", "resident slid off the commode, leg looks short"),
    ("sudden_severe_pain", "she's screaming in pain with the hip and we've no idea why, she "
                           "didn't do anything"),
    ("sudden_severe_pain", "got a tearing pain in my groin lifting the kettle, worst ever"),
    ("pe", "my chest catches when I breathe in, hip op was 10 days ago"),
    ("wound", "the scar has split open near the top"),
    ("night_pain_sweats", "awake at 4 with the hip every night, nothing helps"),
    # round 28: a sign asked about as a question; the scar of the two operations; what
    # the bladder no longer tells; accidents that could not be stopped
    ("neuro_deficit", "why can't she lift her foot properly? she keeps catching it on the mat"),
    ("cauda_equina", "don't know when I need a wee any more, and the insides of my thighs are "
                     "numb"),
    ("cauda_equina", "Grandma's had a couple of accidents today, couldn't help it at all"),
    ("cauda_equina", "Dad says his undercarriage has gone to sleep and it won't wake up"),
    ("fracture_after_fall", "tripped on a paving slab and down on the pavement, can't get up, "
                            "hip is agony"),
    ("neuro_deficit", "my wife's foot keeps slapping since lunch, she's on your programme for "
                      "her hip"),
    # round 29: English as a second language; a sign that comes back; a follow-up that
    # names what the writer "mentioned"; a jump in pain told without its verb
    ("cannot_bear_weight", "today my mother can not support her weight on the left leg"),
    ("sudden_severe_pain", "out of nothing pain like a knife in the hip, I was only reading"),
    ("infection", "the redness round the hip is bigger and I'm shivering under the duvet"),
    ("cauda_equina", "had another accident with my bladder this morning, didn't feel it coming"),
    ("night_pain_sweats", "can't sleep for the pain again, up in the chair every night this week"),
    ("sudden_severe_pain", "from a 2 to a 10 in a few minutes while I sat at the table"),
    ("cancer_weight_loss", "the ache I mentioned on Monday, I should say I had bowel cancer "
                           "before, it's there day and night now"),
]

QUIET: list[str] = [
    # round 26: texting shorthand for what is over; a surgeon's order; a client's husband
    "scar weepy last wk, dry now",
    "tingling gone since weds 👍",
    "fell off my bike last yr, that's why I'm doing this",
    "heel raises done, she's NWB until fracture clinic",
    "my clients husband collapsed at the shops and is in hospital, she's too upset for "
    "exercises today",
    # round 25: a lodger's fall, the patient's husband's fall told by her carer, a death
    "our lodger slipped on the stairs last night, ambulance came, I'm fine, doing my bridges "
    "later",
    "Mr D's wife had a fall at the day centre and is in for x-rays, he's upset so no exercises "
    "today. Carer",
    "Sorry for the silence, my sister died very suddenly last month and I can't face anything "
    "yet",
    # round 24: figures of speech about how bad, with nothing sudden in the hip
    "worst workout ever lol, the clams nearly finished me off",
    "I'd rather give birth again than sit through another of his speeches",
    "this cold snap is killing me, hip a bit stiff but I did the bridges",
    # ... and relief told in the same words as the worst pain
    "suddenly I could reach my socks again, never felt anything like it!",
    "the hip suddenly feels free, never had anything like it in years",
    "all at once the stiffness went, like nothing on earth",
    # a long-known condition, said to be old news
    "pins and needles in my feet at night from the neuropathy, but that's been years",
    "feet numb as always from the diabetes, old news, did the bridges",
    "I can't lift my stroke leg onto the bed for the clams, is there another way?",
    # "next to me": where the other person was, not who fainted
    "the man next to me at the pool fainted today, gave me a turn",
    # warm from the exercise
    "hip feels warm after the exercises, not red, is that normal?",
    # figures of speech
    "my trousers are hanging off me... I bought them two sizes too big 😂",
    "felt like my hip was out of joint after the long drive, a stretch made it much better",
    "the scar's fine, it's my heart that's bleeding after the match 😂",
    "burning up in this Spanish heat, does a swim count as my walk?",
    # a worry, a tired sit-down, warmth on both sides, a burn from effort, a wobble gone
    "I'm convinced it's cancer after reading about it online, but there's no weight loss "
    "and the ache is only when I walk far",
    "did my sit to stands then collapsed on the sofa with a cuppa",
    "is it normal for my hip to feel warm after walking? the other hip feels just as warm",
    "did 15 heel raises and my calves are on fire, is that ok?",
    "last week my leg buckled on the step ups but today solid as anything, did them all",
    # an example asked about, after the question it belongs to
    "before I start, what should make me stop? Like chest pain or something?",
    "hips on fire after the aqua aerobics class, good burn, 3",
    "nearly slid off the stool doing the seated stretch, all fine",
    "did half today, my husband fell off the ladder yesterday so I've been running round "
    "after him",
    # "another resident": not the one cared for
    "carer here. another resident had a fall on the stairs last night, the unit's unsettled",
    # soreness after sport, and a night awake for other reasons (round 12)
    "hips a bit angry after football last night, 3/10, skipping today",
    "wide awake at 3 worrying about the grandkids, hip's fine",
    "down another 3 lb on the diet, chuffed, did my bridges",
    # a check that found nothing, a number that is not "numb", a question about a sign
    "calf soft and non-tender, did the ankle pumps",
    "groin aches a bit, can't put a number on it",
    "do night sweats have anything to do with hip arthritis?",
    "leg went numb for a second when I sat on it, then fine",
    # surprise, a foot numb from sitting on the loo, swelling that is going down (round 14)
    "fell off my chair when I saw the size of my streak 😂",
    "his foot went numb sitting on the toilet for an hour doing the crossword",
    "the swelling in my leg after the op has gone down a bit more every day, nearly normal now",
    # round 15: a worry about someone who cannot say, a fall already seen to, tired muscles
    "would he even notice if his new hip popped out? his memory is so bad now",
    "had a fall in the garden myself, my arm's in a sling, so mum's exercises are on hold",
    "legs shaking after the sit to stands, hip about a 3",
    # round 16: a burn after heel raises, a calf said to be fine, a fracture already found
    # elsewhere, a night spent on one's back as told after the op
    "finished 3 sets of heel raises, calves on fire",
    "my ankle's a bit puffy at night but the calf is soft and not warm at all",
    "I fell at the bus stop and have a broken wrist, still waiting at A&E",
    "nights are awful, can't get comfy stuck on my back with the new hip",
    # round 17: how a sign goes, asked in general
    "would foot drop come on quickly or gradually? just wondering after the leaflet",
    # a relative who opened as such: "my own" wound is theirs
    "It's Brenda's daughter. My own wound is still oozing a little after my op, so I can't "
    "help her down onto the floor, can she do them sat on the bed?",
    # round 18: a fall with no harm; a sign that was, told without its "it"
    "I fell off the step yesterday, I am ok, only a small graze, just telling you",
    "before I had pins and needles in foot but now is gone, today 2",
    # round 19: a sign denied beside one that is no red flag
    "the scar is sore when I sit on it, but it's dry and not red at all, a 3",
    # round 20: a fall long mended, the patient's spouse taken ill, a known winter flare
    "10 weeks since my fall on the ice and it's finally easing, 3/10 today",
    "Dad can't do his walk today, my mum (his wife) was taken in with chest pains so we're "
    "all at the hospital",
    "8/10 today, no fall, it's just my arthritis flaring like it does every winter",
    # round 21: which way a foot goes in an exercise; a figure of speech with "me"
    "standing side lift: toes straight ahead or turned out?",
    # "me" is "my" only before a hip or leg word, not in "giving me chest pains"
    "the cricket is giving me chest pains, 40 runs needed off 3 overs",
    # round 27: the writer's own fall in a message for the patient; only pride hurt; a
    # spell that is over; a shock at a price
    "It's Alan, Jeans husband. I had a fall myself at the bowls yesterday, only a scraped "
    "elbow, and Jean's done her stretches",
    "It's Gary, I came off my scooter this morning, only my pride hurt, and Lynn is taking a "
    "rest day",
    "Dad couldn't stand on his leg for a week after the op but now he's up and walking round "
    "the garden",
    "almost fell over when I saw the gas bill this morning",
    "what does the leaflet mean by 'saddle numbness'? is that the bum",
    "the nurse says watch for a hot calf, will do",
    "boiling and sweaty after my walk, all good",
    "hip was angry after the party dancing but fine today",
    "I'm numb to the news these days",
    "my knees went to jelly when the grandkids walked in",
    "foot went to sleep on the loo, right as rain now",
    "my chest's a bit sore from the needle after the port flush, taking today off",
    "bridges done and my bum is on fire 🔥",
    "my bum's gone numb on the plastic chairs in outpatients",
    "couldn't feel my toes at the bus stop, freezing this morning",
    "did my side lifts, almost rolled off the bed 😂",
    "me and the wife both had flu, she had the night sweats, I'm fine",
    "the booklet says 'loss of bladder control', what does that mean exactly?",
    "how long after the op can the new hip still pop out?",
    "walang lagnat, the cut is clean and dry, just itchy",
    "the nurse came and said it's healing nicely, no more weeping",
    "my enthusiasm's gone numb this week lol but I did my walk",
]


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_the_sign_is_caught_with_its_category(category: str, text: str) -> None:
    reading = interpret(text)
    assert reading.is_red_flag, text
    assert category in {hit.category for hit in reading.live_flags}


@pytest.mark.parametrize("text", QUIET)
def test_the_same_words_elsewhere_raise_no_alarm(text: str) -> None:
    assert not interpret(text).is_red_flag


#: Signs the rules read as live that the model still doubts on a word of the message: a
#: writer who opens with their name and role ("Sam, Nans neighbour", round 27), "mine"
#: said of the second of two operations (round 28). The bot asks its yes/no question
#: instead of alarming: never silent.
INTRODUCED = [
    ("wound", "his knee's fine but mine is leaking yellow stuff where the stitches were"),
    ("fracture_after_fall", "hello, this is Sam, Nans neighbour from across the road. she went "
                            "over on her front step and her leg's rolled right out"),
    ("fracture_after_fall", "it's Bev, Rons wife. Our Ron went over in the garden and his foot "
                            "is turned right out"),
]


@pytest.mark.parametrize(("category", "text"), INTRODUCED)
def test_signs_the_model_doubts_are_read_by_the_rules_and_asked(category: str, text: str) -> None:
    assert category in {hit.category for hit in scan_red_flags(text) if hit.live}
    reading = interpret(text)
    assert reading.is_red_flag or reading.ask_about is not None


@pytest.mark.parametrize("text", [
    "what if I did that and my hip popped out?",
    "suppose I did it wrong and my leg went numb, would I know?",
    "would it be bad if I did that and the wound opened?",
])
def test_a_supposition_about_doing_it_stays_a_supposition(text: str) -> None:
    """Round 28's "I did it without thinking" ends a leaflet's supposition; "if I did
    that" begins one (the rules, before the model's second opinion)."""
    assert not any(hit.live for hit in scan_red_flags(text))
