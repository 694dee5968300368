"""Nothing a user wrote is lost: no overwrite without --force, no half-written file, no stray temp file."""

from __future__ import annotations

import os

import pytest

from msvitd.writing import WriteRefused, write_atomic


def test_refuses_an_existing_file_and_leaves_it_untouched(tmp_path):
    target = tmp_path / "mine.yaml"
    target.write_text("precious\n")
    with pytest.raises(WriteRefused, match=r"mine\.yaml: already exists; use --force to overwrite it"):
        write_atomic(target, "new\n")
    assert target.read_text() == "precious\n"


def test_force_replaces_and_keeps_the_files_permissions(tmp_path):
    target = tmp_path / "mine.yaml"
    target.write_text("old\n")
    os.chmod(target, 0o600)
    write_atomic(target, "new\n", force=True)
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["mine.yaml"]  # no temporary file left beside it


def test_a_folder_or_a_missing_folder_is_refused_with_its_name(tmp_path):
    with pytest.raises(WriteRefused, match="is a directory"):
        write_atomic(tmp_path, "x", force=True)
    with pytest.raises(WriteRefused, match=r"nowhere: no such folder"):
        write_atomic(tmp_path / "nowhere" / "f.yaml", "x")


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    target = tmp_path / "f.yaml"

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(WriteRefused, match="f.yaml: cannot write: No space left on device"):
        write_atomic(target, "x")
    assert os.listdir(tmp_path) == []
