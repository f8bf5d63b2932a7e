"""Annotation corpus shipped with the package (installed as ``stance.corpus``)."""
