import pytest

from msvitd.text.source import SourceError, html_to_text, read_article

PAGE = """<!doctype html><html><head><title>Vitamin D and MS</title><script>var x=1;</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Vitamin D may slow MS</h1>
<p>A French trial of 316 adults with a first episode of MS-like symptoms found fewer new lesions with vitamin D.</p>
<p>Relapse rates did not differ between the groups, and researchers said larger trials are needed before
anyone changes treatment.</p>
<p>The study was published in JAMA and was funded by the French health ministry's research programme.</p>
</article><footer>Copyright 2025. All rights reserved.</footer></body></html>"""


def test_html_main_text_is_extracted(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE)
    text = read_article(str(f))
    assert "fewer new lesions" in text and "Relapse rates did not differ" in text
    assert "var x" not in text and "Home" not in text.split("\n")[0]


def test_plain_fallback_strips_tags():
    assert "fewer new lesions" in html_to_text("<p>fewer <b>new</b> lesions</p>")


def test_txt_and_md_are_read_as_written(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Title\n\nBody text.\n")
    assert read_article(str(f)) == "# Title\n\nBody text.\n"


def test_unreadable_inputs_are_usage_errors(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_article(str(tmp_path / "missing.txt"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(SourceError, match="binary"):
        read_article(str(tmp_path / "bin.txt"))
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(SourceError, match="empty"):
        read_article(str(tmp_path / "empty.txt"))
    with pytest.raises(SourceError, match="folder"):
        read_article(str(tmp_path))
