"""Red-flag concept families added after the probe: our own phrasings, not the probe's.

Each family is a clinical concept said many ways (sudden pain "in seconds" or "like a
bolt", part weight only, night pain whatever the position, a numb seat on the loo, a
leg that is not one's own ...). Each is checked live, with its category and urgency, and
against look-alikes (the same words past, supposed, about someone else) and ordinary
messages that must stay quiet.
"""

from __future__ import annotations

import pytest

from bot.domain.understanding.red_flags import (
    ambiguous_red_flag,
    detect_red_flags,
    scan_red_flags,
)

#: (category, urgency, text): a live hit of the category, and the message's urgency.
LIVE: list[tuple[str, str, str]] = [
    # sudden severe pain: the moment it struck, and how bad
    ("sudden_severe_pain", "emergency", "the hip pain hit in a split second, I'm screaming "
                                        "with it"),
    ("sudden_severe_pain", "emergency", "hip pain started ten minutes ago and it's horrific"),
    ("sudden_severe_pain", "emergency", "the pain only just came on and I can't bear it"),
    ("sudden_severe_pain", "emergency", "pain struck me like a sledgehammer in the groin"),
    ("sudden_severe_pain", "emergency", "my hip exploded in agony as I reached for the kettle"),
    ("sudden_severe_pain", "emergency", "sat reading and then bang, pain so bad I'm in tears"),
    ("sudden_severe_pain", "emergency", "a searing pain just now, I wasn't even moving"),
    ("sudden_severe_pain", "emergency", "got hit by this stabbing pain in my hip, never felt "
                                        "pain like it"),
    ("sudden_severe_pain", "emergency", "feels like a hot poker into the joint since lunch"),
    # only part of the weight
    ("cannot_bear_weight", "same_day", "for about three weeks I can only put a tiny amount of "
                                       "weight on the leg"),
    ("cannot_bear_weight", "same_day", "I'm just about managing to put a little weight on it"
                                       " today"),
    ("cannot_bear_weight", "emergency", "cant bare any weight on my left leg"),
    ("cannot_bear_weight", "emergency", "my hip won't let me stand this morning"),
    ("cannot_bear_weight", "emergency", "I can stand on it but only for a second then it goes"),
    ("cannot_bear_weight", "emergency", "hopping about on my good leg, can't use the other"),
    ("cannot_bear_weight", "emergency", "battling to take my full weight through that side"),
    # night pain whatever the position, and sweats
    ("night_pain_sweats", "same_day", "the ache goes on all night even if I keep dead still"),
    ("night_pain_sweats", "same_day", "pain in the night and no position eases it at all"),
    ("night_pain_sweats", "same_day", "can't sleep, left side or right side makes no odds, "
                                      "even lying flat it throbs"),
    ("night_pain_sweats", "same_day", "my hip pain is far worse at night and it wakes me"),
    ("night_pain_sweats", "same_day", "woke up soaking, had been sweating buckets"),
    ("night_pain_sweats", "same_day", "sweats at night, not the menopause, that was years ago"),
    ("night_pain_sweats", "same_day", "sweated right through my pyjamas again"),
    # saddle numbness and retention
    ("cauda_equina", "emergency", "it's gone numb round my bottom and I can't tell if my "
                                  "bladder is full"),
    ("cauda_equina", "emergency", "feels like I'm sitting on thin air when I'm on the toilet"),
    ("cauda_equina", "emergency", "when I sit on the loo everything feels numb"),
    ("cauda_equina", "emergency", "I haven't managed to pee all day though I really need to"),
    # a leg that is not one's own
    ("neuro_deficit", "emergency", "my leg went dead from the waist down an hour ago"),
    ("neuro_deficit", "emergency", "feels like this leg belongs to somebody else, came on "
                                   "suddenly"),
    ("neuro_deficit", "emergency", "in the past half hour my foot has gone numb and I can "
                                   "hardly move it"),
    ("neuro_deficit", "same_day", "numbness slowly spreading down my shin over the week"),
    ("neuro_deficit", "emergency", "lost all feeling in my foot, just started while sitting "
                                   "at my desk"),
    # a fall: "went over", then a sign of injury
    ("fracture_after_fall", "emergency", "went flat over the step and now I can't move my "
                                         "leg at all"),
    ("fracture_after_fall", "emergency", "Dad went over on the patio, he's crying with the "
                                         "pain in his hip"),
    # a replaced hip out of place
    ("dislocation", "emergency", "my hip feels like it's out of position and my leg looks "
                                 "shorter"),
    ("dislocation", "emergency", "something popped out in my hip when I bent over, can't "
                                 "straighten it"),
    ("dislocation", "emergency", "heard a clunk and the leg went dead"),
    # clots
    ("dvt", "emergency", "my calf is tight as a drum and hot to touch"),
    ("dvt", "emergency", "the calf has gone rock hard since yesterday"),
    ("pe", "emergency", "like a ton of bricks pressing on my chest"),
    ("pe", "emergency", "coughed up frothy pink phlegm this morning"),
    # wound fluid
    ("wound", "same_day", "the wound keeps draining clear fluid"),
    ("wound", "same_day", "dressing is sodden again with stuff from the scar"),
    # weight lost without trying
    ("cancer_weight_loss", "same_day", "people say I look gaunt and I haven't been dieting"),
    # infection with a muddled or drowsy patient: emergency
    ("infection", "emergency", "Dad has a fever, his hip is red and he's talking nonsense"),
    ("infection", "emergency", "she's burning up with a hot swollen hip and we can't wake "
                               "her properly"),
    ("infection", "emergency", "high temperature, shaking uncontrollably, hip is red"),
]

