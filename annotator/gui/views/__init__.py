"""The corpus views, one module a tab; ``container.py`` puts them together."""
