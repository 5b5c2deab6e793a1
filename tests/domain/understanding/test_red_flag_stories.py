"""Red flags told as a story, by a partner or a carer, or dated after the fact (the lean of
tune31 to tune33, and of later rounds). Our own phrasings, not the batches' rows; each
mechanism with look-alikes that stay quiet."""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret

LIVE: list[tuple[str, str]] = [
    # a partner named as "my fella", "my other half", "the old man": they may be the patient
    ("cannot_bear_weight", "my fella reckons he's fine but he can't put his foot down at all "
                           "since last night"),
    ("dvt", "my other half's calf is red hot and twice the size since his op"),
    ("infection", "the old man is shivering and his new hip is hot and red today"),
    # a carer's "client", "the gentleman I care for": the patient
    ("cauda_equina", "care worker here. my client wet herself without noticing this morning"),
    ("wound", "the gentleman I care for has pus coming out of his wound today"),
    ("dvt", "carer. client's left calf swollen and hot, two weeks after the hip op"),
    # "my client", even when the writer never says they are a carer
    ("pe", "my client is suddenly breathless and her chest hurts, she had her hip done last "
           "week"),
    ("cancer_weight_loss", "his weight has dropped 4kg since the last weigh-in and the hip "
                           "aches more"),
    # family called "our Jean": kin, the patient when her own hip operation is named
    ("neuro_deficit", "our Jean's foot is dragging since this morning, she's had her hip "
                      "done"),
    # told without the medical word, in passing or as an image (tune45 to tune49)
    ("sudden_severe_pain", "out of nowhere I was struck by a terrible pain in the groin, never "
                           "felt anything like it"),
    ("cancer_weight_loss", "I had bowel cancer in 2018 and over the last few weeks a new ache "
                           "has started in my hip"),
    ("wound", "the dressing came off and there's yellow stuff oozing out of the end of the cut"),
    ("cauda_equina", "my bladder feels fit to burst but nothing will come"),
    ("cauda_equina", "when I wipe it's numb down there"),
    ("cauda_equina", "the insides of my thighs have gone numb and I'm leaking"),
    ("cancer_weight_loss", "down almost half a stone and I'm not dieting"),
    ("dislocation", "I think the ball has popped out, the leg won't move"),
    ("pe", "I can barely talk in full sentences today"),
    ("dvt", "her calf is like a balloon and red, two weeks after the op"),
    ("night_pain_sweats", "it wakes me every night whichever side I lie on"),
    ("night_pain_sweats", "awake at 4am again, tried every position"),
    ("cannot_bear_weight", "hobbling about on one leg, the hip won't take any weight"),
    ("cannot_bear_weight", "client NWB since this morning, very distressed"),
    ("fracture_after_fall", "slipped off the step, felt a snap and now I can't get up"),
    ("neuro_deficit", "I have to hitch my knee up high so my toes don't catch on the carpet"),
    # second-language English, carers' notes, keyhole sites, a score "to a ten" (tune50 to
    # tune54)
    ("dvt", "my calf is sore like a cramp that won't go, it's swollen and red too"),
    ("wound", "the keyhole sites are red and one is oozing yellow stuff"),
    ("wound", "dad's staples have come undone at the bottom of the scar"),
    ("cannot_bear_weight", "I'm barely able to put any weight on my left leg now"),
    ("neuro_deficit", "the front of my foot won't lift up, I keep catching my toes"),
    ("sudden_severe_pain", "out of nowhere the pain shot up to a ten, I can't bear it"),
    ("fracture_after_fall", "my father slip on the wet floor, now much pain and leg turned "
                            "outside"),
    ("cauda_equina", "writing for my wife (Jan). She has wet herself twice today and can't "
                     "feel the toilet seat"),
    # told in long or chatty messages (tune55 to tune59): a pillow tried, "a 9" out of the
    # blue, "my hip" after the phrase, a subjectless sentence after a pet, "not sleeping"
    ("night_pain_sweats", "Dad's up at 4am every night, tried every pillow in the house and "
                          "nothing helps"),
    ("sudden_severe_pain", "pain came out of the blue, a 9, I was only sat watching telly"),
    ("sudden_severe_pain", "all of a sudden, like a 10, never had it before"),
    ("fracture_after_fall", "The cat's been poorly all week. Slipped on the wet decking this "
                            "morning and heard a crack, can't get up"),
    ("sudden_severe_pain", "my son came round and as I went to hug him, wham, a stabbing pain "
                           "in my hip, a 10, out of nowhere"),
    ("night_pain_sweats", "not sleeping at all, the hip wakes me whatever way I lie"),
    ("wound", "told the nurse about the programme she said great, and my scar has been "
              "weeping since Friday"),
    # a wound "getting redder", pain "all night" in every position (tune60)
    ("wound", "the scar is getting redder by the day and it's hot"),
    ("night_pain_sweats", "my hip aches all night, nothing works, every position"),
    # "scars", "wounds" without an apostrophe
    ("wound", "my scars gone angry and its weeping yellow stuff"),
    # flat on the floor
    ("fracture_after_fall", "went flat on my back on the icy path, pain is 9 and the leg "
                            "won't lie straight"),
    # not an ounce of weight
    ("cannot_bear_weight", "got out of the chair and couldn't put an ounce of weight through "
                           "the leg"),
    # weeing is not a misspelt weeping
    ("cauda_equina", "I can't feel it when I'm weeing since yesterday"),
    # cancer named by its operation; weight "down"
    ("cancer_weight_loss", "had a lumpectomy in 2020 and now there's a new deep ache in the hip"),
    ("cancer_weight_loss", "three kilos down since the start of the month and I'm eating loads"),
    # the clip line
    ("wound", "the clip line is oozing and there's a smell"),
    # a score that shot up
    ("sudden_severe_pain", "my hip pain leapt from a 2 to a 10 while I was watching telly"),
    ("sudden_severe_pain", "it went from 3 to 9 in seconds, I'd only stood up"),
    # Caribbean English and Scots, read in the English they mean (tune36's lean)
    ("cauda_equina", "mi cyaan feel nutten down there an mi wee jus a come out"),
    ("wound", "di cut a leak an it smell bad"),
    ("cannot_bear_weight", "cannae staun on ma bad leg since this mornin"),
    # Indian English: "not able to keep my leg on floor"
    ("cannot_bear_weight", "since morning not able to keep my leg on the floor, paining like "
                           "anything"),
    # images of a pain, of a chest, of a numb patch
    ("sudden_severe_pain", "fine at breakfast then bam, like a hot poker in the hip, worst ever"),
    ("pe", "a week after the op and it feels like an elephant sitting on my chest"),
    ("cauda_equina", "I've a numb patch where my pants sit and I keep leaking"),
    # only part of the weight; a night the hip won't allow; nighties soaked
    ("cannot_bear_weight", "only a little bit of weight through the leg now, even with the "
                           "frame"),
    ("night_pain_sweats", "three nights now the hip won't let me lie down any way at all"),
    ("night_pain_sweats", "her pyjamas are drenched every morning and the hip is worse at night"),
    # "worse not better" is a trend, not a denial of the sign after it
    ("fracture_after_fall", "went over at the bus stop, getting worse not better, can't bend "
                            "the hip and the leg looks turned out"),
    # a sentence about "my privates" is the writer's, whoever spoke before
    ("cauda_equina", "my neighbour told me to message. numb in my privates since this "
                     "morning and I've wet myself"),
    # second-language English, Pidgin, more patois and Scots (tune37's lean)
    ("fracture_after_fall", "she has fall on the steps, hip is terrible and the foot is "
                            "turned out"),
    ("cannot_bear_weight", "mi cyaan put mi foot dung pon di ground"),
    ("cancer_weight_loss", "lost near a stane an no tryin, had the cancer before, hip sair"),
    ("sudden_severe_pain", "out a nowhere, worse pain mi ever feel inna mi hip"),
    # "if I'm honest" supposes nothing
    ("infection", "rough if I'm honest, temp was 38.5 when I took it and the hip is hot and "
                  "swollen"),
    # an aunt, an uncle, an in-law may be the patient; a brother whose hip op is named is
    ("night_pain_sweats", "Auntie is soaking the sheets every night and the hip wakes her "
                          "whatever way she lies"),
    ("wound", "my aunty that had the hip operation, her wound is weeping and smells"),
    ("dislocation", "father in law heard a clunk turning over and now the leg is shorter, he's "
                    "in agony"),
    ("dvt", "my brother's calf is fat and hot, he had his hip replaced last month"),
    # asked, but dated as happening: "started this morning", "10 min ago"
    ("neuro_deficit", "should I worry if my whole leg has gone numb and won't lift? started "
                      "this morning"),
    ("dislocation", "leg turned in after a pop?? 10 min ago"),
    # tune43's plain sample: breathing, a sentence cut short, a pain that shot through
    ("pe", "stabbing pain under my ribs whenever I breathe, op was ten days ago"),
    ("pe", "I can barely get through a sentence without stopping for breath"),
    ("sudden_severe_pain", "OWW. sudden. worst pain I've known. no fall"),
    ("sudden_severe_pain", "standing at the kettle and a pain shot through my hip, easily a 10"),
    ("sudden_severe_pain", "my wife was just sitting reading and suddenly cried out with pain in "
                           "her hip, no fall, it won't ease"),
    ("dvt", "my calf aches after the walk. it's puffy and warmer than the other one"),
    # dated, but still going
    ("dvt", "my calf went tight and hot after the op, that was a week ago and it's still "
            "the same"),
    # told as a story, a joke or an image (tune62 to tune66)
    ("fracture_after_fall", "sat down and missed the stool, now I can't get back up and the "
                            "leg is pointing outwards"),
    ("fracture_after_fall", "nan slipped off the commode overnight, she cries out if anyone "
                            "moves her leg"),
    ("fracture_after_fall", "he came off the stepladder in the garage and won't let anyone "
                            "near his hip"),
    ("dislocation", "bent down for the cat and felt a clunk inside my new hip, the leg won't "
                    "move now"),
    ("dislocation", "rolled over in bed and something slipped out of place, can't straighten "
                    "the leg"),
    ("cannot_bear_weight", "she holds the sore foot off the floor and hops, won't put it down"),
    ("cannot_bear_weight", "whenever any weight goes through the op leg he sits straight back "
                           "down"),
    ("sudden_severe_pain", "my hip pain jumped from a 3 to off the scale in a couple of "
                           "minutes, sat still"),
    ("sudden_severe_pain", "a pain in the hip hit me so hard I had to hold the sink"),
    ("sudden_severe_pain", "hip pain like a knife, came on just now, nothing set it off"),
    ("sudden_severe_pain", "my dad says it's unbearable, he's never like this, no injury "
                           "either"),
    ("cauda_equina", "I can't feel when I'm needing a wee any more and my back is killing me"),
    ("cauda_equina", "sitting on the loo feels like sitting on a plank, can't feel a thing"),
    ("neuro_deficit", "the numb bit on my thigh has spread down to my knee this week"),
    ("neuro_deficit", "pins and needles were only in my bum last month, now they've moved down "
                      "to my foot"),
    ("neuro_deficit", "on tiptoe the bad side stays glued to the floor"),
    ("cancer_weight_loss", "had to take my belt in two notches and I'm not trying to lose "
                           "anything, hip aches all day"),
    ("cancer_weight_loss", "3 kilos lighter since spring and I've changed nothing"),
    ("night_pain_sweats", "the hip keeps me up all night, nothing eases it, even the recliner"),
    ("night_pain_sweats", "wife says I wake up to damp sheets most nights and the hip throbs"),
    ("pe", "I can't get a decent lungful since this morning, op was last week"),
    ("wound", "not gonna lie the scar smells off and there's gunk coming out"),
    ("infection", "the hip she had done in may has gone red and hot and she's shivery"),
    # "the fell" is a hill; falling while walking is a fall
    ("fracture_after_fall", "I fell walking the dog this morning and the hip is agony"),
    # tune67 to tune71: a writer introduced by whom they write for, Caribbean "cyaan",
    # "boiling then freezing", a night awake whatever the pillow, weight "gone"
    ("fracture_after_fall", "This is Aoife, Granny's granddaughter. She fell on the stairs "
                            "this morning and her leg is turned out"),
    ("infection", "boiling then freezing all night and the new hip is red"),
    ("night_pain_sweats", "awake most of the night with the hip, pillow between the knees does "
                          "nothing"),
    ("cauda_equina", "he cyaan feel anything when he sits on the toilet since yesterday"),
    ("cannot_bear_weight", "no weight through the bad leg at all since this morning"),
    ("cancer_weight_loss", "half a stone gone since the summer and I'm not dieting"),
    ("neuro_deficit", "she keeps tripping over her own left foot, it slaps down on the floor"),
    # told in passing, by a carer, in other Englishes, dictated (tune72 to tune76)
    ("sudden_severe_pain", "grandad started yelling with the pain in his hip at teatime, he "
                           "never fell, it just came on"),
    ("night_pain_sweats", "the ache is not letting me sleep, whatever side I lie on, a "
                          "fortnight now"),
    ("night_pain_sweats", "I keep sweating like a pig in my sleep these days"),
    ("fracture_after_fall", "slipped on the wet step, now her leg is rolled right out to "
                            "the side and she can't get up"),
    ("cannot_bear_weight", "the hip won't properly carry me since Sunday, I'm on the frame"),
    ("cannot_bear_weight", "I'm struggling a lot to put my weight on the right leg"),
    ("cannot_bear_weight", "leg not taking my weight since yesterday, should I carry on with "
                           "the exercises?"),
    ("cauda_equina", "when I wipe I can't properly feel the paper"),
    ("wound", "the wund has gone yellow and smelly round the stitches"),
    ("dvt", "my calf is like a charlie horse that won't let go, hot and swollen since the op"),
    ("dislocation", "stood up from my daughter's deck chair and the hip popped, now the leg "
                    "won't move and it looks shorter"),
    # relatives, misspellings, North American words, the hardest signs (tune77 to tune81)
    ("cannot_bear_weight", "Nana hasn't been able to put any weight on her left leg since "
                           "breakfast"),
    ("cauda_equina", "the old fella wet himself in his chair and never felt it"),
    ("neuro_deficit", "carer note: less feeling in the R foot, now up to the ankle, "
                      "spreading since Monday"),
    ("dislocation", "he says the hip has 'popped out' again and he can't move the leg"),
    ("night_pain_sweats", "the ache at night doesn't care which way I lie, up every night"),
    ("night_pain_sweats", "grandma's pain is worst at night and nothing shifts it, the sheets "
                          "are soaked"),
    ("sudden_severe_pain", "the hip started hurting me so bad out of nowhere, I was only "
                           "sitting"),
    ("sudden_severe_pain", "a pain I can't even describe in my hip, I wasn't doing anything"),
    ("sudden_severe_pain", "this pain feels completely different, it came on all at once"),
    ("neuro_deficit", "my foot just dangles this morning, I can't lift my toes up"),
    ("cancer_weight_loss", "the weight is falling off me and I'm not dieting, hip aches too"),
    ("cancer_weight_loss", "I haven't been trying at all, lost 4 kilos, new ache in my thigh"),
    ("cannot_bear_weight", "cant way bare on the bad leg since last night"),
    ("pe", "coffing up blood since the op"),
    ("sudden_severe_pain", "sudenly terible pain in my hip, it was just sitting watching tv"),
    # texting shorthand, the weeks after the operation (tune82 to tune86)
    ("cannot_bear_weight", "hardly putting any weight through the bad leg now, on the crutch"),
    ("cancer_weight_loss", "dropped 5kg w/o trying and there's a new ache in the hip"),
    ("neuro_deficit", "the foot on my operated side has gone all floppy since this morning"),
    ("neuro_deficit", "my toes keep catching the carpet, the foot won't lift, since Tuesday"),
    ("pe", "I'm breathless just walking to the loo, had the new hip on Friday"),
    ("night_pain_sweats", "waking up drenched every night and the hip aches whatever I do"),
    ("dvt", "his calf is hot and swollen, the nurse looked and she's gone now, what do we do"),
    # unwell in other words before the sign; asking about the sign now (tune87 to tune91)
    ("cauda_equina", "forget that, I'm not ok, can't feel my bottom or down below when I wipe"),
    ("wound", "is it safe to do my clams while the scar is oozing and smells funny?"),
    ("neuro_deficit", "Mum's not herself today, her foot keeps flopping and slapping on the floor "
                      "as she walks"),
    # English as a second language; a sign asked about while going on (tune92 to tune96)
    ("cauda_equina", "I write for my mother, she cannot feel nothing between the legs from "
                     "yesterday"),
    ("neuro_deficit", "the foot is not going up when I walk, like slap slap, started today"),
    ("dvt", "can I still do the ankle pumps if my calf is sore and puffy? had the op 9 days ago"),
    ("cannot_bear_weight", "over a fortnight I've gone to barely putting any weight on it, toes "
                           "only"),
    ("cauda_equina", "sciatica since Tuesday and is it normal to not feel anything down below "
                     "when I wash?"),
    ("cannot_bear_weight", "should I still try my walk if I can't put my heel down without "
                           "crying out?"),
]