#: The same families in words that are not a live report.
NOT_LIVE: list[str] = [
    "the night sweats settled once I stopped those tablets",
    "couldn't bear weight in the first few days after the op, walking fine now",
    "my ankle swelled on holiday but it all went down after a day",
    "would pins and needles be a worrying sign after surgery?",
    "could a fall on the stairs dislocate the new joint?",
    "is it safe to lose weight before my other hip is done?",
    "my brother tripped at work and broke his arm, so I'm doing the school run",
    "I want to lose weight for my knee op",
]

#: Ordinary messages near the new words: no alarm, no question.
QUIET: list[str] = [
    "did all my exercises just now, felt fine",
    "just started the bridges, going well",
    "the pain went from 4 to 2 after the stretches",
    "I can stand on one leg for 20 seconds now!",
    "slept well, hip only aches a bit in the morning",
    "I hopped on the bus into town",
    "my belt feels a bit tight after Christmas dinner",
    "sweating after the walk, it's warm out",
    "my husband says he's fine with driving me to physio",
    "the exercise class was like someone else's idea of fun",
    "I went over the plan with the physio",
    "watching the telly with my feet up, hip 2/10",
]


@pytest.mark.parametrize(("category", "urgency", "text"), LIVE)
def test_family_is_caught_with_its_category_and_urgency(
    category: str, urgency: str, text: str
) -> None:
    hits = [hit for hit in scan_red_flags(text) if hit.live]
    assert category in {hit.category for hit in hits}, scan_red_flags(text)
    flags = {flag.id: flag for flag in detect_red_flags(text)}
    got = "emergency" if any(f.urgency == "emergency" for f in flags.values()) else "same_day"
    assert got == urgency, scan_red_flags(text)


@pytest.mark.parametrize("text", NOT_LIVE)
def test_family_look_alikes_raise_no_alarm(text: str) -> None:
    assert not any(hit.live for hit in scan_red_flags(text)), scan_red_flags(text)


@pytest.mark.parametrize("text", QUIET)
def test_ordinary_messages_near_the_families_stay_quiet(text: str) -> None:
    assert detect_red_flags(text) == (), scan_red_flags(text)
    assert ambiguous_red_flag(text) is None, ambiguous_red_flag(text)


