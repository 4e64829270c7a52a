"""Topic tagging: a specialty and a question intent for every record, with scores and evidence."""
from qatext.topics.labels import INTENTS, SPECIALTIES, specialty_from_label


def tag(*args, **kwargs):
    """See :func:`qatext.topics.tagging.tag` (imported lazily: it loads spaCy)."""
    from qatext.topics.tagging import tag as _tag

    return _tag(*args, **kwargs)


tag.__doc__ = ("Add specialty, specialty_score, intent, intent_score, conditions (and topic_evidence) columns;"
               " see qatext.topics.tagging.tag.")

__all__ = ["INTENTS", "SPECIALTIES", "specialty_from_label", "tag"]
