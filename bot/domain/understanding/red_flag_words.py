"""Words the red-flag rules are not written for, put into the English they mean first.

The rules read plain English. Patients also write short misspellings the distance check
leaves alone ("nite", "carf"), carers' shorthand ("hx ca", "wt loss"), Scots ("cannae
weight bear", "nae feelin doon below", "oot the blue") and, when English is their second
language, a symptom in their first (Spanish: "la pantorrilla está hinchada"; Hindi in
Latin letters: "pindli mein sujan"). ``SHORT_FIXES`` maps each onto English before any
rule reads the message (``red_flag_phrases.prepare``); a phrase wins over a word inside
it. Pure data: no ``telegram``.
"""

from __future__ import annotations

#: Scots, in the English it means. "ma" only before a body word or side: on its own it
#: may be a mother.
SCOTS_WORDS = {
    "cannae": "can't", "canna": "can't", "didnae": "didn't", "didna": "didn't",
    "disnae": "doesn't", "dinnae": "don't", "dinna": "don't", "isnae": "isn't",
    "wasnae": "wasn't", "couldnae": "couldn't", "wouldnae": "wouldn't", "willnae": "won't",
    "havnae": "haven't", "huvnae": "haven't", "hasnae": "hasn't", "nae": "no",
    "doon": "down", "oot the blue": "out of the blue", "oot o": "out of", "oot": "out",
    "tae": "to",
    "fae": "from", "noo": "now", "jist": "just", "wi": "with", "wis": "was", "a've": "i've",
    "a'm": "i'm", "a'd": "i'd", "at aw": "at all", "wrang": "wrong", "heid": "head",
    "gonnae": "going to", "mornin": "morning", "feelin": "feeling", "nothin": "nothing",
    "staun": "stand", "staund": "stand", "cannae staun": "can't stand", "stane": "stone",
    "sair": "sore", "no tryin": "not trying", "tryin": "trying", "roond": "round",
    "no taking ma weight": "not taking my weight", "ma weight": "my weight",
    "gone aw": "gone all", "aw red": "all red", "aw hot": "all hot", "aw swollen": "all swollen",
    "somethin": "something",
    **{f"ma {w}": f"my {w}" for w in (
        "leg", "legs", "hip", "hips", "left", "right", "new", "bad", "back", "foot", "feet",
        "bum", "knee", "calf", "thigh", "groin", "wound", "scar", "chest", "side")},
}
#: Northern and West Country English: the dropped h ("me 'ip"), "me" for "my" before a
#: body word, "nowt", "owt" and "summat".
NORTHERN_WORDS = {
    "nowt": "nothing", "owt": "anything", "summat": "something", "summit like": "something like",
    # "next door fell off her step": the neighbour, not a door (round 23)
    **{f"next door {verb}": f"neighbour {verb}" for verb in (
        "fell", "has", "had", "is", "was", "slipped", "tripped", "went", "says", "said",
        "took", "got", "broke", "collapsed", "ended")},
    **{f"{owner} 'ip{s}": f"{owner.replace('me', 'my')} hip{s}"
       for owner in ("me", "my", "her", "his", "the", "'s", "'er", "'is", "your", "yer")
       for s in ("", "s")},
    # not "chest": "the football's giving me chest pains" is a figure of speech
    **{f"me {w}": f"my {w}" for w in (
        "leg", "legs", "hip", "hips", "foot", "feet", "knee", "calf", "thigh", "groin",
        "wound", "scar", "bum", "waterworks", "bladder", "privates", "bits")},
}
#: Jamaican and other Caribbean English, in the English it means. "mi" is "my" before a
#: body word, "me" after a verb, "I" before one; "a" before a verb is "is ...ing" ("mi
#: wee a come out"), read here only where a rule needs it.
CARIBBEAN_WORDS = {
    "cyaan": "can't", "kyaan": "can't", "caan": "can't", "cyan": "can't",
    "nutten": "nothing", "nuttin": "nothing", "feel nutten": "feel anything",
    "feel nuttin": "feel anything", "nuh": "not", "nah try": "not trying",
    "di": "the", "dis": "this", "dat": "that", "jus": "just", "neva": "never",
    "inna": "in", "tek": "take", "roun": "round", "likkle": "little", "pickney": "child",
    "sweat out": "sweating through", "bad bad": "very bad", "drop weight": "losing weight",
    "a leak": "is leaking", "a come out": "is coming out", "a hurt": "is hurting",
    "go dead": "gone dead", "mornin": "morning",
    **{f"mi {w}": f"my {w}" for w in (
        "leg", "legs", "hip", "hips", "foot", "feet", "bottom", "bum", "back", "chest",
        "breast", "belly", "knee", "calf", "side", "wee", "pee", "cut", "wound", "skin",
        "clothes", "weight", "breath", "toe", "toes", "waterworks")},
    **{f"{verb} mi": f"{verb} me" for verb in (
        "wake", "woke", "tek", "take", "hurt", "hurting", "kill", "killing", "keep", "mek")},
    **{f"mi {verb}": f"i {english}" for verb, english in (
        ("cyaan", "can't"), ("can't", "can't"), ("cant", "can't"), ("did", "did"),
        ("never", "never"), ("nah", "am not"), ("jus", "just"), ("just", "just"),
        ("feel", "feel"), ("a", "am"), ("lie", "lie"), ("have", "have"), ("had", "had"),
        ("fall", "fell"), ("fell", "fell"), ("drop", "dropped"), ("lose", "lost"),
        ("lost", "lost"))},
    "tek mi sudden": "came on me suddenly", "tek mi weight": "take my weight",
    "foot dung": "foot down", "dung pon": "down on",
    "nah tek no weight": "won't take any weight", "out a nowhere": "out of nowhere",
    "worse pain mi ever": "worst pain i ever", "mi ever": "i ever",
    # Nigerian Pidgin: "I no fit stand", "e dey pain me"
    "no fit": "can't", "e dey pain me": "it is paining me", "dey pain": "is paining",
}
#: Spanish, Hindi (in Latin letters) and Polish symptom words, as patients mix them in.
MIXED_LANGUAGE_WORDS = {
    # Tagalog: "wala naman po fever", "walang lagnat": no fever
    "wala naman po": "no", "wala naman": "no", "walang": "no", "lagnat": "fever",
    # Spanish
    "no puedo apoyar el pie": "can't put weight on the leg",
    "no puedo apoyar la pierna": "can't put weight on the leg",
    "no puedo caminar": "can't walk", "no puedo respirar": "can't breathe",
    "no puede pararse": "can't stand", "no puedo pararme": "can't stand",
    "no puede caminar": "can't walk",
    "no siento nada entre las piernas": "numb between my legs",
    "no siento las piernas": "can't feel my legs",
    "he perdido mucho peso": "i've lost a lot of weight", "perdiendo peso": "losing weight",
    "no estoy a dieta": "not dieting", "sudores nocturnos": "night sweats",
    "pantorrilla": "calf", "hinchada": "swollen", "hinchado": "swollen",
    "caliente": "hot", "herida": "wound", "huele mal": "smells bad", "mojadas": "soaked",
    "fiebre": "fever", "de repente": "suddenly", "dolor horrible": "horrible pain",
    "dolor": "pain", "me caí": "i fell", "me cai": "i fell",
    # Hindi, Urdu and Punjabi in Latin letters
    "wazan kam ho raha hai": "losing weight", "wazan kam": "weight loss",
    "pindli": "calf", "sujan": "swelling", "garam": "hot", "bukhar": "fever",
    "saans nahi aa rahi": "can't breathe", "saans": "breath", "chest mein dard": "chest pain",
    "seene mein dard": "chest pain", "achanak": "suddenly", "bahut tez dard": "severe pain",
    "dard se neend khul jaati": "pain wakes me", "neend khul jaati": "wakes me",
    "pasina": "sweating",
    "dard": "pain", "awaaz aayi": "made a loud noise", "hil nahi rahi": "won't move",
    "hil nahi raha": "won't move", "gir gaya": "fell", "gir gayi": "fell",
    # more Spanish, and Polish
    "pierna no aguanta": "leg won't take my weight", "no aguanta": "won't take weight",
    "mi pie no levanta": "my foot won't lift", "no levanta": "won't lift",
    "rana po operacji": "operation wound", "rana": "wound", "ropa": "pus",
    "gorączka": "fever", "goraczka": "fever", "łydka": "calf", "lydka": "calf",
    "spuchnięta": "swollen", "spuchnieta": "swollen",
}
#: Voice to text: punctuation said aloud, and symptom words misheard.
SPOKEN = {
    "full stop": ".", "comma": ",", "question mark": "?", "exclamation mark": "!",
    "new paragraph": ".", "new line": ".", "hip fraction": "hip fracture",
    "bare wait": "bear weight", "bare weight": "bear weight", "numb nest": "numbness",
    "coffin up": "coughing up", "operation would": "operation wound",
}
#: Symptom verbs with the g dropped ("soakin the sheets", "weight droppin off").
G_DROPPED = {
    f"{stem}in": f"{stem}ing" for stem in (
        "soak", "dropp", "point", "open", "leak", "weep", "swell", "throbb", "burn", "ach",
        "shak", "shiver", "sweat", "limp", "fall", "bleed", "cough", "gasp", "ooz", "dripp",
        "tingl", "los", "wak", "com", "go", "hurt", "stabb", "shoot", "hang",
        # round 26: "draggin his leg", "bendin for a sock", "screamin w hip pain"
        "dragg", "bend", "scream", "cry", "slapp", "catch", "buckl", "collaps", "crawl")
}
#: Every fix, misspellings and shorthand first.
SHORT_FIXES = {
    "nite": "night", "nites": "nights", "nitey": "nightie", "breff": "breath",
    "bref": "breath", "woud": "wound", "wounf": "wound", "wund": "wound",
    "wond": "wound", "w/o": "without", "with out trying": "without trying", "calfe": "calf",
    "pane": "pain", "akes": "aches", "ake": "ache",
    "evry": "every", "coffing": "coughing", "cofing": "coughing", "way bare": "weight bear",
    "wait bare": "weight bear", "cloths are": "clothes are", "outta nowhere": "out of nowhere",
    "at knight": "at night",
    # "getting number and number": more and more numb, not a number
    "number and number": "more and more numb", "getting number": "getting more numb",
    "out the blue": "out of the blue", "carf": "calf", "calve": "calf",
    # autocorrect's "calm" for "calf": "my calm is swollen"
    "my calm is": "my calf is", "my calm has": "my calf has", "her calm is": "her calf is",
    "numbnes": "numbness", "numbess": "numbness",
    # carers' shorthand: "hx ca lung", "wt loss ~5kg"
    "hx of ca": "history of cancer", "hx ca": "history of cancer", "wt loss": "weight loss",
    **{f"{organ} ca": f"{organ} cancer" for organ in (
        "prostate", "breast", "bowel", "bowels", "lung", "thyroid", "skin", "kidney", "ovarian")},
    # typed fast: "cnat", "tripd", "agonny", "thru"
    "cnat": "can't", "tripd": "tripped", "agonny": "agony", "agny": "agony",
    "thru": "through", "n night": "and night", "loosing": "losing", "wieght": "weight",
    "reasn": "reason", "calfs": "calf", "tite": "tight", "yestrday": "yesterday",
    "cming": "coming", "botom": "bottom", "sudn": "sudden", "wrst": "worst", "evr": "ever",
    # texting shorthand (round 26): "wound weepy last wk", "sorted b4 i came home"
    "last wk": "last week", "last yr": "last year", "b4": "before", "wen": "when",
    "brekkie": "breakfast", "tues": "tuesday", "weds": "wednesday",
    "thurs": "thursday", "w hip": "with hip", "w pain": "with pain", "w it": "with it",
    "lyin": "lying",
    # typed in a hurry (round 27): "slipd in bath now leg turnd out", "wet meself"
    "slipd": "slipped", "turnd": "turned", "stnd": "stand", "rite leg": "right leg",
    "rite side": "right side", "pood": "pooed", "meself": "myself",
    "my foots": "my foot's", "her foots": "her foot's", "his foots": "his foot's",
    # in-laws are read as the relative they are named by; "clients wife" as "client's wife"
    **{f"{kin} in law": kin for kin in (
        "mother", "father", "sister", "brother", "daughter", "son")},
    **{f"{who}s {kin}": f"{who}'s {kin}" for who in ("client", "patient") for kin in (
        "wife", "husband", "son", "daughter", "partner", "dog")},
    **SCOTS_WORDS, **NORTHERN_WORDS, **CARIBBEAN_WORDS, **MIXED_LANGUAGE_WORDS, **SPOKEN,
    **G_DROPPED,
}
