"""Content hashes, partition keys and the on-disk store behind ``qatext annotate``."""
from __future__ import annotations

import numpy as np
import pandas as pd

from qatext.annotate import store
from qatext.annotate.fingerprint import partition_key, pipeline_fingerprint, record_hashes

FIELDS = ("question", "answer")


def frame(**changes) -> pd.DataFrame:
    rows = {"record_id": ["a", "b", "c"], "question": ["My knee hurts.", "Fever for 3 days", None],
            "answer": ["Rest it.", "", "See a doctor."]}
    rows.update(changes)
    return pd.DataFrame(rows)


def test_record_hash_follows_id_and_annotated_text_only():
    base, words = record_hashes(frame(), fields=FIELDS)
    assert base.dtype == np.uint64 and len(set(base.tolist())) == 3
    assert words == 3 + 2 + 4 + 3
    edited, _ = record_hashes(frame(question=["My knee hurts!", "Fever for 3 days", None]), fields=FIELDS)
    assert edited[0] != base[0] and (edited[1:] == base[1:]).all()
    renamed, _ = record_hashes(frame(record_id=["a", "b", "z"]), fields=FIELDS)
    assert renamed[2] != base[2] and (renamed[:2] == base[:2]).all()
    # Missing and blank text annotate alike, so they hash alike.
    blank, _ = record_hashes(frame(answer=["Rest it.", None, "See a doctor."]), fields=FIELDS)
    assert (blank == base).all()
    # Text moved from one field to the other is a different record.
    swapped, _ = record_hashes(frame(question=["Rest it.", "Fever for 3 days", None],
                                     answer=["My knee hurts.", "", "See a doctor."]), fields=FIELDS)
    assert swapped[0] != base[0]
    assert (record_hashes(frame(), fields=("question",))[0] != base).all()


def test_partition_key_covers_pipeline_order_and_extras():
    hashes, _ = record_hashes(frame(), fields=FIELDS)
    key = partition_key(hashes, fingerprint="f1")
    assert key == partition_key(hashes.copy(), fingerprint="f1")
    assert key != partition_key(hashes, fingerprint="f2")
    assert key != partition_key(hashes[::-1], fingerprint="f1")
    assert key != partition_key(hashes, fingerprint="f1", extra=["file.xml: unreadable"])


def test_pipeline_fingerprint_depends_on_options_not_on_speed_settings():
    a = pipeline_fingerprint({"fields": ["question", "answer"], "tag_field": "question", "load": {}})
    assert a == pipeline_fingerprint({"fields": ["question", "answer"], "tag_field": "question", "load": {}})
    assert a != pipeline_fingerprint({"fields": ["question", "answer"], "tag_field": "question",
                                      "load": {"topics": False}})
    assert a != pipeline_fingerprint({"fields": ["question"], "tag_field": "question", "load": {}})


def test_commit_marker_index_and_stale_cleanup(tmp_path):
    from qatext.schema import records_to_frame

    store.prepare(tmp_path)
    (tmp_path / "entities" / ".part-00000-x.parquet.tmp-123").write_bytes(b"half written")
    store.prepare(tmp_path)  # a killed run's temporary files go
    assert not list(tmp_path.rglob(".part-*"))

    records = records_to_frame([{"record_id": "r1", "source": "t", "question": "Q?"},
                                {"record_id": "r2", "source": "t", "question": "Q2?"}])
    hashes = np.array([11, 22], dtype=np.uint64)
    entities = pd.DataFrame([("r2", "question", 0, 2, "Q2", "SYMPTOM", None, None, "present", "patient", "", "", None, None, None)],
                            columns=store.arrow_schema("entities").names)
    empty = {t: pd.DataFrame(columns=store.arrow_schema(t).names) for t in ("tags", "errors")}
    assert store.committed(tmp_path, "part-00000-aaaa") is None
    store.commit_partition(tmp_path, "part-00000-aaaa", records=records, tables={"entities": entities, **empty},
                           hashes=hashes, marker={"pipeline_fingerprint": "fp", "counts": {}})
    assert store.committed(tmp_path, "part-00000-aaaa")["pipeline_fingerprint"] == "fp"

    index = store.HashIndex(tmp_path, fingerprint="fp")
    assert index.lookup(np.array([22, 33, 11], dtype=np.uint64)).tolist() == [0, -1, 0]
    assert len(store.HashIndex(tmp_path, fingerprint="other")) == 0  # another pipeline lends nothing
    rows = store.read_rows(tmp_path, "part-00000-aaaa", "entities", ["r2"])
    assert rows.values.tolist() == [["r2", "question", 0, 2, "Q2", "SYMPTOM", None, None, "present", "patient", "", "", None, None, None]]
    assert store.read_table(tmp_path, "entities")["start"].dtype == np.int64

    assert store.remove_stale(tmp_path, keep=set()) == 1
    assert not list((tmp_path / "entities").iterdir()) and store.committed_names(tmp_path) == []
