"""sitediff: two builds compared page by page; it finds what a reader would see differ, and says when all is alike."""

from __future__ import annotations

import os

from torv import sitediff

PAGE = """<!doctype html><html lang="da"><head><title>{title}</title>
<link rel="canonical" href="https://x.example/da/"></head>
<body><nav><a href="../sv/">Svenska</a></nav>
<article class="md-content__inner"><h1>{title}</h1><p>{text} <a href="{href}">mere</a></p></article></body></html>
"""


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def site(root, **kw):
    values = {"title": "Forside", "text": "Velkommen", "href": "nyheder/"} | kw
    write(root, "da/index.html", PAGE.format(**values))
    write(root, "da/feed.xml", "<feed>\n<title>Nyheder</title>\n</feed>\n")
    return str(root)


def test_identical_sites(tmp_path, capsys):
    a, b = site(tmp_path / "a"), site(tmp_path / "b")
    assert sitediff.main([a, b]) == 0
    assert capsys.readouterr().out.startswith("identical: 2 files identical (1 HTML pages)")


def test_what_a_reader_sees_differ(tmp_path, capsys):
    a, b = site(tmp_path / "a"), site(tmp_path / "b", title="Hjem", href="nyt/")
    write(b, "da/feed.xml", "<feed>\n<title>Nyt</title>\n</feed>\n")
    write(b, "sv/index.html", "<html></html>")
    assert sitediff.main([a, b]) == 1
    out = capsys.readouterr().out
    assert f"only in {b}: sv/index.html" in out
    assert "differs: da/index.html" in out and "-h1 Forside" in out and "+h1 Hjem" in out
    assert "-mere -> nyheder/" in out and "+mere -> nyt/" in out
    assert "differs: da/feed.xml" in out and "+<title>Nyt</title>" in out
    assert out.strip().splitlines()[-1].startswith("DIFFERENT: 0 files identical")


def test_bytes_that_no_reader_sees(tmp_path, capsys):
    a = site(tmp_path / "a")
    b = site(tmp_path / "b")
    write(
        b, "da/index.html", PAGE.format(title="Forside", text="Velkommen", href="nyheder/").replace("<nav>", "\n<nav>")
    )
    assert sitediff.main([a, b, "--ignore", r"\.xml$"]) == 1
    assert "bytes differ, but not in what a reader sees" in capsys.readouterr().out


def test_the_article_is_read_apart_from_the_page(tmp_path):
    view = sitediff.read_page(PAGE.format(title="Forside", text="Velkommen", href="x/"))
    assert view.title == ("Forside",)
    assert view.headings == ("h1 Forside",)
    assert view.links == ("Svenska -> ../sv/", "mere -> x/")
    assert view.text == ("Forside", "Velkommen", "mere")
    assert view.structure == ("article.md-content__inner", "  h1", "  p", "    a")
    assert view.head == ('link rel="canonical" href="https://x.example/da/"',)