#: More of each family, typos and relayed messages included: (category, text).
VARIANTS: list[tuple[str, str]] = [
    ('sudden_severe_pain', "hip pain came out of nowhere and it's unbearable"),
    ('sudden_severe_pain', 'all at once the worst pain imaginable in my groin'),
    ('sudden_severe_pain', 'a few minutes ago I got this awful pain in the hip, I was only '
                           'sitting down'),
    ('sudden_severe_pain', "pain shot through my hip like an electric bolt, I'm shaking"),
    ('sudden_severe_pain', "out of the blue the hip is agony, can't think straight"),
    ('sudden_severe_pain', 'I was fine an hour ago, now the pain is off the scale'),
    ('sudden_severe_pain', 'sudden pain 10 out of 10'),
    ('sudden_severe_pain', "felt like I'd been shot in the hip, nothing happened to cause it"),
    ('cannot_bear_weight', 'I can only take the tiniest bit of weight on the operated leg'),
    ('cannot_bear_weight', 'leg gives way the second I put weight on it'),
    ('cannot_bear_weight', "can't weightbear this morning"),
    ('cannot_bear_weight', "I have to use the zimmer because I can't put my full weight down"),
    ('cannot_bear_weight', "it's too painful to stand on my right leg"),
    ('cannot_bear_weight', "I'm having to crawl up the stairs"),
    ('cannot_bear_weight', 'only able to stand for a few seconds before the hip gives'),
    ('night_pain_sweats', "the hip pain is constant through the night, can't find any comfy "
                          "position"),
    ('night_pain_sweats', 'every night I wake up wringing wet'),
    ('night_pain_sweats', 'pain keeps me awake however I lie'),
    ('night_pain_sweats', "I wake at 3am with a deep bone ache, doesn't matter how I lie"),
    ('night_pain_sweats', 'drenching night sweats for the past week'),
    ('night_pain_sweats', 'soaked the bedsheets with sweat three nights running'),
    ('cauda_equina', "I've wet myself twice today and didn't feel it"),
    ('cauda_equina', "it's like my bum is numb, like after the dentist"),
    ('cauda_equina', "can't feel the toilet paper when I wipe"),
    ('cauda_equina', 'I keep needing to go but nothing comes out and my back is killing me'),
    ('cauda_equina', 'no sensation around my back passage'),
    ('cauda_equina', 'lost control of my bowels this morning'),
    ('neuro_deficit', 'my foot keeps slapping down when I walk'),
    ('neuro_deficit', "I can't lift my toes up at all since this morning"),
    ('neuro_deficit', 'my leg has gone weak and wobbly suddenly'),
    ('neuro_deficit', "half my leg feels numb and it's spreading"),
    ('neuro_deficit', 'my leg feels like a lump of wood'),
    ('neuro_deficit', 'tingling down the outside of my thigh getting worse every day'),
    ('cancer_weight_loss', 'lost a stone in two months without trying'),
    ('cancer_weight_loss', "my trousers are falling off me and I'm eating normally"),
    ('cancer_weight_loss', 'I had breast cancer 5 years ago and now this deep hip pain'),
    ('cancer_weight_loss', "dropped two dress sizes and I don't know why"),
    ('dvt', 'my calf is swollen and red and it hurts to walk'),
    ('dvt', 'one calf is much bigger than the other and warm'),
    ('dvt', 'the back of my leg below the knee is hot and puffy'),
    ('dvt', 'calf is throbbing and shiny'),
    ('pe', "I feel like I can't get enough air in"),
    ('pe', "tightness across my chest and I'm breathless sitting still"),
    ('pe', 'there was blood when I coughed'),
    ('pe', "chest feels crushed and I'm dizzy"),
    ('dislocation', 'my hip clunked and now my leg is turned in'),
    ('dislocation', 'my new hip has popped out of the socket'),
    ('dislocation', 'leg went shorter after I bent down to tie my shoe'),
    ('dislocation', "heard a pop in the replaced hip and it's locked"),
    ('wound', "there's yellow stuff coming out of my scar"),
    ('wound', 'the wound has opened up at the bottom'),
    ('wound', 'the dressing keeps getting soaked with fluid from the wound'),
    ('wound', 'my stitches smell bad'),
    ('wound', 'the scar is leaking clear liquid'),
    ('infection', "I've got a temperature and the hip is hot and swollen"),
    ('infection', 'shivering and sweating and the joint is red'),
    ('infection', 'my new hip is red and angry and I feel awful'),
    ('fracture_after_fall', "I slipped on the ice and now I can't get up"),
    ('fracture_after_fall', 'fell out of bed and my hip is agony'),
    ('fracture_after_fall', "tripped on the rug, hit the floor hard, can't move my leg"),
    ('fracture_after_fall', "came off my bike and landed on my hip, it's really swollen"),
    ('fracture_after_fall', 'my mum fell and her leg is turned outwards'),
    ('sudden_severe_pain', 'sudenly excrutiating pain in my hip'),
    ('sudden_severe_pain', 'pain came from nowhere, its agonising'),
    ('sudden_severe_pain', "my wife's hip suddenly went and she's screaming in pain"),
    ('cannot_bear_weight', 'cant put any wieght thru my leg'),
    ('cannot_bear_weight', "she can't bear any weight on it and is stuck in the chair"),
    ('cannot_bear_weight', "can't even stand to get to the loo"),
    ('night_pain_sweats', 'nite sweats every nite, sheets soaked'),
    ('night_pain_sweats', 'the pain wakes me however I lie'),
    ('cauda_equina', 'numbnes between my legs'),
    ('cauda_equina', "I can't pee and my back is agony"),
    ('neuro_deficit', 'my foot has gone floppy'),
    ('neuro_deficit', 'weekness in my leg getting worse'),
    ('pe', 'so breathles sitting in my chair'),
    ('pe', 'pain in my chest when I breath in'),
    ('dvt', 'calf is swolen hot and red'),
    ('dislocation', "hip's popped out again, leg won't move"),
    ('wound', 'woud is weeping'),
    ('wound', 'pus comming out of my scar'),
    ('infection', 'fevr and my hip is hot'),
    ('fracture_after_fall', 'had a fall this morning and hip is agony'),
    ('fracture_after_fall', "Fell in the garden, can't get up, leg looks wrong"),
    ('cancer_weight_loss', 'lost loads of weight and not trying to'),
    ('dvt', 'my calf has swollen up and is really tender since the op'),
    ('pe', "I suddenly can't catch my breath and my chest hurts"),
    ('infection', 'hip is hot to touch and I feel shivery'),
    ('cauda_equina', "my bottom feels numb and I've had an accident in my pants"),
    ('neuro_deficit', "my toes won't move"),
    ('neuro_deficit', "I keep stubbing my toe because my foot won't lift"),
    ('cannot_bear_weight', "I'm stuck in bed, can't get weight on it"),
    ('wound', 'the incision is gaping'),
]
VARIANTS += [
    ('cauda_equina', "I've been bursting for a wee for hours but I just can't go"),
    ('cauda_equina', "haven't been able to empty my bladder properly since "
     'yesterday and my back is bad'),
    ('cauda_equina', "it feels like I've had an injection down below, all numb"),
    ('cauda_equina', "I don't know when I need to go to the loo any more"),
    ('cauda_equina', 'I wet myself without noticing'),
    ('cauda_equina', 'my groin and bum have no feeling'),
    ('cauda_equina', "I didn't even realise I'd wet myself"),
    ('wound', "there's a wet patch on my dressing every morning, it's yellowish"),
    ('wound', "the skin round the wound has gone dark red and it's hot"),
    ('wound', 'the bottom of the scar has come apart a bit'),
    ('wound', 'liquid seeping out of my cut'),
    ('wound', 'a lump of fluid has come up under the wound'),
    ('pe', "feels like there's a band around my chest squeezing"),
    ('pe', 'I get breathless just talking'),
    ('pe', 'sharp pain under my ribs when I breathe in deep'),
    ('pe', "my lips have gone a bit blue and I'm puffed out"),
    ('dvt', "my calf went purple and it's throbbing"),
    ('dvt', 'lower leg is puffy and warm to the touch since the op'),
    ('dvt', "there's a hard painful lump in my calf"),
    ('cancer_weight_loss', "I've lost nearly 10 kilos and I'm not dieting"),
    ('cancer_weight_loss', 'my cancer has come back and now the hip is sore'),
    ('cancer_weight_loss', 'my rings are falling off my fingers, lost a lot of weight'),
    ('dislocation', "I rolled over in bed and the hip went clunk and now I can't move it"),
    ('dislocation', 'the replaced hip came out when I bent to pick up the remote'),
    ('dislocation', 'my knee is turned in and the hip feels wrong after a clunk'),
    ('fracture_after_fall', "I went down on the ice and now I can't bear weight"),
    ('fracture_after_fall', "Had a fall in town, my hip hurts so much I can't walk"),
    ('fracture_after_fall', "collapsed on the floor, hip pain terrible, can't get up"),
    ('fracture_after_fall', 'fell against the sink, heard a crack'),
    ('fracture_after_fall', "gran had a fall, she's on the floor and can't get up"),
    ('infection', "my hip is hot, swollen and I'm running a temperature"),
    ('infection', 'fever of 39 and the new hip is throbbing'),
    ('infection', "I've got the shivers and my hip is red raw"),
    ('neuro_deficit', 'I keep dragging my right foot'),
    ('neuro_deficit', "my leg buckled and there's no strength in it now"),
    ('neuro_deficit', "pins and needles all the way down to my toes and it's new"),
    ('neuro_deficit', 'the outside of my foot has gone completely numb'),
    ('night_pain_sweats', "I'm up every night with the hip whatever I do"),
    ('night_pain_sweats', 'my pyjamas are soaked through with sweat every morning'),
    ('night_pain_sweats', "deep aching in the hip that's worst at night and doesn't "
     'ease when I rest'),
    ('sudden_severe_pain', "I've got sudden crippling pain in my groin"),
    ('sudden_severe_pain', "pain came on like a switch and it's the worst ever"),
    ('sudden_severe_pain', 'my hip just suddenly went, pain is 9/10'),
    ('cannot_bear_weight', "my leg won't take my weight"),
    ('cannot_bear_weight', "I'm having to use both crutches, I can't put any weight through it"),
    ('cannot_bear_weight', "I literally can't walk on it"),
]
#: Long chatty messages with the red flag in passing.
VARIANTS += [
    ('wound',
     'Morning! Bridges done, clams done. One thing - the dressing had a big '
     "yellow stain on it when I changed it and there's a smell. Otherwise "
     'fine'),
    ('dvt',
     'Just checking in, walked to the corner shop 👍 my left calf has been '
     'really swollen and sore since Tuesday though, is that normal?'),
    ('pe',
     "sorry for the late reply, been feeling a bit off, can't seem to catch "
     'my breath even sitting down and my chest feels tight'),
    ('cauda_equina',
     "Bit embarrassing but I've had a couple of accidents with my bladder "
     "this week and I can't really feel down there"),
    ('neuro_deficit',
     'hi, exercises going ok but since yesterday my foot keeps catching on '
     "the carpet, like it won't lift properly"),
    ('infection',
     "Dad's hip is red and hot to touch and he's been shivering all "
     "afternoon, he says he's fine"),
    ('night_pain_sweats',
     "I wake every night around 2 with the hip throbbing, doesn't matter "
     "which side I'm on"),
    ('cancer_weight_loss',
     "my appetite's gone and I've dropped half a stone in a month without "
     'trying'),
    ('fracture_after_fall',
     "Had a bit of a tumble on the stairs earlier 😬 hip's very sore and I "
     "can't put my foot down"),
    ('dislocation',
     'was putting my socks on and felt the hip pop, now my leg is twisted '
     "inwards and I can't move it"),
    ('sudden_severe_pain',
     'is it normal to suddenly get the worst pain ever in your hip when '
     "you're just sitting?"),
    ('cannot_bear_weight',
     "Mum can't put her foot to the floor this morning, she's having to be "
     'carried'),
]
VARIANTS += [
    ('dislocation',
     "my new hip feels like it's slipped out of place and I can't move"
     ' my leg'),
    ('dislocation',
     'felt something shift in the replaced hip, now the leg looks '
     'shorter'),
    ('dislocation',
     'the ball came out of the socket when I twisted'),
    ('pe',
     'it feels like something is crushing my chest'),
    ('pe',
     "there's a weight on my chest and I'm dizzy"),
    ('pe',
     'I coughed and there was bright red in the tissue'),
    ('wound',
     'the scar has started draining again'),
    ('wound',
     'fluid is leaking from the wound onto my clothes'),
    ('wound',
     "the wound is red, hot and there's stuff coming out"),
    ('sudden_severe_pain',
     'the pain in my hip just exploded out of nowhere'),
    ('sudden_severe_pain',
     'got up from the chair and bam, the most horrendous pain in the '
     'groin'),
    ('sudden_severe_pain',
     "I'm in agony, it started five minutes ago, no fall or anything"),
    ('cannot_bear_weight',
     "I tried to stand but the leg just won't hold me"),
    ('cannot_bear_weight',
     "can't take more than a step before the hip gives"),
    ('night_pain_sweats',
     'I wake up wet through every night'),
    ('night_pain_sweats',
     'woken by the pain every night, changing position does nothing'),
    ('cauda_equina',
     "can't feel myself when I wipe"),
    ('cauda_equina',
     "I couldn't feel the toilet seat under me"),
    ('neuro_deficit',
     "I can't feel the bottom of my foot since this morning"),
    ('neuro_deficit',
     "my leg won't obey me"),
    ('cancer_weight_loss',
     "I've gone down two belt notches without trying"),
    ('fracture_after_fall',
     "went flying in the car park, landed on my hip, can't stand"),
]
#: Look-alikes of the new families: past, supposed, someone else, figurative.
MORE_NOT_LIVE: list[str] = [
    'what if the hip pain came on suddenly and was unbearable?',
    'my friend said her hip pain came on in seconds and was horrific',
    'last year the pain hit me like a train, all sorted now',
    'I just now saw the news, horrific',
    'the film was unreal, out of the blue the lights went off and everyone screamed',
    'it cut through the work like a hot knife through butter',
    "my neighbour can only put a little weight on her leg since her fall, so I'm helping her",
    'after my first op I could only put a little weight through it for six weeks',
    "is it normal for the new hip to feel like it's out of place?",
    "would it be bad if I couldn't sleep for the pain whatever position?",
    'my sister has night sweats, soaking the pillow every night',
    'I used to have night pain whatever way I lay, years ago before the op',
    "my husband's leg went dead from the hip down after sitting on the toilet too long, he's "
    "laughing about it",
    'could frothy pink phlegm be a sign of a clot?',
    'years ago I lost a stone without trying, turned out to be thyroid',
    'crying with laughter, the grandkids did my exercises with me',
    'the pain went from 7 to 3 in seconds after the tablets',
    'just now did my walk, legs are screaming but in a good way',
    "I hopped on the scales and I'm a pound lighter 😊",
    'the calf stretch makes it feel tight as a drum but it eases after',
    "my mum's belt is loose, she's lost weight on slimming world",
]
#: The new families negated, supposed, relieved or about someone else.
NEGATED_AND_RELIEVED: list[str] = [
    'no sudden pain, just the usual stiffness',
    "the pain didn't come on suddenly, it's been building, 3/10",
    'I can take my full weight now, no problem',
    'not hopping any more, walking normally',
    "I'm not struggling to put weight on it anymore",
    'no night sweats, sleeping fine',
    "pain doesn't wake me at night whatever position",
    'no numbness when I sit on the loo',
    'I can feel everything when I wipe, just checking',
    'no problems having a wee',
    "my leg doesn't feel dead or heavy",
    "the wound isn't draining any more",
    'no fluid coming from the scar',
    "calf isn't tight as a drum, just a little stiff",
    'no weight on my chest, breathing fine',
    "hip hasn't popped out, just clicks",
    'nothing slipped out, I just felt a twinge',
    "haven't lost any weight",
    "my trousers aren't loose",
    'never had pain like that',
    "the pain never went from 2 to 10, it's steady",
    'if the pain comes on suddenly and is unbearable should I ring 999?',
    'the nurse said that if the wound drains fluid I should call',
    'what should I do if I can only put a little weight on it?',
    "my aunt's leg went dead from the hip down and she had to go to A&E",
    'last winter I had night sweats for a month, nothing since',
    'in 2019 the wound drained for weeks after my first op',
    'I used to have to hop on my good leg before the op',
    'my son fell off his bike and broke his collarbone',
    'this heat is unbearable, suddenly 30 degrees',
    'the queue at the GP was horrific, suddenly everyone needed an appointment',
    'the suspense is unbearable, just now got my op date',
    'it was so bad yesterday, suddenly much better today',
    'the pain just now eased off, it was horrific earlier though',
    'hit me with the next exercise, the last one was unreal',
    'I was in tears at the end of the film, hip fine',
    'the pain went from 8 to 3 after physio',
    'out of the blue my hip feels great',
    'woke up with no pain at all',
    'felt fine an hour ago and still fine',
    'struck me like a lightning bolt that I forgot my bridges',
    'the hip exploded into life on the walk, loads better',
    'just started my clams, hip sore but ok',
    'I was fine 10 minutes ago, now a bit achy after the stairs',
    'i can only put a little time into the exercises today',
    'only managing to stand for a few minutes at the sink before I need a sit, '
    'getting better each week',
    'I can stand on it for a few seconds on the balance exercise',
]
MORE_QUIET: list[str] = [
    'coughing a bit with a cold but no blood',
    'got a tickly cough, nothing in the tissue',
    'my cold is better, coughed up some green stuff',
    'hug my knees pressing them into my chest',
    'the pain in my hip never exploded like that before the op',
    "can't take more than a few steps without my stick yet, physio "
    "says that's expected at week 2",
    'woken by the cat every night',
    "the dog won't obey me",
    'had a bit of a fall out with my sister, hip fine though',
    "I've had a couple of accidents in the car park, bumped the bollard lol",
    "the exercises are worse at night because I'm tired",
    "I can't really feel the stretch in my hamstring",
    'my legs were screaming after the stairs but in a good way',
    'kitchen flooded, fluid everywhere, under the sink',
    'the physio said my calf was tight as a drum from the walking',
    'crying my eyes out at the wedding, lovely day',
    "it hit me like a ton of bricks that I'm getting older",
    'my chest felt like an elephant sat on it after Christmas dinner lol',
    'woke up and did the exercises straight away',
    "just started the programme, it's hard but I can't complain",
    'the pain in the night has gone since the new mattress',
    'I hop on one leg in the balance exercise',
    'my trousers are too big so I bought new ones, dieting is going well',
    'lost my balance a bit on the step ups but caught myself',
    'went over my notes from the physio',
    'nurse drained my knee last year',
    "felt like I'd been hit by a bus after the first week of exercises",
    "I can't go to the pool this week, bursting with visitors",
    "couldn't go, I had a bladder infection and was on antibiotics",
    "I can't go out for my walk, desperate for the rain to stop",
    'I did my stretches just now and it was fine',
    'the walk went from hard to easy over the week',
    'I woke up at 3am to let the dog out',
    'sweating in the gym today',
    "I'm getting thinner thanks to the diet, pleased",
    'my calf is tight after the walk',
    'I can stand on one leg for 10 seconds',
    'bit of fluid on the dressing on day 2, nurse happy',
    'the pain comes on when I walk far',
    'hit me up with the next exercise',
    'pain went from 6 to 3 today',
    'I sat on the loo and read the paper',
    'tired all the time with the new baby visiting',
    'it was like a bolt from the blue when the surgeon said I was ready',
    'out of the blue my sister rang',
    'suddenly realised I forgot my bridges',
    'crying with laughter at the grandkids',
    'I can only put the exercises in the morning slot',
]


