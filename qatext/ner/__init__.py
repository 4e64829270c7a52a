"""Medical NER as spaCy components: entities, concept ids, assertion status, abbreviations."""
from qatext.ner.extensions import ASSERTIONS, EXPERIENCERS
from qatext.ner.lexicon import LABELS
from qatext.ner.pipeline import load

__all__ = ["load", "LABELS", "ASSERTIONS", "EXPERIENCERS"]
