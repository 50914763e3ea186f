"""The sanitiser and the validator share one allowlist: the sanitiser (finish/sanitize.py) leaves nothing that
runs or loads from another host, whatever it is given; what the validator (safety/body.py) accepts, the
sanitiser keeps; the content markers cannot be faked."""

from __future__ import annotations

import html.parser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from torv.finish.sanitize import UnmarkedContent, begin_marker, clean_fragment, end_marker, sanitize_page
from torv.problems import ERROR
from torv.safety import allowlist
from torv.safety.body import render, walk

HOSTILE = [
    "<img src=x ONERROR=alert(1)>",
    '<img alt="x"\nonerror="alert(1)">',
    "<svg/onload=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    "<svg><animate attributeName=href values=javascript:alert(1) /><a><text>x</text></a></svg>",
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href=" java script:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "<script>alert(1)</script>",
    "<iframe srcdoc='<script>alert(1)</script>'>",
    '<object data="x"></object>',
    '<embed src="x">',
    '<form action="https://evil.example/"><button>x</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "<style>*{background:url(https://evil.example/x)}</style>",
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<p style="background:url(https://evil.example/x)">x</p>',
    '<a href="https://a.example/" ping="https://evil.example/">x</a>',
    '<svg><image href="https://evil.example/x.png"/></svg>',
    '<img src="https://evil.example/x.png">',
    '<img src="//evil.example/x.png">',
    '<img src="/\\evil.example/x.png">',
    '<img srcset="https://evil.example/x 2x">',
    '<video src="https://evil.example/x.mp4"></video>',
    '<audio src="https://evil.example/x.mp3"></audio>',
    '<picture><source srcset="https://evil.example/x.png"></picture>',
    '<img src="data:image/png;base64,AAAA">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><img src=x onerror=alert(1)></template>",
    '<div id="__config">x</div>',
    '<a class="md-header">x</a>',
    '<a data-md-component="search">x</a>',
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<!---><img src=x onerror=alert(1)>-->",
    "<!-- x --!><img src=x onerror=alert(1)>-->",
    '<a href="https://a.example/" target="_blank">x</a>',
]


class Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, tuple]] = []
        self.comments = 0

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, tuple(sorted(attrs))))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.comments += 1


def elements(fragment: str) -> Elements:
    parsed = Elements()
    parsed.feed(fragment)
    parsed.close()
    return parsed


def assert_harmless(cleaned: str) -> None:
    parsed = elements(cleaned)
    assert parsed.comments == 0, cleaned
    for tag, attrs in parsed.found:
        assert tag in allowlist.ELEMENTS, cleaned
        for name, value in attrs:
            assert allowlist.attribute_problem(tag, name, value or "") is None, (cleaned, name, value)
            assert not name.startswith("on"), cleaned


@pytest.mark.parametrize("fragment", HOSTILE)
def test_the_sanitiser_leaves_nothing_that_runs_or_loads(fragment):
    cleaned = clean_fragment(fragment)
    assert_harmless(cleaned)
    assert "alert" not in "".join(v or "" for _, attrs in elements(cleaned).found for _, v in attrs)


@pytest.mark.parametrize("fragment", HOSTILE)
def test_the_validator_reports_every_hostile_fragment(fragment):
    assert [f for f in walk(fragment).findings if f.severity == ERROR], fragment


MARKDOWN = """# Titel

Tekst med *kursiv*, **fed**, `kode`, [et link](https://havbjerg.example/ "titel"), [mail](mailto:a@b.dk),
![Et billede](images/x.png){ width=100 } og en fodnote[^1].

!!! note "Bemærk"
    Indhold.

??? info "Mere"
    Detaljer.

| Dag | Tid |
|:---|---:|
| Mandag | 8-16 |

Ord
:   Forklaring

*[HK]: Havbjerg Kommune

HK har `<kode>`.

```python
x = 1 < 2
```

> Citat

1. Et
2. To

[^1]: Fodnoten.
"""


def test_what_markdown_writes_is_kept_whole():
    rendered = render(
        MARKDOWN,
        [
            "abbr",
            "attr_list",
            "admonition",
            "def_list",
            "footnotes",
            "tables",
            {"toc": {"permalink": False}},
            "pymdownx.details",
            "pymdownx.superfences",
        ],
    )
    findings = walk(rendered).findings
    assert not findings, findings
    assert elements(clean_fragment(rendered)).found == elements(rendered).found


