"""`msvitd strength` as a user and other tools meet it: line alignment, bad input, pipes, languages."""

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from msvitd.cli import app


def run(*args, stdin=None):
    r = CliRunner().invoke(app, ["strength", *args], input=stdin, env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert "Traceback" not in (r.stderr or "")
    return r


# lines of sentences, blanks and odd characters, but no line breaks inside a line
LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
               max_size=60) | st.sampled_from(["", "   ", "Vitamin D may reduce relapses.", "It was not linked to MS."])


@settings(max_examples=40, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_json_has_one_record_per_input_line_in_order(lines):
    text = "".join(line + "\n" for line in lines)
    r = run("-", "--format", "json", stdin=text)
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [row["line"] for row in rows] == list(range(1, len(lines) + 1))
    for row, line in zip(rows, lines):
        assert row["text"] == line.strip()
        assert row["empty"] == (not line.strip())
        assert (row["strength"] is None) == (not line.strip())


def test_jsonl_and_text_keep_empty_lines_too():
    text = "Salt raises blood pressure.\n\nTea was linked to fewer strokes.\n"
    rows = [json.loads(x) for x in run("-", "-f", "jsonl", stdin=text).stdout.splitlines()]
    assert [r["strength"] for r in rows] == ["direct_causal", None, "correlational"]
    out = run("-", stdin=text).stdout.splitlines()
    assert len(out) == 3 and out[1] == "" and out[0].startswith("direct_causal")


def test_crlf_and_a_missing_final_newline_count_lines_as_editors_do():
    rows = json.loads(run("-", "-f", "json", stdin="Salt raises blood pressure.\r\n\r\nNo claim here").stdout)
    assert [r["line"] for r in rows] == [1, 2, 3] and rows[2]["text"] == "No claim here"


def test_a_binary_file_is_refused_in_one_line(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    r = run(str(path))
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith(f"msvitd strength: {path}:") and "binary" in r.stderr


def test_bytes_that_are_not_utf8_are_refused_with_their_place(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Salt raises blood pressure.\nCaf\u00e9 reduces sleep.\n".encode("latin-1"))
    r = run(str(path))
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == f"msvitd strength: {path}:2:4: not UTF-8 text (byte 0xe9); convert it first, e.g. iconv -f latin1 -t utf-8\n"


def test_a_missing_file_is_a_usage_error(tmp_path):
    r = run(str(tmp_path / "nope.txt"))
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "no such file" in r.stderr


def test_a_language_msvitd_does_not_read_says_so_in_one_line():
    r = run("-", "--lang", "xx", stdin="Un texte.\n")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    assert r.stderr.startswith("msvitd strength: --lang: unknown language 'xx'; msvitd reads en, fr, de, es")


def test_other_languages_are_read_by_rules_not_by_the_english_model():
    r = run("-", "--lang", "fr", "-f", "json", stdin="Le café réduit le risque.\n")
    if r.exit_code == 2:  # no French cue data in this checkout yet
        assert "no cue data for French (fr) yet" in r.stderr
    else:
        assert json.loads(r.stdout)[0]["source"] == "rules"


def test_help_states_the_conventions():
    out = " ".join(run("--help").stdout.split())
    assert "\"X can reduce Y\" is conditional causal" in out
    assert "negated relation" in out and "none" in out


def test_yu2019_convention_and_rules_flags():
    text = "Coffee was not associated with gout.\n"
    assert json.loads(run("-", "-f", "json", stdin=text).stdout)[0]["strength"] == "none"
    assert json.loads(run("-", "-f", "json", "--convention", "yu2019", stdin=text).stdout)[0]["strength"] == "correlational"
    assert json.loads(run("-", "-f", "json", "--rules", stdin=text).stdout)[0]["source"] == "rules"


def test_a_bad_extra_lexicon_is_one_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("causal: [unclosed\n", encoding="utf-8")
    r = run("-", "--lexicon", str(bad), stdin="x\n")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "not valid YAML" in r.stderr


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("Salt raises blood pressure.\n" * 20000, encoding="utf-8")
    cmd = f"'{sys.executable}' -m msvitd strength --lang en '{path}' | head -1"  # (no language note)
    p = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parent.parent)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("direct_causal") and p.stderr == ""
