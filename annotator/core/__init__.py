"""The headless core of Annotator: storage, import, export and suggestions.

Nothing in this package imports Qt, so it can be used from scripts and notebooks.
"""
