"""Test data: unique identities with valid check digits, personas and actors, documents for uploads, the suite's
own working-day reckoning.
"""
