"""Suite infrastructure that is not a page: target, test-API client, data factories, reporting.
Nothing here imports mock_portal: the suite talks to any portal over HTTP only."""
