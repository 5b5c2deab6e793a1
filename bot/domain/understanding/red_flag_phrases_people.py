"""Who a message is about: the writer, a relative writing for the patient, or someone else.

Word lists and cues read by ``qualifiers`` for any phrase, red flag or not ("my husband
did his bridges"); kept beside the red-flag phrase modules they were written with.
Pure: no ``telegram``.
"""

from __future__ import annotations

import re


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives))


TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
FIRST = frozenset(
    {"i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "mine", "myself"}
)
THIRD = frozenset(
    {"he", "she", "him", "her", "his", "hers", "he's", "hes", "she's", "shes", "himself",
     "herself", "he'd", "she'd", "he'll", "she'll"}
)
#: "a man I know collapsed": after these, "I" is not the one the phrase is about.
COGNITIVE = frozenset(
    {"know", "knew", "met", "saw", "heard", "think", "thought", "reckon", "guess",
     "suppose", "mean", "meant", "told", "said", "wonder", "hope", "worry", "worried"}
)
#: People a relative may be writing for: the patient, unless the message says otherwise.
_MAYBE_PATIENT = frozenset(
    {"mum", "mom", "mam", "mother", "mummy", "mommy", "mama", "dad", "father", "daddy",
     "papa", "pops", "husband", "hubby", "wife", "missus", "partner", "gran", "granny",
     "grandma", "grandmother", "nan", "nana", "nanna", "nanny", "grandad", "granddad",
     "grandpa", "grandfather", "grampa", "fiance", "fiancee", "boyfriend", "girlfriend",
     "spouse", "hubs", "abbu", "abba", "ammi", "ammu",
     "nani", "dadi", "dada", "lola", "lolo", "mammy", "mammie", "maw", "mamma"}
)
#: The word a relative called "our Jack", "our Jean" is kept under: family, so kin.
OUR = "our"
#: What "our" owns that is not a person: "every night of our holiday", "down our road".
NOT_NAMED = frozenset(
    {"holiday", "holidays", "hols", "road", "street", "lane", "drive", "walk", "walks",
     "anniversary", "wedding", "caravan", "house", "home", "garden", "kitchen", "stairs",
     "internet", "coffee", "video", "machine", "weights", "phones", "visits", "trip", "village",
     "town", "church", "flat", "bungalow", "car", "bed", "bedroom", "lounge", "hall", "bathroom",
     "whole", "new", "next", "old", "last", "first", "usual", "local", "own", "way", "time",
     "week", "weekend", "day", "morning", "evening", "night", "tea", "dinner", "lunch", "break"}
)
#: Family who are usually not the patient, but are when the message names their own hip
#: operation ("my brother ... landed on the operated side", "auntie's hip wound").
KIN = frozenset(
    {"sister", "brother", "son", "daughter", "cousin", "niece", "nephew", "grandson",
     "granddaughter", "twin", "sil", "bil", "aunt", "auntie", "aunty", "uncle", OUR}
)
#: Relatives named by title, as the family calls them ("Auntie says...", "Uncle Mo"): the
#: patient, unless owned ("my aunt's leg", "his uncle").
TITLES = frozenset({"aunt", "auntie", "aunty", "uncle"})
OWNERS = frozenset({"my", "our", "his", "her", "their", "your", "a", "an", "the"})
#: People who are not the patient of this bot.
_NOT_PATIENT = frozenset(
    {"friend", "mate", "pal", "buddy", "neighbour", "neighbor", "colleague", "coworker",
     "sister", "brother", "son", "daughter", "grandson", "granddaughter", "grandkid",
     "grandchild", "grandchildren", "kid", "child", "children", "baby", "toddler", "niece",
     "nephew", "cousin", "aunt", "auntie", "aunty", "uncle", "boss", "cat", "dog", "horse",
     "bloke", "lady", "woman", "man", "guy", "someone", "somebody", "lad", "girl", "boy",
     "puppy", "kitten", "pony", "mare", "budgie", "parrot", "rabbit", "hamster", "tortoise",
     "teacher", "vicar", "twin", "people", "chap", "fella", "client", "one", "ones",
     "sil", "bil", "brothers", "sisters", "kids", "women", "men", "walker", "patient",
     "kapitbahay", "flatmate", "housemate", "roommate", "roomie", "teammate", "lodger",
     "tenant", "landlord", "landlady", "postman", "postie", "folk"}
)


#: Words that may open a segment before its subject ("and then Mum fell").
LEADING = frozenset(
    {"and", "but", "so", "then", "now", "the", "poor", "old", "oh", "well", "also", "plus",
     "just", "hi", "hello", "ps", "sorry", "update", "on", "a", "an", "dear", "bless", "our",
     "other", "another"}
)
#: After "my", a word that makes the writer the one something happens to.
BODY = frozenset(
    {"leg", "legs", "hip", "hips", "calf", "calves", "foot", "feet", "knee", "knees", "toes",
     "toe", "ankle", "ankles", "thigh", "thighs", "back", "bum", "bottom", "groin", "chest",
     "wound", "scar", "stitches", "bladder", "bowels", "waterworks", "breathing", "breath",
     "heart", "weight", "temperature", "temp", "skin", "side", "joint", "pelvis", "body",
     "op", "operation", "surgery", "new", "replacement", "shin", "arm", "hand", "head",
     "lips", "pain", "clothes", "belt", "appetite", "sheets", "nightie", "incision", "cut",
     "staples", "clips", "dressing", "privates", "bits", "water", "balance", "footing",
     "own", "right", "left", "bad", "good", "operated", "whole", "lower", "upper", "inner",
     "calf's", "leg's", "hip's", "foot's", "self", "muscles", "spine", "bones", "bone",
     "nerves", "sciatica", "groin's", "ribs", "lungs", "cough", "pee", "wee", "urine",
     "pants", "trousers", "knickers", "bed", "pyjamas", "seat", "saddle", "perineum"}
)
#: Animals are never "she" or "he" here ("Mum reached for the cat and her hip went").
ANIMALS = frozenset({"cat", "dog", "horse", "puppy", "kitten", "pony", "mare", "budgie",
                     "parrot", "rabbit", "hamster", "tortoise"})


def stem(word: str) -> str:
    """A person word without its possessive or plural ("mum's", "husbands")."""
    word = word.removesuffix("'s")
    if word not in _MAYBE_PATIENT and word not in _NOT_PATIENT and word.endswith("s"):
        return word[:-1]
    return word


_MALE = frozenset(
    {"he", "him", "his", "he's", "hes", "himself", "he'd", "he'll", "dad", "father", "daddy",
     "papa", "pops", "husband", "hubby", "grandad", "granddad", "grandpa", "grandfather",
     "grampa", "fiance", "boyfriend", "son", "brother", "grandson", "nephew", "uncle", "bloke",
     "man", "guy", "lad", "boy", "chap", "fella", "hubs", "brothers", "men"}
)
_FEMALE = frozenset(
    {"she", "her", "hers", "she's", "shes", "herself", "she'd", "she'll", "mum", "mom", "mam",
     "mother", "mummy", "mommy", "mama", "mammy", "mammie", "maw", "mamma", "wife", "missus",
     "gran", "granny", "grandma",
     "grandmother", "nan", "nana", "nanna", "nanny", "fiancee", "girlfriend", "daughter",
     "sister", "granddaughter", "niece", "aunt", "auntie", "aunty", "lady", "woman", "girl",
     "sisters", "women"}
)


def sex(word: str) -> str:
    """'m', 'f' or '' (unknown) for a person word or pronoun."""
    base = stem(word)
    if base in _MALE or word in _MALE:
        return "m"
    return "f" if base in _FEMALE or word in _FEMALE else ""


def person_kind(word: str) -> str:
    """'patient', 'other' or '' for a word naming someone."""
    base = stem(word)
    if base in _MAYBE_PATIENT:
        return "patient"
    if base in _NOT_PATIENT and base not in ("one", "ones"):
        return "other"
    return ""


#: The writer is a carer: the one they look after ("my client", "the lady I care for")
#: is this bot's patient, not a stranger.
CARER = re.compile(
    r"\b(?:carer|caregiver|care\s+(?:worker|assistant|giver))\b"
    r"|\b(?:i|we)\s+(?:care\s+for|look\s+after)\s+(?!him\b|her\b|them\b|my\b)"
)
#: Who a carer looks after, named without a relation.
CARED = frozenset({"client", "lady", "gentleman", "gent", "resident", "man", "woman", "person"})
_PARTNERS = frozenset({"fella", "feller", "fellow", "bloke", "man", "lass", "chap"})


def partner(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` names the writer's partner, whom they may write for: "my
    fella", "me bloke", "my other half", "the old man", "the old fella"."""
    word = stem(words[index])
    before = words[index - 1] if index else ""
    owner = words[index - 2] if index > 1 else ""
    if word in _PARTNERS and before in ("my", "me"):
        return True
    if word == "half" and before in ("other", "better") and owner in ("my", "me", "the"):
        return True
    return word in ("man", "lady", "fella", "fellow") and before == "old" and (
        owner in ("my", "me", "the"))


def another(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is "the other grandad" or "another resident": not the one
    writing here, nor the one written for."""
    if index and words[index - 1] == "another":
        return True  # "another resident had a bad fall"
    return index > 1 and words[index - 1] == "other" and words[index - 2] in ("the", "my")


_BIRTHS = frozenset({"kids", "babies", "baby", "children", "son", "daughter", "twins"})
_PLACE_PREPOSITIONS = frozenset({"at", "round", "to", "from", "over", "in", "outside"})


_OBJECT_PREPOSITIONS = frozenset({"on", "over", "in", "with", "by", "at", "from", "under"})


def not_a_subject(words: list[str], index: int) -> bool:
    """Whether the person word ``words[index]`` cannot be who a sign is about: a home ("at
    his brother's"), an animal after a preposition ("tripped on the dogs lead", "over the
    cat"), "lady parts", or births ("worse than having the kids")."""
    word = words[index]
    if word == "lady" and index + 1 < len(words) and words[index + 1] in ("parts", "bits"):
        return True
    if word in _BIRTHS and index > 1 and words[index - 2] == "having":
        return True
    if index == 0:
        return False
    before = words[index - 1]
    if stem(word) == "horse" and before in ("charley", "charlie", "charly"):
        return True  # "a charley horse": a cramp
    if before in ("my", "his", "her", "our", "their", "the") and index > 1:
        before = words[index - 2]
    if stem(word).removesuffix("s") in ANIMALS or stem(word) in ANIMALS:
        return before in _OBJECT_PREPOSITIONS
    if word in ("walker", "walkers"):  # "uses a walker", "on his walker": a frame
        if before in ("a", "an") and index > 1:
            before = words[index - 2]
        return before in _AIDS_BEFORE
    return word.endswith("'s") and before in _PLACE_PREPOSITIONS


#: Before "walker", words that make it a walking frame, not a person who walks.
_AIDS_BEFORE = frozenset(
    {"uses", "using", "use", "used", "with", "without", "needs", "need", "on", "wheeled",
     "zimmer", "rollator", "his", "her", "my", "their", "the"}
)


#: Before "his" or "her", words that make what follows a place or a thing of theirs.
_THING_PREPOSITIONS = frozenset(
    {"off", "on", "at", "in", "from", "to", "into", "onto", "over", "under", "near", "round",
     "outside", "beside", "behind"}
)


def owned_thing(words: list[str], index: int) -> bool:
    """Whether "his" or "her" at ``index`` owns a thing after a preposition ("off her low
    sofa", "at his place"): that names no one a sign is about ("on her hip" does)."""
    if words[index] not in ("his", "her") or not index:
        return False
    if words[index - 1] not in _THING_PREPOSITIONS:
        return False
    following = words[index + 1 : index + 3]
    return bool(following) and not any(word in BODY for word in following)


WRITING_FOR = _rx(
    r"\b(?:writing|messaging|texting|typing|asking|emailing)\s+(?:this\s+)?(?:for|on\s+behalf"
    r"\s+of|about)\s+(?:my\s+|our\s+)?([a-z']+)",
    r"\bon\s+behalf\s+of\s+(?:my\s+|our\s+)?([a-z']+)",
    r"\b(?:my|our)\s+([a-z']+)\s+is\s+the\s+patient\b|\b([a-z']+)\s+\(the\s+patient\)",
    r"\b(?:i'?m|im|i\s+am)\s+(?:my\s+)?([a-z]+)(?:'s)?\s+(?:carer|care\s+giver|caregiver)\b",
    # "Pete here for Sandra": a name, then whom for (round 30)
    r"^(?:hi|hello|hiya|evening|morning)?[,!.\s]*[a-z]+\s+here\s+for\s+([a-z']+)\b",
    # "daughter here for dad", "neighbour of Mrs Kaur here": for whom, when said
    r"\b(?:neighbou?r|carer|daughter|son|wife|husband|friend|niece|nephew|grandson|granddaughter)"
    r"\s+here\s+(?:for|on\s+behalf\s+of)\s+(?:my\s+|our\s+)?([a-z']+)",
    r"^(?:hi\s+|hello\s+)?(?:(?:it'?s|its|this\s+is)\s+)?(?:the\s+|his\s+|her\s+)?(?:neighbou?r"
    r"|carer|care\s+worker|nurse|daughter|son|wife|husband|friend)\s+(?:of\s+(?:mrs|mr|miss|ms)?\s*"
    r"[a-z']+\s+)?here\b",
    r"\b(?:she|he)\s+(?:doesn'?t|does\s+not|can'?t|won'?t)\s+(?:do\s+phones|use\s+(?:the\s+"
    r"|a\s+)?phone|text|type|ring|call)\b",
    r"\bso\s+(?:i'?m|im|i\s+am)\s+(?:messaging|writing|texting|doing\s+it|typing)\b",
    # "This is Siobhan, Mammy's daughter": the writer, introduced by the one written for
    r"\bthis\s+is\s+[a-z']+,?\s+([a-z']+)'s\s+(?:son|daughter|carer|grandson|granddaughter"
    r"|niece|nephew|neighbou?r)\b",
    r"\b(?:i'?m|im|i\s+am|this\s+is|it'?s|its)\s+(?:her|his|their)\s+(?:son|daughter|husband|wife|carer"
    r"|partner|grandson|granddaughter|niece|nephew|neighbour)\b",
    r"\b(?:asked|wanted|told)\s+me\s+to\s+(?:message|text|tell|write|let\s+you\s+know)\b",
    r"\b[a-z']+\s+(?:doesn'?t|does\s+not|can'?t|won'?t)\s+(?:do\s+phones|use\s+(?:the\s+|a\s+)?"
    r"phone|text|type|message)\b",
    # "him indoors (he's the one on the hip programme)", "my brother, he's the patient"
    r"\b(?:she|he)'?s\s+the\s+(?:one\s+(?:on|using|doing)\s+(?:the\s+|this\s+)?(?:hip\s+)?"
    r"(?:programme|program|app|here|this|exercises)\b|patient\b)"
    r"|\b(?:this\s+is|i'?m|im|i\s+am|it'?s)\s+[a-z]+'s\s+"
    r"(?:daughter|son|wife|husband|sister|brother|partner|mum|mom|mother|dad|father|niece"
    r"|nephew|granddaughter|grandson|neighbou?r|roommate|flatmate)\b",
)
#: The writer says someone else does the exercises ("Mum did her bridges", "help her with
#: her exercises"): then the writer's own complaints ("my own ankle", "I've got flu") are
#: not the patient's.
FOR_SOMEONE = _rx(
    # "I'm his wife": the writer introduces themselves as the patient's relative
    r"\b(?:i'?m|im|i\s+am)\s+(?:his|her)\s+(?:wife|husband|daughter|son|partner|carer|granddaughter"
    r"|grandson|niece|nephew|sister|brother|neighbou?r)\b",
    # "It's Kathleen's daughter": opened as the patient's relative
    r"^(?:hi|hello|hiya)?[,!.\s]*(?:it'?s|its|this\s+is|i'?m|im|i\s+am)\s+(?:\w+,?\s+)?\w+'?s\s+"
    r"(?:next\s+door\s+)?(?:daughter|son|husband|wife|partner|sister|brother|niece|nephew"
    r"|grand\w+|carer|neighbou?r|friend)\b",
    r"\b(?:mum|mom|mam|dad|nan|gran|grandad|grandma|auntie|aunty|uncle|she|he|her|him)\s+"
    r"(?:did|has\s+done|'s\s+done|done|won'?t\s+be\s+doing|is\s+doing\s+(?:great|well|brilliant))\s+"
    r"(?:her|his|hers|all\s+(?:her|his)|with\s+it|the\s+full)\b",
    # "we did her exercises after" (round 30)
    r"\bwe\s+(?:did|done|'ve\s+done|have\s+done)\s+(?:her|his)\s+(?:exercises|routine|stretches"
    r"|bridges|clams|walk)\b",
    r"\bhelp\w*\s+(?:her|him|them|mum|mom|dad|nan|gran|grandad|grandma|auntie|aunty|uncle)\s+"
    r"(?:with|do)\s+(?:her|his|their|the)\s+(?:exercises|routine|stretches)\b",
    r"\b(?:did|doing|done)\s+the\s+(?:full\s+)?(?:routine|exercises)\s+with\s+(?:her|him|mum|dad"
    r"|auntie|aunty|uncle|nan|gran|grandad)\b",
)
#: The writer speaks of their own body as their own ("my own ankle", "I'm limping myself").
OWN = _rx(
    # "Me on the other hand, my sciatica's flared up" (round 30)
    r"\bme,?\s+on\s+the\s+other\s+hand\b|\bmy\s+own\b|\bmine\b|\bmyself\b|\b(?:i'?m|im|i\s+am)\s+(?:\w+ing\s+myself|the\s+one)\b|\b(?:i'?ve|ive|i\s+have)"
    r"\s+(?:got|gone\s+down\s+with|had|been)\b",
)
#: The writer is the patient and the third person someone else: decisive.
STRONG_OTHER = _rx(
    r"\bmy\s+own\b|\bmine\b|\bme\s+too\b|\b(?:for|help)\s+(?:her|him|them)\s+too\b",
    # not "(not her raised one)": her chair, not who it is about
    # not "(he's the one on the hip programme, not me)": the patient named, not excluded
    r"(?<!programme )(?<!program )(?<!patient )(?<!here )(?<!app )(?<!programme, )"
    r"(?<!program, )(?<!patient, )(?<!here, )(?<!app, )"
    r"\bnot\s+(?:me|him)\b|\bnot\s+her\b(?!\s+(?:\w+\s+)?(?:one|chair|seat|bed|room|frame|stick"
    r"|walker|usual|normal|own|fault)\b)|\bglad\s+it\s+(?:wasn'?t|was\s+not|isn'?t)\s+me\b",
    r"\bnothing\s+like\s+that\s+(?:going\s+on\s+)?(?:with|for|here\s+for)\s+me\b",
    r"\b(?:he'?s|she'?s|hes|shes|he\s+is|she\s+is)\s+not\s+on\s+(?:this|here|the\s+(?:app|programme"
    r"|program))\b",
    r"\b(?:back|hind)\s+legs?\b",  # "the dog can't walk on her back leg"
    r"\((?:her|his)\s+(?:husband|wife|partner)\)",  # "my dad (her husband)": not the patient
    # "writing for Mum. It's Dad who's poorly this week": the one ill is not the patient
    r"\bit'?s\s+(?:my\s+|our\s+)?(?:dad|mum|mom|mam|husband|wife|nan|gran|grandad|partner|brother"
    r"|sister|son|daughter)\s+who'?s\s+(?:\w+\s+)?(?:poorly|ill|unwell|sick|not\s+well|in\s+hospital)\b",
    # "..., not my mum": the patient named as not the one; "will that happen to me?"
    r"\bnot\s+(?:my|our)\s+(?:mum|mom|mam|dad|husband|wife|nan|gran|grandad|partner)\b",
    r"\bnext\s+door\s+to\s+(?:him|her|them|us|me|mum|mom|dad)\b",  # "Mrs P next door to him fell"
    r"\b(?:going\s+to|gonna|will\s+(?:that|it|this)|could\s+(?:that|it|this)|might\s+(?:that|it|this))"
    r"\s+happen\s+to\s+me\b",
    # "told my GP about my uncle who lost 2 stone": a relative's story, told to a clinician
    r"\b(?:told|telling|tell|asked|asking)\s+(?:my\s+|the\s+)?(?:gp|doctor|nurse|physio|consultant"
    r"|surgeon)\s+about\s+(?:my|our)\s+[a-z'-]+(?:\s+[a-z'-]+){0,2}\s+who\b",
    r"\bnot\s+the\s+one\s+(?:on\s+here|on\s+this|using\s+(?:this|the\s+app)|doing\s+(?:the|these)"
    r"\s+exercises)\b",
    r"\bmeant\s+for\b|\bare\s+the\s+new\s+ones\b|\bsign\s+up\b|\bchances?\s+of\s+that\b",
    r"\b(?:is\s+that|will\s+that\s+be)\s+likely\b|(?<!your\s)(?<!the\s)\bprogramme\s+for\s+(?:that|him|her)\b"
    r"(?!\s+(?:hip|new\s+hip|op)\b)",
    r"\bwould\s+these\s+exercises\s+be\s+good\s+for\b",
    r"\bnot\s+about\s+(?:her|him|[a-z]+)\s+(?:this\s+time|today)\b",
    # the writer turns to their own hip or their own week: "meanwhile my hip is a 3",
    # "so I'm up and down the motorway, don't expect much from me"
    r"\bmeanwhile\s+my\b|\bas\s+for\s+(?:me|my\s+(?:hip|pain|exercises))\b",
    r"\bmore\s+than\s+my\s+(?:own\s+)?(?:hip|pain|leg)\b",
    r"\b(?:at|in)\s+(?:the\s+)?(?:hospital|a&e|ward)\s+(?:with|w)\s+(?:her|him|them)\b",
    r"\bdon'?t\s+expect\s+much\s+(?:from|of)\s+me\b|\b(?:up\s+and\s+down|back\s+and\s+forth)\s+"
    r"(?:to\s+)?(?:the\s+)?(?:motorway|hospital|ward|m\d+)\b",
    # "I'm her son, I'm the hip patient", "my leg is normal", "she's having hers done"
    r"\b(?:i'?m|im|i\s+am)\s+the\s+(?:hip\s+)?(?:patient|one\s+with\s+the\s+hip)\b",
    r"\bmy\s+(?:own\s+)?(?:leg|legs|hip|calf|calves|chest|wound)\s+(?:is|are|feels?|seems?|looks?)"
    r"\s+(?:normal|fine|ok|okay|good|grand)\b",
    r"\b(?:she'?s|shes|he'?s|hes)\s+(?:having|getting|waiting\s+for|due)\s+(?:hers|his|her\s+hip"
    r"|his\s+hip)\b",
)
#: The writer is the patient: a hint, outweighed by the relative's own hip.
WEAK_OTHER = _rx(
    r"\bso\s+(?:i'?m|im|i\s+am|i'?ll|ill|i\s+will|i'?ve|ive|i\s+have|i)\s+(?:\w+\s+){0,2}"
    r"(?:skip\w*|shattered|tired|knackered|exhausted|busy|late|behind|doing|being|missing"
    r"|running|rushing|looking|caring|ferrying|nursing"
    r"|miss|housebound|stuck|taking|staying|resting|rest)\b",
    r"\bthat'?s\s+why\s+(?:i'?m|im|i\s+am|i'?ve|i)\b",
    r"\bso\s+(?:my\s+|the\s+)?(?:exercises|stretches|routine|walks?)\s+(?:are\s+|is\s+)?on\s+hold\b",
    r"\bso\s+(?:i\s+)?(?:won'?t|wont|will\s+not|can'?t|cannot)\s+(?:be\s+)?(?:do|doing|manage|get\s+to)\b",
    r"\b(?:i'?ll|i\s+will|ill|will)\s+(?:do|try|get)\s+(?:mine|them|my|(?:the\s+)?exercises)\b",
    # "I'll leave the exercises this week": the writer's own programme waits
    r"\b(?:i'?ll|i\s+will|ill)\s+(?:leave|skip|pause|drop|give)\s+(?:the|my)\s+(?:exercises"
    r"|stretches|routine|walks?)\b",
    r"\b(?:did|done|doing|do)\s+my\b|\bmy\s+(?:walk|exercises|bridges|routine|programme"
    r"|program|stretches|squats|clams)\b",
    r"\b(?:worried|scared|anxious|frightened|nervous|terrified)\s+(?:about|for)\s+(?:him|her"
    r"|them)\b|\b(?:scared|frightened|worried)\s+me\b|\bput\s+me\s+(?:right\s+)?off\b",
    r"\bmakes?\s+(?:you|me)\s+(?:think|want|worry)\b|\bmy\s+head'?s\s+all\s+over\b",
    r"\bnot\s+in\s+the\s+mood\b|\bno\s+time\s+for\b|\bwaiting\s+on\s+tests\b",
    r"\b(?:i'?m|im|i\s+am)\s+(?:ok|okay|fine|alright|shattered|knackered|exhausted|his\s+carer"
    r"|her\s+carer|being\s+extra\s+careful|terrified|scared|nervous)\b"
    # not "I'm scared to move him": a fear for the one they write about
    r"(?!\s+to\s+(?:move|lift|touch|leave|help|shift)\s+(?:him|her|them)\b)",
    r"(?<!saying )(?<!says )(?<!insists )(?<!claims )(?<!reckons )(?<!thinks )(?<!swears )"
    # not "she's ok in herself": not very unwell, said of the one with the sign (round 23)
    r"\b(?:he'?s|hes|she'?s|shes)\s+(?:fine|ok|okay)\b(?!\s+in\s+(?:herself|himself))"
    r"|\bglad\s+it\s+was\s+not\b",
    r"\b(?:i'?ve|ive|i\s+have)\s+been\s+(?:doing|up\s+with|busy|run)\b",
    # the writer's own exercise report: "exercises done", "did clams 8", "my pain score"
    r"\b(?:exercises?|clams|bridges|squats|step\s*ups|heel\s+raises|stretches|reps|sets)\s+"
    r"(?:all\s+)?done\b|(?<!we\s)\b(?:did|done)\s+(?:my\s+|the\s+)?(?:clams|bridges|squats|exercises"
    r"|stretches|heel\s+raises|step\s*ups)\b",
    r"\bno\s+exercises\s+for\s+me\b|\bmy\s+pain\s+(?:score|level)\b|\bboth\s+of\s+us\b"
    r"|\bme\s+and\s+(?:hubby|him|her|the\s+\w+|my\s+\w+)\s+both\b",
    r"\bnext\s+to\s+(?:him|her)\b|\b(?:i'?m|im|i\s+am)\s+testing\s+negative\b",
)
#: "my sister's hip popped out last year and now mine's done the same": what happened to
#: someone else (or long ago) is happening to the writer now.
SAME_TO_ME = _rx(
    r"\b(?:mine(?:'?s|\s+has|\s+is)?|i'?ve|ive|i\s+have|i'?m|im|i\s+am)\s+(?:just\s+|now\s+)?"
    r"(?:done|had|got|did|gone|going|doing|having)\s+(?:exactly\s+|just\s+)?the\s+same\b",
    r"\b(?:same|it|this)\s+(?:thing\s+)?(?:has\s+|is\s+|'?s\s+)?(?:just\s+|now\s+)?"
    r"happen\w*\s+(?:to\s+me|again)\b",
)
#: The relative's own hip or operation: they are the patient.
PATIENT_CUE = _rx(
    r"\b(?:his|her)\s+(?:new\s+|replaced\s+|operated\s+|bad\s+|sore\s+|good\s+)?hip\b",
    r"\b(?:his|her)\s+(?:hip\s+)?(?:op|operation|surgery|replacement)\b",
    r"\bhad\s+(?:his|her)\s+hip\b|\b(?:his|her)\s+(?:operated|bad)\s+leg\b",
    r"\bthe\s+(?:operated|replaced)\s+(?:leg|hip|side)\b",
    r"\b(?:he|she)\s+had\s+(?:the|a|her|his)\s+(?:replacement|op|operation)\b",
    r"\b(?:his|her)\s+(?:hip\s+)?(?:wound|scar|clips|staples|incision)\b|\b(?:his|her)\s+hip\s+"
    r"replaced\b",
    r"\b(?:that|who)\s+(?:did|had)\s+(?:the|her|his)\s+hip\s+(?:operation|op|replacement|surgery)\b",
    r"\b(?:auntie|aunty|aunt|uncle|brother|sister)'s\s+(?:hip\s+)?(?:wound|scar|new\s+hip)\b",
    r"\bour\s+\w+'s\s+(?:new\s+|bad\s+|operated\s+)?hip\b",  # "our Jean's hip has come out"
)
#: The writer speaking of themselves: a sentence of it between another person and a
#: subjectless phrase makes the phrase the writer's.
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|my|me|myself)\b")
