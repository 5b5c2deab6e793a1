"""Look-alike families found by the second probe: our own phrasings, not the probe's.

A finished episode ("straight after the op", "in the spring", "the scan was clear"), a
relative's own trouble told by the patient ("... anyway, clams done"), a question about
what could happen ("can lunges cause a clot?", "would walking more help?") and figures
of speech ("like I'd been hit by a lorry") must raise no alarm; a present symptom beside
an old one ("mine's done the same now") must still be caught.
"""

from __future__ import annotations

import pytest

from bot.domain.understanding.red_flags import detect_red_flags, scan_red_flags

NOT_LIVE: list[str] = [
    # past: a time that is over, or a resolution
    "my leg went numb right after the operation but the feeling came back, bridges done",
    "couldn't put weight on it the week after surgery, now walking to the shops",
    "last month my ankle swelled up a lot, fixed it with stockings",
    "had night sweats in the summer during that heatwave, sleeping well now",
    "had a high temp over christmas with a cold, fully recovered",
    "my calf went hot and red in march, the ultrasound was clear",
    "the scar oozed for the first few days, it's been dry since",
    "slipped on the drive at easter, no problems since",
    # someone else, told by the patient
    "hubby is coughing and breathless with a chest infection, my squats are done",
    "grandma has been losing weight and the GP is looking into it. my pain score is 3",
    "dad fell in the garden this morning, at the hospital with him, no exercises for me today",
    "I'm his daughter but I'm the hip patient; dad has had night sweats all week",
    "my mother in law's leg is hot and swollen, my leg is fine though",
    "her hip gave way on the bus, she's getting hers done next year",
    # supposing
    "can long car journeys cause a clot in the leg after a hip op?",
    "would losing a stone help the pain?",
    "are night sweats ever a side effect of the painkillers",
    "will the scar smell if it gets infected",
    "how much swelling is too much after the op",
    "is it normal to get pins and needles after a replacement",
    "I'm terrified of developing a clot on the long flight",
    # figures of speech
    "feel like I was hit by a lorry after the shopping",
    "the puppy nearly pulled my arm out of its socket",
    "my brain's falling off with all these forms",
]

LIVE: list[tuple[str, str]] = [
    ("dislocation", "my brother's hip dislocated years ago and now mine's done the same, "
                    "leg twisted and I can't move it"),
    ("pe", "had chest pain in 2018 from indigestion but this one feels different, tight "
           "and breathless"),
    ("neuro_deficit", "toes won't go up on the right since yesterday"),
    ("infection", "shivering and chills since last night and the hip is hot"),
    ("night_pain_sweats", "woke up sweating again, sheets soaked, every night this week"),
    ("cauda_equina", "I keep leaking and can't even feel it happen"),
    ("cauda_equina", "my bladder emptied itself in the chair with no warning"),
    ("wound", "the scar wept on day 3, then stopped, but now it's leaking again and red"),
    ("cannot_bear_weight", "it's been hard putting weight on the leg since Friday"),
    ("sudden_severe_pain", "it felt like somebody stabbed me in the groin out of nowhere"),
    ("dvt", "calve is swolen and hot since the flight"),
    # a time that is over, but the symptom goes on
    ("neuro_deficit", "my foot went numb straight after the op and it still is"),
    ("neuro_deficit", "ever since the day after surgery I can't feel my foot"),
    ("dvt", "my calf has been hot and swollen since last month"),
    ("dvt", "worried about getting a clot but now my calf is hot and swollen"),
]


@pytest.mark.parametrize("text", NOT_LIVE)
def test_look_alikes_raise_no_alarm(text: str) -> None:
    hits = scan_red_flags(text)
    assert not any(hit.live for hit in hits), hits


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_present_symptom_beside_an_old_one_is_caught(category: str, text: str) -> None:
    assert category in {flag.id for flag in detect_red_flags(text)}, scan_red_flags(text)


def test_numbness_an_hour_old_is_an_emergency_even_if_spreading() -> None:
    flags = detect_red_flags("my leg went numb an hour ago and it's spreading up the thigh")
    assert [(f.id, f.urgency) for f in flags] == [("neuro_deficit", "emergency")]
