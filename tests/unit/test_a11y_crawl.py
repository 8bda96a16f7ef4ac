"""The accessibility crawl's reading of a page (support/a11y/a11y_crawl.py, issue 24): links a script posts
(办理入口 since issue 21) are followed as posts too, and the once-per-run key of a page."""

from support.a11y.a11y_coverage import work_key
from support.a11y.a11y_crawl import _PageParts


def test_a_link_the_script_posts_is_both_a_link_and_a_post_with_its_token():
    parts = _PageParts()
    parts.feed(
        '<main><a href="/services/hgr">人类遗传资源</a>'
        '<a class="button" href="/services/hgr/enter" data-post="tok123">办理入口</a>'
        '<a href="/files/a.pdf" download>下载</a></main><footer>网站标识码：bm06000001</footer>'
    )
    assert parts.links == ["/services/hgr", "/services/hgr/enter"]
    assert parts.post_links == [("/services/hgr/enter", "tok123")]
    assert "".join(parts.footer) == "网站标识码：bm06000001"


def test_a_page_is_done_once_per_template_or_elsewhere_per_path_shape():
    assert work_key("hgr/project.html", "http://127.0.0.1:1/systems/hgr/projects/3") == "hgr/project.html"
    # A portal that does not name its templates (staging): pages differing only by a number count once.
    assert work_key(None, "https://staging/systems/hgr/projects/3") == work_key(
        None, "https://staging/systems/hgr/projects/4"
    )
    assert work_key(None, "https://staging/online") != work_key(None, "https://staging/online/info")
