"""Red flags of the fourth batch (tune7, tune8): Scots words, a leg "not taking my
weight", a temperature off the thermometer, a wee that won't start, a leg numb hip to
foot, no breath to finish a sentence, a belt on its last notch; and the qualifiers that
batch showed wrong ("keep an eye out for", "reading about", "the saddle area is normal",
"didn't do nothing", "it's gone puffy"). Our own phrasings, not the batches' rows; each
with look-alikes that stay quiet."""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.red_flags import scan_red_flags

LIVE: list[tuple[str, str]] = [
    ("cannot_bear_weight", "a cannae put weight on ma right leg since this mornin"),
    ("cannot_bear_weight", "her leg is not taking her weight since lunchtime"),
    ("cannot_bear_weight", "it just won't take me, I have to hop to the kitchen"),
    ("cannot_bear_weight", "hurts too much to stand on since yesterday, using the frame"),
    ("cannot_bear_weight", "he's hardly putting the bad foot down since Tuesday"),
    ("cannot_bear_weight", "I couldn't stand on the operated side at all this morning"),
    ("infection", "the thermometer says 38.9 and my hip is red and hot"),
    ("infection", "temp was 102 last night, shivering, the hip throbs"),
    ("infection", "teeth chattering and my groin is hot and sore"),
    ("cauda_equina", "I can't seem to start a wee since this morning and my back aches"),
    ("cauda_equina", "the inside of her thighs has gone numb today, like at the dentist"),
    ("neuro_deficit", "my left leg went numb from the hip down to my toes an hour ago"),
    ("cancer_weight_loss", "my belt is on the last notch and I'm not dieting, hip aches"),
    ("cancer_weight_loss", "he's getting thinner and thinner and his hip hurts more"),
    ("night_pain_sweats", "wakes me every night, no matter how I lie the hip aches"),
    ("pe", "I can't finish a sentence without gasping since the op"),
    ("dvt", "my calf has gone puffy and hot, op was ten days ago"),
    ("dislocation", "heard a clunk in the new hip and now I can't shift the leg"),
    ("sudden_severe_pain", "oot the blue my hip's gone agony, worst ever"),
    ("sudden_severe_pain", "suddenly awful pain in the hip, I didn't do nothing, worst ever"),
    # the fifth batch (tune10)
    ("cannot_bear_weight", "my hip refused to carry me this morning, I had to sit on the stairs"),
    ("cannot_bear_weight", "she keeps all her weight off the left leg since the weekend"),
    ("cannot_bear_weight", "the leg is not taking my full body weight since yesterday"),
    ("cauda_equina", "urine is dripping by itself since this morning, I can't stop it"),
    ("cauda_equina", "I am not feeling my bottom when I sit since today"),
    ("neuro_deficit", "the leg won't lift properly, and the numbness is now up to my knee"),
    ("pe", "I had to stop twice to catch my breath on the stairs, op was last week"),
    ("pe", "it hurts in my chest when I breathe in, since this afternoon"),
    ("wound", "the place they cut is bringing out yellow water and smells"),
    ("wound", "wound site erythematous with exudate on the dressing"),
    ("cancer_weight_loss", "hx ca breast, new hip pain for 3 weeks, wt loss 4kg"),
    ("sudden_severe_pain", "it came on suddenly, I can't even talk through the pain"),
    ("sudden_severe_pain", "sudden pain very very strong in my hip, I did not fall"),
    ("sudden_severe_pain", "Neighbour here, Mrs Khan is in agony with her hip, it came on "
                           "suddenly an hour ago"),
    # the sixth batch (tune11)
    ("fracture_after_fall", "not today, slipped on the stairs this morning, landed on my hip "
                            "and can't get up"),
    ("neuro_deficit", "the numbnes in my shin is spreading, it was just my foot before and "
                      "now it's my knee"),
    ("cancer_weight_loss", "pain's a 3, but I'm losing weight and don't know why"),
    ("night_pain_sweats", "at night nothing I do with the pillows helps it, for weeks now"),
    ("sudden_severe_pain", "only a twinge, nothing major, well actually it's a 9 and it came "
                           "on suddenly"),
    ("sudden_severe_pain", "my hip suddenly exploded in pain, no reason at all"),
    # the seventh batch (tune12): telegram style, Fahrenheit, mixed languages
    ("dvt", "calf. swollen. hot. post op day 6."),
    ("dvt", "my left calf is visibly bigger than the right one since lunch, op 9 days ago"),
    ("dvt", "mi pantorrilla está hinchada y caliente since the surgery"),
    ("dvt", "pindli mein sujan and garam since yesterday, op was last week"),
    ("infection", "101.2 tonight and the operated hip is redder and hotter"),
    ("wound", "incision. leaking. smelly."),
    ("wound", "la herida huele mal and it's red"),
    ("night_pain_sweats", "the duvet is soaked with sweat every morning, hip aches at night"),
    ("fracture_after_fall", "wiped out on the ice, hip in agony and the leg won't straighten"),
    ("cannot_bear_weight", "I'm my mum's carer, she hasn't been able to stand on her left leg "
                           "since Monday"),
    ("cauda_equina", "no siento nada entre las piernas since this morning"),
    ("sudden_severe_pain", "achanak bahut tez dard in my hip, no injury"),
    # the eighth batch (tune13)
    ("cannot_bear_weight", "putting less and less weight on the leg this week, now only just "
                           "touching the floor with my toes"),
    ("cancer_weight_loss", "breast cancer treated in 2018. new ache in the hip over the last "
                           "month, worse at rest"),
    ("night_pain_sweats", "sweaty nights all week, and the hip aches in bed"),
    ("night_pain_sweats", "the night pain is constant, turning over doesn't ease it"),
    # the ninth batch (tune14)
    ("fracture_after_fall", "slipped on the bus step, landed on the hip, foot lying flat out "
                            "to the side"),
    ("cannot_bear_weight", "NO WEIGHT ON THE LEG AT ALL SINCE LUNCH"),
    ("cauda_equina", "my undercarriage has gone numb today and I dribbled on the walk"),
    ("night_pain_sweats", "woke with my pyjamas stuck to me with sweat again, hip throbbing"),
    # the tenth and eleventh batches (tune15, tune16)
    ("fracture_after_fall", "found dad on the bathroom floor this morning, his leg is turned "
                            "right out"),
    ("cannot_bear_weight", "she can only just put her toes down on that side now"),
    ("cannot_bear_weight", "been hopping about on my good leg since last night"),
    ("cannot_bear_weight", "since monday I cannot make weight on the left leg"),
    ("cancer_weight_loss", "I'm Anil's brother, he has lost loads of weight without trying and "
                           "had bowel cancer before"),
    ("cancer_weight_loss", "down 6 kilos since summer and I'm not dieting, hip aches at night"),
    # the twelfth and thirteenth batches (tune17, tune18): flags said vaguely
    ("fracture_after_fall", "the dog knocked her flat in the hall and that leg looks like it's "
                            "shrunk"),
    ("cannot_bear_weight", "every time he puts the bad foot on the floor he cries out, stuck in "
                           "the chair"),
    ("neuro_deficit", "I can't feel the hot water bottle on my left shin any more"),
    ("cancer_weight_loss", "my jeans keep falling down though I'm not dieting, and the hip aches "
                           "in bed"),
    ("cancer_weight_loss", "had lymphoma in 2015 and was fine, but this past month my hip aches "
                           "even sitting down"),
    ("pe", "two weeks since the op and each breath in catches me under the ribs"),
    ("sudden_severe_pain", "out of nowhere the hip pain jumped up to a 9 and it won't come down"),
    ("dislocation", "the new hip slipped out when I bent to the bottom cupboard, can't move it"),
    # a sentence about the writer between another person and a subjectless sign
    ("wound", "The grandkids were round all day. Did my walk after tea. The wound has opened "
              "at the bottom and it's leaking"),
    # the fourteenth and fifteenth batches (tune19, tune20)
    ("fracture_after_fall", "missed a rung on the stepladder, on the garage floor now, hip is "
                            "agony and the leg looks the wrong length"),
    ("cannot_bear_weight", "the bad foot won't go on the floor this morning, I'm holding it up"),
    ("cannot_bear_weight", "she won't let the left foot touch the ground since Sunday"),
    ("cauda_equina", "couldn't feel the paper when I wiped round my bottom this morning"),
    ("neuro_deficit", "I keep scuffing my toe on the kerb, the foot doesn't lift like it used "
                      "to"),
    ("cancer_weight_loss", "not trying, but I've lost 6 kilos since summer and the hip aches at "
                           "rest"),
    ("cancer_weight_loss", "bowel cancer in 2019, but this pain feels different, worse in bed"),
    ("night_pain_sweats", "the hip wakes me at 3am whatever way I lie"),
    ("pe", "coughed into the sink and there was blood, a week after my hip op"),
    ("dislocation", "the ball of the new hip shifted when I reached down, now it's stuck"),
    ("sudden_severe_pain", "the hip pain hit like a bolt of lightning on the bus, no fall"),
]

