"""The corpus views, one module a tab; ``annotator.gui.corpus_views`` puts them together."""
