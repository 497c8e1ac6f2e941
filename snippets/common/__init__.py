"""Helpers shared by all snippets: seeding, device choice, data, plotting style, progress output."""
