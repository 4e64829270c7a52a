"""Round 21b: complaints and medicines found nowhere before (batches 15-16), each kind with its near-misses."""
import pytest

from conftest import labelled


@pytest.mark.parametrize("text, span, label", [
    ("snappy with my wife over nothing, face puffed up, and my thighs felt weak", "face puffed up", "SYMPTOM"),
    ("when he wees his foreskin balloons up and it sprays everywhere.", "foreskin balloons up", "SYMPTOM"),
    ("i ate a banana and my lips and tongue tingled and my throat felt scratchy", "lips and tongue tingled",
     "SYMPTOM"),
    ("i ate a banana and my lips and tongue tingled and my throat felt scratchy", "throat felt scratchy", "SYMPTOM"),
    ("cetirizine not touching it today, eyes streaming and i sneezed 14 times", "eyes streaming", "SYMPTOM"),
    ("sleeps most of the day, the muscles in his legs have wasted and he cant get up", "muscles in his legs have wasted",
     "SYMPTOM"),
    ("no energy at all, sleeps most of the day, and he cant get up", "sleeps most of the day", "SYMPTOM"),
    ("whenever she misses a tablet she doesnt sleep at all and shakes the next day.", "doesnt sleep at all", "SYMPTOM"),
    ("coming off it was rough, no sleep at all for 3 nights", "no sleep at all", "SYMPTOM"),
    ("my nose is bent to the left, both eyes are black and i cant breathe", "both eyes are black", "SYMPTOM"),
    ("he wheezes after football and he has lost his puff on the pitch.", "lost his puff", "SYMPTOM"),
    ("sits in the dark all day and doesnt want to see anyone, not even the grandkids.", "doesnt want to see anyone",
     "SYMPTOM"),
    ("his lip is split and theres blood coming from the gum.", "blood coming from the gum", "SYMPTOM"),
    ("twice last week i peed bright red blood. no pain at all.", "peed bright red blood", "SYMPTOM"),
    ("on lithium, no racing thoughts or spending sprees since last spring.", "spending sprees", "SYMPTOM"),

    ("the low spells that used to last weeks are shorter now.", "low spells", "SYMPTOM"),
    ("they warned her that her hair will fall out.", "hair will fall out", "SYMPTOM"),
    ("if she gets a headache or change in her vision we go straight to hospital.", "change in her vision", "SYMPTOM"),
    ("the pharmacist gave me bonjela and chlorhexidine mouthwash.", "bonjela", "DRUG"),
    ("the pharmacist sold us molludab but it made her skin sting.", "molludab", "DRUG"),
    ("does he need a tetanus jab? he had all his baby jabs.", "baby jabs", "DRUG"),
    ("he takes phosphate binders with meals and EPO injections.", "EPO injections", "DRUG"),
    ("the GP said anal fissure and gave me GTN ointment, which gives me a headache", "GTN ointment", "DRUG"),
    ("the endocrinologist wants a DEXA scan and put him on calcium and vitamin D tablets.", "calcium and vitamin D tablets",
     "DRUG"),
    ("the endocrinologist wants a DEXA scan and put him on calcium and vitamin D, his brother too.", "calcium", "DRUG"),
])
def test_caught(nlp, text, span, label):
    assert (span, label) in labelled(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("he puffed up his chest and walked in.", "puffed"),
    ("his face puffed up with pride when she won.", "puffed"),
    ("the jumper felt scratchy on my arms.", "scratchy"),
    ("the cake lost its puff in the oven.", "puff"),
    ("i have wasted my time on this app.", "wasted"),
    ("the baby sleeps most of the day at 3 weeks old, is that normal?", "sleeps"),
    ("she had blood coming from the donor bag.", "blood"),
    ("we went on a spending spree for christmas.", "spree"),
    ("high and low spells with my sugar on insulin.", "low"),
    ("the hypos and low spells on insulin are worse.", "low"),
    ("i didnt sleep at all well on the plane.", "sleep"),
    ("our cat sleeps most of the day on the sofa.", "sleeps"),
    ("my hair will fall out of the clip if i run.", "hair"),
    ("a change in his vision for the company.", "vision"),
    ("my calcium and vitamin D came back fine.", "calcium"),
    ("treated with carefully adjusted levels of vitamin D and calcium.", "calcium"),
])
def test_left_alone(nlp, text, word):
    assert not any(word in e.text.lower().split() for e in nlp(text).ents if e.label_ != "ANATOMY"), labelled(nlp, text)