QUIET: list[str] = [
    "the nurse told me to keep an eye out for a hot swollen calf, both look the same",
    "been reading about foot drop and got myself worried, what are the first signs?",
    "the saddle area is normal, GP checked on Friday",
    "nae fever, nae sweats, just tired the day",
    "back then my toes went numb after the epidural, normal ever since",
    "the rugby's giving me chest pains, we're losing again",
    "this new phone has me paralysed, can't find anything",
    "my legs nearly fell off after the walk lol, did all the sets",
    "couldn't stand on it the first week after the op, now I walk with one stick",
    "the thermometer says 38 degrees outside, too hot for a walk",
    "teeth chattering at the bus stop, freezing this morning",
    "he was just reading the paper when I asked him to do his bridges",
    "before the operation I couldn't stand on it, now I walk without a stick",
    "my trousers are so wet from the rain, took the dog out",
    "I didn't do the bridges, no numbness or anything, just tired",
    "the pain is too much of a bother to talk about, it's a 3 anyway",
    "the tingling from the spinal wore off the next morning, all fine",
    "is losing weight good for the hip? I want to shift a few pounds",
    "my wallet lost a lot of weight at the sales, did the walk though",
    "the match tonight gave me chest pains, what a finish",
    "felt numb after watching that sad film, back to the bridges tomorrow",
    "it's a 9 o'clock start tomorrow so I'll do them tonight",
    "my foot went floppy after the spinal, came back fully by teatime, that was weeks ago",
    "lost weight in hospital but I've put it all back on now",
    "wound leaked in week one, dry since, walk done",
    "would a sudden bad pain be a reason to stop the programme?",
    "calf is fine, not swollen, not hot, checked like the nurse said",
    "wound not oozing, not smelly, staples out on Tuesday",
    "I took the stockings off to wash them and put them back on, calf looks normal",
    "couldn't feel my foot after the epidural but it came back the next day, ankle pumps done",
    "popped my hip out of joint playing football at 18, it's where the trouble began",
    "the swelling has gone down now, did the bridges",
    "hopping on one leg is part of my balance exercises",
    "down 3 kilos on slimming world, chuffed with that",
    "I can only just touch my toes these days, not very flexible",
    "the numbness after the spinal went away, the feeling came back weeks ago",
    "I put my foot on the floor and stood up fine, did the sit to stands",
    "every breath of sea air does me good, walk done",
    "my heart's racing watching the football, what a finish",
    "My neighbour fell on the ice. She's in hospital. Leg turned out, poor thing.",
    "had awful night sweats on the old pills but they've stopped since I came off them",
    "did the balance one, the foot won't go on the floor for long without wobbling",
]


