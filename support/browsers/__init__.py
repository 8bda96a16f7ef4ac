"""Browsers: which executable to launch, which browsers a run and a scenario may use, the browsers a scenario
speaks of, native dialogs.
"""
