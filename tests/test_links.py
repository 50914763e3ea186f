"""Every internal link in the built site leads somewhere: pages, stylesheets, scripts, pictures, #anchors,
the addresses in the search indexes and sitemaps, and links to the site's own public address
(canonical, hreflang, og:url). Links to other sites are not followed (the tests run offline)."""

from __future__ import annotations

from conftest import FIXTURE
from quality import broken_links


def site_url_of_sample() -> str:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    with open(f"{FIXTURE}/mkdocs.yml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=Loader)["site_url"]


def test_every_internal_link_and_anchor_resolves(site_dir):
    problems = broken_links(site_dir, site_url_of_sample())
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:60])