#: Signs that must get the emergency answer: the right category and urgency, not a lower
#: one caught first by another rule.
EMERGENCIES: list[tuple[str, str]] = [
    ("fracture_after_fall", "slipped on the wet floor, landed hard on my hip, now my foot is "
                            "turned out and I can't roll over"),
    ("dislocation", "the new hip made a loud crack and now the leg is stuck at a funny angle"),
    ("cauda_equina", "gone numb between my legs since this morning"),
    ("cauda_equina", "dad is not feeling when the toilet is coming, did a poo in the bed"),
    ("neuro_deficit", "can't lift the front of my foot since I woke up, it just hangs"),
    ("neuro_deficit", "my leg went dead and floppy from the knee down, still the same an "
                      "hour later"),
    ("infection", "been sick twice, sweating then freezing, and the new hip is hot and red"),
    ("dvt", "my carf is swollen, hot and tight, hip op was 10 days ago"),
    ("cannot_bear_weight", "the moment I push up on the right leg it gives way, stuck on the loo"),
    ("neuro_deficit", "my leg went weak in the middle of my shift, 3 hours later still numb"),
    ("sudden_severe_pain", "no warning at all, then the worst pain of my life in the groin"),
]


@pytest.mark.parametrize(("category", "text"), EMERGENCIES)
def test_an_emergency_gets_its_category_and_the_emergency_answer(category: str, text: str
                                                                   ) -> None:
    reading = interpret(text)
    assert reading.is_red_flag and reading.emergency, reading.live_flags
    assert category in {hit.category for hit in reading.live_flags}, reading.live_flags


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_the_sign_is_caught_with_its_category(category: str, text: str) -> None:
    hits = [hit for hit in scan_red_flags(text) if hit.live]
    assert category in {hit.category for hit in hits}, scan_red_flags(text)
    assert interpret(text).is_red_flag, interpret(text).ask_about


@pytest.mark.parametrize("text", QUIET)
def test_the_same_words_elsewhere_raise_no_alarm(text: str) -> None:
    assert not interpret(text).is_red_flag, scan_red_flags(text)


def test_a_new_subject_after_a_comma_ends_a_denial() -> None:
    """"not that sore, it just won't take me": the denial is the soreness's, not the sign's
    (the second opinion may still ask about it: the rules' reading is what is tested)."""
    hits = scan_red_flags("honestly not that sore, it just won't take me any more")
    assert any(hit.live and hit.category == "cannot_bear_weight" for hit in hits), hits


def test_a_question_after_an_exclamation_is_a_supposition() -> None:
    """A sentence-opening supposition ("would losing weight help...?") counts after any
    sentence end, not only at the start of the message."""
    # (not "would losing weight help my hip?": weight loss asked about as a treatment is no
    # sign at all now, round 22)
    hits = scan_red_flags("my friend lost a stone, lucky her! would shedding the pounds help "
                          "my knees?")
    assert hits and not any(hit.live for hit in hits), hits
