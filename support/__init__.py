"""Suite infrastructure that is not a page, one subpackage a concern: target/ (the portal under test and how
the suite reaches it), run/ (fixtures and how a run is organised), browsers/, a11y/, reporting/ (evidence),
data/ and seeding/ (test data), gherkin/ (tags, step patterns, the FAQ catalog).
Nothing here imports mock_portal: the suite talks to any portal over HTTP only."""
