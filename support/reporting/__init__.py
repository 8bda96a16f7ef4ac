"""Reporting and evidence: Allure labels and attachments, what a reviewer reads first, skipped scenarios,
failures told on the Gherkin line, secrets kept out of reports.
"""
