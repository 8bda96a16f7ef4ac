"""Every text a portal user sees, one module per domain (auth, sms, review …).

The suite never imports these: its features assert the literal texts, so a changed message is
caught by a failing scenario. Add a domain's texts as its own module in this package.
"""
