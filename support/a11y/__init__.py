"""Accessibility: axe-core checks, the crawl of linked pages, Chinese rule explanations, template coverage per
browser.
"""
