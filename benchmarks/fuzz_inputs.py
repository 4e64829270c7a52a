"""Fuzz the readers and the annotator with generated bad input; check that nothing is lost.

Generates, from one seed, bad Q&A pages, JSONL lines, CSV rows, ask-a-doctor JSON objects,
COVID-Dialogue blocks and MedQuAD XML documents (HTML, control characters, invalid UTF-8,
binary files, CJK/Cyrillic text, empty and 1 MB+ texts, impossible dates, wrong JSON types,
broken syntax, shuffled and repeated page sections, billion-laughs and external-entity XML,
duplicates). Each format is read with ``qatext.read_corpus(errors="collect")`` and checked:

    records in == rows + error entries          (per format; XML counts a refused document once)

then every row goes through ``qatext.annotate.annotate_frame`` and:

    records in == annotated + read errors + annotate errors, no id in both, none in neither

Usage: python benchmarks/fuzz_inputs.py [--seed N] [--scale 1.0] [--no-annotate]
Exit code 1 when an invariant fails or an exception escapes.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BASE_PAGE = REPO / "tests" / "fixtures" / "corpus" / "pages" / "001_knee.txt"

ENGLISH = [
    "My right knee hurts after running, should I rest?", "i hav a hedache for 3 dayz wat to do", "fever cough",
    "Is it normal to feel dizzy after taking metformin 500 mg?", "My 5 year old son has a rash on his arm.",
    "Pain in chest when breathing deeply, no fever.", "ALS?",
]
NASTY = [
    "", "   \n\t  ", "\u200b\u200b", "<p>My knee&nbsp;hurts<br>after running &amp; cycling</p>",
    "<script>alert(1)</script><b>Rash</b> on my <i>arm</i>", "<div class=\"q\">Fever &#39;39&#39; C</div>",
    "我最近膝盖疼，跑步以后更严重，需要做核磁共振检查吗？", "У меня болит колено после бега, что делать?",
    "أعاني من ألم في الركبة", "Tengo dolor de rodilla después de correr, ¿qué debo hacer? Me duele mucho por la noche.",
    "Knee\x00pain\x1b[31m red\x07", "hoursâ\x80¦doctors itâ\x80\x99s", "\u202eevil rtl\u202c text", "e\u0301\u0301\u0301" * 20,
    "😀🦵💊" * 10, "1234567890", "&&&&<<<<>>>>", "a<b and b>c, take <5 mg", "see <link> for more",
    "2023/02/30", "\ufeffBOM inside", "line\u2028separator\u2029para", "\ud800 lone surrogate",
    # digits that are no decimal digits ("²" passes str.isdigit(), int() raises) and digits of other scripts
    "sleeping ² hours a night, going ³ times a day, slept 2 to ⁴ hrs", "sleeping ١٢ hours, ½ hour in bed",
]
BAD_DATES = ["2023/02/30", "31/31/2023", "0000-00-00", "tomorrow", "03/01/2023", "1899-01-01", "2999-12-31", "",
             "2023-13-45", "12", "2023/01/03"]


def nasty_text(rng: random.Random, *, big: bool = False) -> str:
    if big:
        return "My knee hurts when I run downhill. " * (1_050_000 // 35)
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(ENGLISH)
    if kind < 0.85:
        return rng.choice(NASTY)
    return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 0x3000), rng.randrange(0x4e00, 0x9fff)]))
                   for _ in range(rng.randrange(0, 80)))


def to_bytes(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def mangle_bytes(rng: random.Random, data: bytes, inserts=(b"\xff", b"\x00", b"\xc3", b"<", b"&", b"\n"),
                 delete: bool = True) -> bytes:
    for _ in range(rng.randrange(1, 4)):
        pos = rng.randrange(len(data) + 1)
        data = data[:pos] + rng.choice(inserts) + data[pos + (rng.randrange(0, 3) if delete else 0):]
    return data


# -- generators: each returns (files written, records in) ---------------------------------------

def gen_pages(rng, folder: Path, n: int, big_every: int) -> int:
    base = BASE_PAGE.read_text(encoding="utf-8").split("\n")
    for i in range(n):
        lines = list(base)
        for _ in range(rng.randrange(1, 4)):
            if not lines:
                lines = [""]
            op = rng.randrange(9)
            if op == 0 and len(lines) > 1:  # shuffle a few sections
                a, b = sorted(rng.sample(range(len(lines)), 2))
                lines[a:b] = lines[a:b][::-1]
            elif op == 1:  # repeat a section heading
                lines.insert(rng.randrange(len(lines) + 1), rng.choice(["Similar Q&A", "Related FAQ", "More Info",
                                                                      "Reply Date: 2022/11/07", "Share to:"]))
            elif op == 2:
                del lines[rng.randrange(len(lines)):]
            elif op == 3:
                lines[rng.randrange(len(lines))] = nasty_text(rng)
            elif op == 4:
                lines = [f"<p>{line}</p>" if rng.random() < 0.3 else line for line in lines]
            elif op == 5:
                lines[rng.randrange(len(lines))] = "Lin, 20~29 year old female. Ask Date: " + rng.choice(BAD_DATES)
            elif op == 6:
                lines = [nasty_text(rng) for _ in range(rng.randrange(0, 5))]
            else:
                pass
        data = to_bytes("\n".join(lines))
        if big_every and i % big_every == big_every - 1:
            data = data.replace(b"My right knee", to_bytes(nasty_text(rng, big=True)), 1)
        r = rng.random()
        if r < 0.05:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))  # binary or empty
        elif r < 0.15:
            data = mangle_bytes(rng, data)
        (folder / f"{i:05}_page.txt").write_bytes(data)
    return n


def json_record(rng, i: int) -> dict:
    row = {"record_id": f"fz-{i}", "source": "fuzz", "question": nasty_text(rng), "answer": nasty_text(rng),
           "asked_at": rng.choice(BAD_DATES), "tags": ["knee"], "flags": [], "extra": {"i": i}}
    for _ in range(rng.randrange(0, 3)):
        key = rng.choice(["question", "answer", "tags", "flags", "extra", "asked_at", "related", "record_id",
                          "title", "unknown_column"])
        row[key] = rng.choice([None, 42, 3.5, True, [1, {"a": None}], {"x": [1, 2]}, "[not json", "{bad", nasty_text(rng)])
    if rng.random() < 0.05:
        row = {k: v for k, v in row.items() if k != "record_id"}
    return row


def gen_jsonl(rng, folder: Path, files: int, per_file: int, big_every: int) -> int:
    count = 0
    for f in range(files):
        lines = []
        for j in range(per_file):
            i = f * per_file + j
            row = json_record(rng, i)
            if big_every and i % big_every == big_every - 1:
                row["answer"] = nasty_text(rng, big=True)
            if rng.random() < 0.05 and lines:
                lines.append(lines[-1].replace(f'"fz-{i - 1}"', f'"fz-{i}"'))  # same text, another id
                count += 1
                continue
            line = json.dumps(row, ensure_ascii=rng.random() < 0.5)
            r = rng.random()
            if r < 0.08:
                line = line[: rng.randrange(1, len(line))]  # truncated
            elif r < 0.12:
                line = rng.choice(["[1, 2]", "42", "null", '"text"', "{'single': 'quotes'}", "[" * 5000])
            raw = to_bytes(line)
            if rng.random() < 0.05:
                raw = mangle_bytes(rng, raw, inserts=(b"\xff", b"\xc3", b"\x80"))
            lines.append(raw.decode("latin-1"))
            count += 1
        (folder / f"part-{f:03}.jsonl").write_bytes(b"\n".join(line.encode("latin-1") for line in lines) + b"\n")
    return count


def gen_csv(rng, folder: Path, files: int, per_file: int) -> int:
    import csv
    import io

    from qatext.schema import COLUMNS

    count = 0
    for f in range(files):
        out = io.StringIO()
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(COLUMNS)
        for j in range(per_file):
            row = json_record(rng, f * per_file + j)
            values = [json.dumps(row.get(c)) if isinstance(row.get(c), (list, dict)) else
                      ("" if row.get(c) is None else str(row.get(c))) for c in COLUMNS]
            r = rng.random()
            if r < 0.05:
                values = values + ["extra", "fields"]
            elif r < 0.1:
                values = values[: rng.randrange(1, len(values))]
            writer.writerow(values)
            count += 1
        data = out.getvalue().encode("utf-8", errors="surrogatepass")
        if rng.random() < 0.3:  # invalid UTF-8 inside a quoted field: the row survives, flagged
            data = data.replace(b"knee", b"kn\xffee", 1)
        (folder / f"part-{f:03}.csv").write_bytes(data)
    return count


def gen_ask_a_doctor(rng, folder: Path, files: int, per_file: int) -> int:
    count = 0
    for f in range(files):
        items = []
        for j in range(per_file):
            item = {"question": nasty_text(rng), "question_text": nasty_text(rng), "answer": nasty_text(rng),
                    "answer_author": rng.choice(["Dr. Roe", "", None, 7]), "tags": rng.choice([["knee"], "knee", None]),
                    "url": f"https://example.org/{f}/{j}"}
            text = json.dumps(item, ensure_ascii=rng.random() < 0.5)
            r = rng.random()
            if r < 0.1:  # damage inside the object; its opening '{"' and the separator stay
                body = to_bytes(text[2:])
                body = mangle_bytes(rng, body, inserts=(b"\xff", b"oops", b'"', b"\x00", b"]", b"{", b":"))
                text = text[:2] + body.decode("utf-8", errors="replace")
            elif r < 0.13:
                text = text[:-1]  # lost its closing brace
            items.append(text)
        data = "[\n" + ",\n".join(items) + "\n]"
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data) // 2, len(data))]  # truncated file
        count += data.count('\n{"')  # items whose start made it into the file
        (folder / f"site{f:03}QAs.json").write_bytes(to_bytes(data))
    return count


def gen_covid(rng, folder: Path, files: int, per_file: int) -> int:
    count = 0
    for f in range(files):
        blocks = []
        for j in range(per_file):
            turns = [f"{rng.choice(['Patient', 'Doctor', 'Nurse'])}:\n{nasty_text(rng)}" for _ in range(rng.randrange(0, 4))]
            description = [] if rng.random() < 0.1 else [nasty_text(rng)]
            text = "\n".join([f"id={rng.choice([j, j, 18])}", f"https://example.org/{j}", "", "Description",
                              *description, "", *(["Dialogue"] if rng.random() > 0.05 else []), *turns, ""])
            text = "\n".join(line for line in text.split("\n") if not line.strip().startswith("id") or line.startswith("id="))
            blocks.append(text)
        data = to_bytes("\n".join(blocks))
        if rng.random() < 0.3:
            # no deletions: a lost line break would merge two blocks into one
            data = mangle_bytes(rng, data, inserts=(b"\xff", b"\xc3", b"<b>"), delete=False)
        (folder / f"COVID-Dialogue-{f:03}.txt").write_bytes(data)
        # an insertion can land before an 'id=' header, which then is text of the previous block
        count += len(re.findall(rb"(?m)^[ \t]*id\s*=\s*\S+\s*$", data))
    return count


def gen_medquad(rng, root: Path, n: int) -> tuple[int, int]:
    """Returns (documents, pairs in the documents left intact)."""
    from xml.sax.saxutils import escape

    folder = root / "1_Fuzz_QA"
    folder.mkdir()
    intact_pairs = 0
    for i in range(n):
        pairs = rng.randrange(1, 4)
        body = "".join(f'<QAPair pid="{p}"><Question qid="{i}_{p}">{escape(_xml_safe(nasty_text(rng)))}</Question>'
                       f"<Answer>{escape(_xml_safe(nasty_text(rng)))}</Answer></QAPair>" for p in range(pairs))
        xml = to_bytes(f'<?xml version="1.0"?>\n<Document id="{i}" source="FUZZ"><Focus>F</Focus>'
                       f"<QAPairs>{body}</QAPairs></Document>")
        r = rng.random()
        if r < 0.04:
            lol = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10 if k else "lol"}">' for k in range(10))
            xml = xml.replace(b"<Document", to_bytes(f"<!DOCTYPE d [{lol}]>\n<Document"), 1)
        elif r < 0.08:
            xml = xml.replace(b"<Document", b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Document', 1)
        elif r < 0.16:
            xml = xml[: rng.randrange(len(xml))]
        else:
            intact_pairs += pairs
        (folder / f"{i:07}.xml").write_bytes(xml)
    return n, intact_pairs


# Reasons the safety nets give when a reader or the cleaner itself failed (see qatext.corpus).
_INTERNAL = ("unexpected error after", "could not be cleaned", "does not fit the schema")


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff")


# -- run ----------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a fresh one, printed)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the number of generated inputs")
    parser.add_argument("--no-annotate", action="store_true", help="only check the readers")
    parser.add_argument("--keep", type=Path, default=None, help="write the generated files here (kept) to debug")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    print(f"seed: {seed}")
    print(f"machine: {describe()}")

    import pandas as pd

    from qatext import read_corpus
    from qatext.corpus import read_errors_table

    def scaled(n: int) -> int:
        return max(1, round(n * args.scale))

    failures: list[str] = []
    frames = []
    total_in = 0
    read_error_entries: list[dict] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="qatext-fuzz-") as tmp:
        tmp = Path(tmp)
        if args.keep:
            tmp = args.keep
            tmp.mkdir(parents=True, exist_ok=False)
        plans = {
            "pages": lambda d: gen_pages(rng, d, scaled(1500), big_every=scaled(500)),
            "jsonl": lambda d: gen_jsonl(rng, d, scaled(20), 150, big_every=scaled(1500)),
            "csv": lambda d: gen_csv(rng, d, scaled(20), 100),
            "ask-a-doctor": lambda d: gen_ask_a_doctor(rng, d, scaled(20), 100),
            "covid-dialogue": lambda d: gen_covid(rng, d, scaled(10), 100),
            "medquad": lambda d: gen_medquad(rng, d, scaled(600)),
        }
        print(f"{'format':15} {'in':>7} {'rows':>7} {'errors':>7}  check")
        for fmt, generate in plans.items():
            folder = tmp / fmt
            folder.mkdir()
            made = generate(folder)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    df = read_corpus(folder, fmt, errors="collect")
            except Exception:  # noqa: BLE001 - the whole point is that none escapes
                failures.append(f"{fmt}: exception escaped read_corpus:\n{traceback.format_exc()}")
                continue
            errors = df.attrs["errors"]
            if fmt == "medquad":
                documents, intact_pairs = made
                records_in = intact_pairs + len(errors)  # a refused document is one error entry
                ok = len(df) == intact_pairs and all(e["record"] is None for e in errors)
                label = f"{documents} documents; rows == pairs of intact documents"
            else:
                records_in = made
                ok = len(df) + len(errors) == records_in
                label = "in == rows + errors"
            total_in += records_in
            print(f"{fmt:15} {records_in:7} {len(df):7} {len(errors):7}  {label}: {'ok' if ok else 'FAILED'}")
            if not ok:
                failures.append(f"{fmt}: in {records_in} != rows {len(df)} + errors {len(errors)}")
            internal = [e for e in errors if any(m in e["reason"] for m in _INTERNAL)]
            if internal:  # nothing was lost, but a reader or the cleaner has a bug to fix
                failures.append(f"{fmt}: {len(internal)} internal errors, e.g. {internal[0]}")
            if not df["record_id"].is_unique:
                failures.append(f"{fmt}: record ids not unique")
            df = df.assign(record_id=fmt + ":" + df["record_id"])
            frames.append(df)
            read_error_entries.extend(errors)
    rows = pd.concat(frames, ignore_index=True)
    read_errors = read_errors_table(read_error_entries)
    flags = pd.Series([f for fl in rows["flags"] for f in fl]).value_counts()
    print(f"read: {total_in} records in, {len(rows)} rows + {len(read_errors)} read errors "
          f"in {time.perf_counter() - started:.1f} s")
    print("flags: " + ", ".join(f"{k} {v}" for k, v in flags.items() if k in (
        "html_stripped", "control_chars_removed", "mojibake_repaired", "empty_text", "oversized_text", "non_english",
        "invalid_utf8", "invalid_date", "implausible_date", "duplicate_record", "invalid_field", "missing_record_id",
        "sections_out_of_order", "duplicate_section")))

    if not args.no_annotate:
        from qatext.annotate import annotate_frame

        started = time.perf_counter()
        try:
            result = annotate_frame(rows)
        except Exception:  # noqa: BLE001
            failures.append(f"annotate_frame raised:\n{traceback.format_exc()}")
            result = None
        if result is not None:
            ids = set(rows["record_id"])
            failed = set(result.errors["record_id"])
            unknown = failed - ids
            annotated = ids - failed
            in_both = annotated & failed
            neither = ids - annotated - failed
            print(f"annotate: {len(rows)} rows -> {len(annotated)} annotated + {len(failed)} with errors "
                  f"({len(result.errors)} error rows, stages {sorted(set(result.errors['stage']))}), "
                  f"{len(result.entities)} entities, in {time.perf_counter() - started:.1f} s")
            for reason in result.errors["reason"].str.slice(0, 100).value_counts().head(5).index:
                print(f"  annotate error: {reason}")
            total_errors = len(read_errors) + len(failed)
            ok = total_in == len(annotated) + total_errors and not unknown and not in_both and not neither
            print(f"overall: {total_in} in == {len(annotated)} annotated + {len(read_errors)} read errors + "
                  f"{len(failed)} annotate errors: {'ok' if ok else 'FAILED'}")
            if not ok:
                failures.append(f"annotate accounting: unknown ids {len(unknown)}, in both {len(in_both)}, "
                                f"in neither {len(neither)}")
    print(f"generated bad inputs: {total_in}")
    for failure in failures:
        print("FAILURE:", failure)
    print("result:", "FAILED" if failures else "ok (no unhandled exception; every record accounted for)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
