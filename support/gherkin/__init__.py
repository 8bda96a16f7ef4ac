"""The language of the feature files: the tag vocabulary and its registration, step-text patterns and typed
parameters, the portal's vocabulary, nearest-step hints, the FAQ catalog, the message checks of the 那么 steps.
"""
