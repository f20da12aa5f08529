"""The one exception hierarchy of kgbuild.

Library code raises these; only :mod:`kgbuild.cli` turns them into exit codes and one-line
messages.
"""
from __future__ import annotations

__all__ = [
    "KgbuildError",
    "ConfigError",
    "InputError",
    "OntologyError",
    "KnowledgeBaseError",
    "ExtractionError",
    "StoreError",
    "StoreLockedError",
    "UnknownGraphError",
    "QueryError",
    "ParameterError",
    "EndpointError",
    "HttpStatusError",
    "LoadError",
    "ValidationError",
    "ReasonerError",
    "EvalError",
    "ServeError",
    "TrainError",
    "MissingExtraError",
    "ClusterError",
    "BuildInterrupted",
]


class KgbuildError(Exception):
    """Base class of every error kgbuild raises on purpose. ``exit_code`` is for the CLI."""

    exit_code = 1


class ConfigError(KgbuildError):
    """The configuration file or an option value is invalid."""

    exit_code = 2


class InputError(KgbuildError):
    """An input article or file could not be read or parsed."""


class OntologyError(KgbuildError):
    """The ontology (or an override of it) is missing or malformed."""


class KnowledgeBaseError(KgbuildError):
    """An actor knowledge-base file is missing or malformed."""


class ExtractionError(KgbuildError):
    """The NLP pipeline could not be built or failed on an article."""


class StoreError(KgbuildError):
    """The embedded store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class UnknownGraphError(StoreError):
    """A graph named on the command line (``--graph doc:ID``) is not in the store."""

    exit_code = 2


class QueryError(KgbuildError):
    """A saved query is unknown or malformed, or its evaluation failed."""


class ParameterError(QueryError):
    """A query parameter is unknown, missing or has an invalid value."""

    exit_code = 2


class EndpointError(KgbuildError):
    """A remote SPARQL endpoint is unreachable, refused the request or answered badly."""


class HttpStatusError(EndpointError):
    """A server answered with an error status. ``status`` is the HTTP status and ``headers``
    the answer's headers (lower-case names), for callers that phrase or branch on them."""

    def __init__(self, message: str, *, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class LoadError(EndpointError):
    """Loading graphs into a remote store failed for at least one graph."""


class ValidationError(KgbuildError):
    """SHACL validation found violations."""


class ReasonerError(KgbuildError):
    """The reasoner failed."""


class EvalError(KgbuildError):
    """A gold file is missing or malformed."""


class ServeError(KgbuildError):
    """The SPARQL server could not be started."""


class TrainError(KgbuildError):
    """``kgbuild train`` cannot learn: no readable gold article, or nothing to learn from."""


class ClusterError(KgbuildError):
    """The Dask cluster of ``build --cluster`` cannot be reached, has no workers, or lost a
    partition of the inputs for good."""


class MissingExtraError(KgbuildError, ImportError):
    """A feature needs an optional dependency that is not installed; the message names the
    extra to install (``pip install 'kgbuild[pandas]'``)."""


class BuildInterrupted(KeyboardInterrupt):
    """A build stopped by Ctrl-C (SIGINT). ``report`` says what was kept: the articles committed
    before the interrupt (each whole), nothing after it.

    Deliberately a :class:`KeyboardInterrupt`, not a :class:`KgbuildError`: code that catches
    ``Exception`` must not swallow the user's Ctrl-C. The CLI exits with ``exit_code`` (130,
    the shell's code for SIGINT).
    """

    exit_code = 130

    def __init__(self, report: object) -> None:
        super().__init__("build interrupted")
        self.report = report
