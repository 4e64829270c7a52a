"""An optional trainable topic classifier for users who have labelled data of their own.

The default tagger needs no training; where a corpus carries labels (a forum's communities,
a site's sections), :class:`TopicClassifier` learns them: TF-IDF word and character n-grams
and a logistic regression (scikit-learn), saved and loaded with :mod:`pickle`. Deterministic:
the solver is seeded with ``seed`` (stored on the model and in its metadata).

    model = TopicClassifier(seed=13).fit(train.text, train.specialty)
    model.save("specialty.pkl"); model = TopicClassifier.load("specialty.pkl")
    labels, scores = model.predict(test.text)
"""
from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np

FORMAT = "qatext-topic-classifier/1"


class TopicClassifier:
    """TF-IDF + logistic regression over any label set (specialty, intent, or the user's own)."""

    def __init__(self, *, seed: int = 13, c: float = 4.0, max_features: int = 200_000):
        self.seed = seed
        self.c = c
        self.max_features = max_features
        self.pipeline = None

    def fit(self, texts, labels) -> TopicClassifier:
        """Fit on parallel sequences of texts and labels; returns self."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, make_pipeline

        texts, labels = [str(t) for t in texts], [str(y) for y in labels]
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        if len(set(labels)) < 2:
            raise ValueError("need at least two distinct labels to fit a classifier")
        features = FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_features=self.max_features)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                      max_features=self.max_features)),
        ])
        model = LogisticRegression(C=self.c, max_iter=2000, random_state=self.seed)
        self.pipeline = make_pipeline(features, model).fit(texts, labels)
        return self

    @property
    def labels(self) -> list[str]:
        self._check_fitted()
        return list(self.pipeline.classes_)

    def predict(self, texts) -> tuple[list[str], np.ndarray]:
        """Top label and its probability for each text."""
        probabilities = self.predict_proba(texts)
        best = probabilities.argmax(axis=1)
        return [self.labels[i] for i in best], probabilities[np.arange(len(best)), best]

    def predict_proba(self, texts) -> np.ndarray:
        """Probabilities, one column per label in :attr:`labels` order."""
        self._check_fitted()
        return self.pipeline.predict_proba([str(t) for t in texts])

    def save(self, path: str | Path) -> Path:
        self._check_fitted()
        path = Path(path)
        with path.open("wb") as handle:
            pickle.dump({"format": FORMAT, "seed": self.seed, "c": self.c, "max_features": self.max_features,
                         "pipeline": self.pipeline}, handle)
        return path

    @classmethod
    def load(cls, path: str | Path) -> TopicClassifier:
        """Load a model written by :meth:`save` (pickle: only load files you trust)."""
        path = Path(path)
        with path.open("rb") as handle:
            state = pickle.load(handle)
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            raise ValueError(f"{path}: not a qatext topic classifier ({FORMAT})")
        model = cls(seed=state["seed"], c=state["c"], max_features=state["max_features"])
        model.pipeline = state["pipeline"]
        return model

    def _check_fitted(self) -> None:
        if self.pipeline is None:
            raise RuntimeError("TopicClassifier is not fitted: call fit() or load() first")