def test_torvs_own_pictures_and_document_links_are_kept_whole():
    """The markup the compile step writes into a text (pages/images.picture_html: <picture> with a WebP <source>,
    srcset, sizes, width, height, lazy loading, a figure with its caption; pages/body.py: a document's link with its
    type and size) is on the one allowlist: the validator has nothing to report and the sanitiser keeps all of it."""
    from torv.pages.images import SIZES, picture_html
    from torv.pages.parts import Image

    view = Image(
        src="billeder/forum.480w.jpg",
        alt="Deltagere ved forummødet",
        width=2400,
        height=1600,
        srcset="billeder/forum.480w.jpg 480w, billeder/forum.960w.jpg 960w, billeder/forum.jpg 2400w",
        webp_srcset="billeder/forum.480w.webp 480w, billeder/forum.960w.webp 960w",
        sizes=SIZES,
        loading="lazy",
        caption="Forummødet <i>i oktober</i> & bagefter",
        credit=None,
    )
    document = '<p><a href="filer/program.pdf">Programmet</a> (PDF, 118 kB)</p>'
    for fragment in (picture_html(view, figure=True), picture_html(view, figure=False), document):
        assert not walk(fragment).findings, fragment
        assert elements(clean_fragment(fragment)).found == elements(fragment).found, fragment
    kept = elements(clean_fragment(picture_html(view, figure=True))).found
    assert [tag for tag, _ in kept] == ["figure", "picture", "source", "img", "figcaption"]
    source, img = dict(kept[2][1]), dict(kept[3][1])
    assert source["type"] == "image/webp" and source["srcset"] == view.webp_srcset and source["sizes"] == SIZES
    assert img["srcset"] == view.srcset and img["loading"] == "lazy" and img["decoding"] == "async"
    assert (img["width"], img["height"]) == ("2400", "1600")
    # the same attributes cannot carry a load from another host or a value Torv never writes
    for hostile in (
        '<picture><source type="image/webp" srcset="x.webp 480w, https://evil.example/y.webp 960w"></picture>',
        '<img src="x.jpg" srcset="x.jpg 1x, //evil.example/y.jpg 2x" alt="x">',
        '<picture><source type="text/html" srcset="x.webp"></picture>',
        '<img src="x.jpg" sizes="url(https://evil.example/)" alt="x">',
    ):
        assert walk(hostile).findings, hostile
        assert_harmless(clean_fragment(hostile))
        assert "evil.example" not in clean_fragment(hostile) and "text/html" not in clean_fragment(hostile)


ATOMS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<em>",
        "</em>",
        "<a href='https://havbjerg.example/'>",
        "<a href='x/'>",
        "</a>",
        "<img src='images/x.png' alt='x'>",
        "<span class='note'>",
        "</span>",
        "<details open>",
        "</details>",
        "<td style='text-align: center;'>",
        "<div id='afsnit'>",
        "</div>",
        "tekst",
        " ",
        "&amp;",
        "&lt;",
        "\n",
        "<img src=x onerror=alert(1)>",
        "<a href='javascript:alert(1)'>",
        "<script>alert(1)</script>",
        "<!-- c -->",
        "<svg onload=alert(1)>",
        "<style>x{}</style>",
        "<a href='//evil.example/'>",
        "<img src='https://e.example/x'>",
        "<p style='color:red'>",
        "<u>",
        "</u>",
        "<font>",
        "<iframe>",
        "<math>",
        "<table>",
        "<tr>",
        "</table>",
    ]
)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ATOMS, max_size=25).map("".join))
def test_one_allowlist_for_both(fragment):
    """Whatever the fragment: the sanitised HTML is harmless; and where the validator finds nothing to
    report, the sanitiser removes no element and no attribute."""
    cleaned = clean_fragment(fragment)
    assert_harmless(cleaned)
    if not walk(fragment).findings:
        kept = {(t, tuple(n for n, _ in a)) for t, a in elements(cleaned).found}
        given_ = {(t, tuple(n for n, _ in a)) for t, a in elements(fragment).found}
        assert given_ <= kept | {(t, a) for t, a in given_ if t in ("tr", "td", "table")}, (fragment, cleaned)


def test_content_cannot_end_its_region_early():
    nonce = "0123abcd"
    page = (
        f"<main>{begin_marker(nonce)}<p>a</p><!--torv:end:guess--><script>alert(1)</script>"
        f"{end_marker(nonce)}<script src='assets/x.js'></script></main>"
    )
    out = sanitize_page(page, nonce)
    assert "alert" not in out and "torv:" not in out and "<script src=" in out
    for broken in (
        f"{begin_marker(nonce)}<p>x</p>",
        f"<p>x</p>{end_marker(nonce)}",
        f"{end_marker(nonce)}{begin_marker(nonce)}",
    ):
        with pytest.raises(UnmarkedContent):
            sanitize_page(broken, nonce)


def test_one_finishing_pass_theme_fixes_then_content_then_policy():
    """finish/run.py, for either renderer: the theme's markup fixed, the marked content cleaned, then the policy
    with the hashes of the inline scripts as they are published."""
    from torv.finish.csp import source_hash
    from torv.finish.run import finish_page
    from torv.finish.theme import Texts

    nonce = "89abcdef"
    page = (
        '<html><head><meta charset="utf-8"><script>var theme = 1</script></head><body>'
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        f'<article>{begin_marker(nonce)}<p onclick="x()">Tekst</p><img src=x onerror=alert(1)>'
        f"<script>alert(2)</script>{end_marker(nonce)}</article></body></html>"
    )
    out = finish_page(page, nonce, Texts(skip="Gå til indholdet", menu="Navigation", search="Søg"))
    assert "autocomplete" not in out and "onclick" not in out and "onerror" not in out and "alert" not in out
    assert "torv:" not in out and "<p>Tekst</p>" in out
    policy = out.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert f"script-src 'self' {source_hash('var theme = 1')};" in policy
