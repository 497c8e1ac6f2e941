"""Every code example of the lesson. Run one with ``python -m snippets.<topic>.<name>``."""