@pytest.mark.parametrize(("category", "text"), VARIANTS)
def test_family_variants_are_caught(category: str, text: str) -> None:
    hits = [hit for hit in scan_red_flags(text) if hit.live]
    assert category in {hit.category for hit in hits}, scan_red_flags(text)


@pytest.mark.parametrize("text", MORE_NOT_LIVE)
def test_more_look_alikes_raise_no_alarm(text: str) -> None:
    assert not any(hit.live for hit in scan_red_flags(text)), scan_red_flags(text)
    assert ambiguous_red_flag(text) is None, ambiguous_red_flag(text)


@pytest.mark.parametrize("text", MORE_QUIET)
def test_more_ordinary_messages_stay_quiet(text: str) -> None:
    assert detect_red_flags(text) == (), scan_red_flags(text)
    assert ambiguous_red_flag(text) is None, ambiguous_red_flag(text)


@pytest.mark.parametrize("text", NEGATED_AND_RELIEVED)
def test_new_families_negated_or_relieved_raise_no_alarm(text: str) -> None:
    assert not any(hit.live for hit in scan_red_flags(text)), scan_red_flags(text)


#: (urgency, text): how soon, for the families where it depends on the story.
URGENCY: list[tuple[str, str]] = [
    ('same_day',
     "for the past month I've only been able to put part of my weight "
     'on the leg, slowly getting worse'),
    ('emergency',
     "since this morning I can't put any weight on my leg at all"),
    ('same_day',
     'numbness in my shin has been creeping down over the last few '
     'weeks'),
    ('emergency',
     "my whole leg went numb an hour ago and won't come back"),
    ('emergency',
     "I woke with my foot hanging limp and can't lift it"),
    ('same_day',
     'my foot has been catching on the stairs for a couple of weeks '
     'now'),
    ('emergency',
     "Mum has a fever, her hip is swollen and she's very confused "
     'today'),
    ('same_day',
     'temperature of 38 and the hip looks a bit red'),
    ('emergency',
     'hip suddenly agony, nothing happened'),
    ('same_day',
     'night sweats most nights this month'),
    ('emergency',
     'my calf is hot and swollen'),
    ('same_day',
     'the wound is weeping a bit'),
]


@pytest.mark.parametrize(("urgency", "text"), URGENCY)
def test_family_urgency_follows_the_story(urgency: str, text: str) -> None:
    flags = detect_red_flags(text)
    assert flags, scan_red_flags(text)
    got = "emergency" if any(flag.urgency == "emergency" for flag in flags) else "same_day"
    assert got == urgency, scan_red_flags(text)
