"""The project's tools, run from the repository root as modules: `python -m tools.<name>` (the
Makefile's targets do), so they import the suite's packages without editing sys.path."""
