"""Exceptions raised by the library; the CLI turns them into one line on stderr."""
from __future__ import annotations


class StanceError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(StanceError):
    """A document cannot be read: missing, binary, undecodable, empty, a directory…"""


class ConfigError(StanceError):
    """A speakers file, rules file or option is malformed (the message names file and line)."""


class AnnotationError(StanceError):
    """An annotation file is malformed (the message names file and line)."""


class ModelError(StanceError):
    """A model file is missing, truncated, tampered with, or was built by other versions."""


class OutputError(StanceError):
    """An output cannot be written (exists without --force, unwritable path…)."""