QUIET: list[str] = [
    # someone else's, though a partner or a carer is mentioned
    "the other nan (not the one on here) can't stand on her leg today, so I'm round at hers",
    "my fella fell off his bike two years ago and broke his arm",
    "my husband has a fever so I'm staying in to look after him",
    # dated, and over
    "couldn't stand on it the week after my injection, but that was a month ago, walking "
    "fine now",
    # a weight lost on purpose; numbers that are not scores
    "half a stone down on slimming world, over the moon",
    "my step count shot up to 10 thousand today",
    "the bus went from 2 to 10 minutes late",
    # "so patient" is no one
    "thanks for being so patient with me, did all my exercises today",
    # hearsay and the bot's own questions suppose; an example asked for is no report
    "saw a programme on telly saying a hot swollen calf can mean a clot, scary stuff",
    "you keep asking me whether I've lost weight without trying, why is that?",
    "what would make me stop? like chest pain or something?",
    # someone else's: another client; a screening question, reported and answered
    "my other client fell and broke her wrist last week, Mrs D did all her exercises though",
    "my wife keeps asking if she'll get a clot in her calf on the flight, what should we "
    "watch for?",
    "the nurse asked if I've had any fever or chills, no none at all",
    # a neighbour named in Tagalog; breathless from laughing
    "my kapitbahay had a fall today po, she is ok, I did my stretches",
    "I was breathless from laughing at the panto",
    # the writer's own complaint in a message written for the patient
    "Mum did all her exercises. I've got a fever myself so I'll keep my distance",
    "did the full routine with Nan today, I'm limping myself, twisted my ankle and it's swollen",
    "helped Dad with his exercises today. my own calf is swollen and hot after the long drive, "
    "not his",
    "I'm Mum's carer and I've had tingling and numbness in my own hand for a week",
    "Nan's fine. Grandad (he's not on this) was admitted with a clot on his lung last night",
    # "years ago now": the "now" dates nothing; a fortnight after the op was a spell
    "wet myself a bit after having the twins, years ago now, will the bridges help?",
    "couldn't put any weight through it for a fortnight after the op, now I'm off the sticks",
    # "my aunt" is someone else, unless her own hip operation is named
    "my aunt's leg went numb and she had to go to A&E, I did my clams though",
    "husband was taken in with chest pains last night, he's fine now, so I won't be doing "
    "mine today",
    "the cat can't put weight on her back leg, vet at 4 so skipping today",
    # a relative's story, and the writer's worry about it
    "my uncle's new hip popped out twice, will that happen to me?",
    "told the nurse about my aunt who lost loads of weight with her cancer",
    # "our Kev": kin, someone else when no hip operation of his is named
    "our Kev's lost loads of weight on his new diet, I did my walk",
    # supposed, someone else's ball, an order that ended, a bed that is no good, a history
    # and a sore hip both over
    "hypothetically, if my calf swelled up after the op, would that be A&E?",
    "the dog's ball came out from under the sofa at last",
    "I was told to stay NWB for six weeks after the op, that finished in March",
    "bed's no good for my back so I sleep in the recliner, hip's fine today",
    "had breast cancer in 2015 and a sore hip back then as well, all clear now",
    # asked as a choice, explained, asked in general, a thing that fell, well again
    "if I get numbness in my foot on the treadmill, is that a stop or push on thing",
    "the night sweats turned out to be the new tablets, they've stopped now",
    "is numbness in the feet ever linked to hip arthritis?",
    "a jar of pickles fell off the shelf and smashed, gave me a fright",
    "was breathless for a fortnight with the flu but I'm back to my old self",
    # "a year ago"; "nothing like that going on with me"; a stomach pain explained
    "a year ago I broke my hip in a fall, now I'm walking two miles a day",
    "my father in law's foot keeps dropping, they're scanning his back. nothing like that "
    "going on with me thankfully",
    "husband suddenly got awful pain in his stomach last night, turned out to be gallstones",
    # the writer's own exercises "on hold" while a relative is in hospital
    "mum's in hospital with a fever, I'm with her so my exercises are on hold",
    # a spell that ended, a feeling that came back
    "couldn't walk on it for six weeks after my op, now I'm doing the step ups",
    "the numbness down my thigh after surgery is almost back to normal now",
    # the same words elsewhere (tune62 to tune66)
    "rolled out of bed at 7 and did the knee hugs straight away",
    "walked the fell with my sister, hip a 3 at the top",
    "calves burning after the heel raises, the good kind of burn",
    "would losing a bit of weight help my hip? thinking about a slimming club",
    "writing for my mum. it's my brother who's poorly, he has a high temperature",
    "the bus went from 2 to 10 minutes late and I stood the whole time",
    "lost 3 kilos lighter on purpose, I've been on a diet since january",
    "cricket fever all week with the test match on, did my stretches at the tea break",
    # (tune72 to tune76)
    "the bridges are so much easier when the hip's warm from the shower",
    "my wife's in hospital with chest pains, so I'll leave the exercises until she's home",
    "the grandkids were screaming with laughter at me doing the clams",
    "balancing on one leg, my leg won't really hold me for the full 30 seconds yet",
    # (tune77 to tune81)
    "is a foot drop something you can get from the hip? just wondering",
    "I just caught my toe on the kerb, no harm done, carried on walking",
    "my leg went numb on the coach trip and came back fine when I got off",
    "on the pain scale, is 10 the worst pain ever or the worst you've had?",
    "I'm her husband and I've got a cold myself, chills all night, she did her clams",
    # (tune82 to tune86)
    "the numb patch beside my scar is still there but it's not spreading",
    "felt a bit shivery so I took my temperature, 36.5, normal, hip's fine",
    "ankles puffy in the evening, calves not hot or tender, hip a 3",
    "breathless just thinking about the school run this week",
    "end of term reports, I'm drowning, exercises tomorrow",
    "my housemate sprained his ankle and can't put weight on it, so I'm chauffeur",
    # (tune87 to tune91)
    "is it safe to do my clams if the scar starts oozing?",
    "can't think about my hip just now, the grandkids are here",
    # (tune92 to tune96)
    "if my leg goes slap slap on the floor, is that foot drop?",
    "down 5kg since January, the diet is working",
    "I do not feel anything odd down below, only the usual hip ache",
    "what should I do if the pain ever wakes me at night?",
]
#: The same cues, with the sign happening now: still an alarm.
STILL_LIVE: list[str] = [
    "my calf is swollen not hot, since the op on Monday",
    "the nurse kept asking if my calf was hot, it is, and it's swollen since this morning",
    "my calf has been swollen and hot for a week after the op",
    "the doctor asked if I've had any chest pain, yes I have, since this morning and I'm "
    "breathless",
    "I thought it was a pulled muscle but now it hurts to breathe in and I'm short of breath",
    "my brother came round. I've fallen and can't get up, the leg is turned out",
    "my neighbour told me to message you. I've got a temperature and the hip is red and hot",
]


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_the_sign_is_caught_with_its_category(category: str, text: str) -> None:
    reading = interpret(text)
    assert reading.is_red_flag, text
    assert category in {hit.category for hit in reading.live_flags}


@pytest.mark.parametrize("text", QUIET)
def test_the_same_words_elsewhere_raise_no_alarm(text: str) -> None:
    assert not interpret(text).is_red_flag


@pytest.mark.parametrize("text", STILL_LIVE)
def test_the_cues_do_not_quiet_a_sign_happening_now(text: str) -> None:
    assert interpret(text).is_red_flag
