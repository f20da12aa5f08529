"""Connecting to a Dask scheduler, with the errors a user can act on.

>>> parse_address("tcp://10.0.0.5:8786")
'tcp://10.0.0.5:8786'
>>> parse_address("10.0.0.5")
'tcp://10.0.0.5:8786'
>>> parse_address("http://x:8787")
Traceback (most recent call last):
...
kgbuild.errors.ConfigError: cluster address 'http://x:8787' is not a Dask scheduler address (tcp://HOST:PORT; the dashboard's http:// address is not it)
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from ..errors import ClusterError, ConfigError, MissingExtraError

__all__ = ["require_distributed", "connect", "parse_address", "CONNECT_TIMEOUT", "EXTRA"]

#: seconds to wait for the scheduler, and then for its first worker
CONNECT_TIMEOUT = 10.0
EXTRA = "pip install 'kgbuild[cluster]'"


def require_distributed() -> Any:
    """The ``distributed`` module.

    :raises MissingExtraError: it is not installed (the message names the extra).
    """
    try:
        import distributed
    except ImportError as exc:
        raise MissingExtraError(f"--cluster needs dask.distributed: {EXTRA}") from exc
    return distributed


def parse_address(address: str) -> str:
    """A scheduler address with its protocol and port (``tcp://HOST:8786`` by default).

    :raises ConfigError: an http(s) URL (the dashboard's) or an empty address.
    """
    address = address.strip()
    if not address or address.startswith(("http://", "https://")):
        raise ConfigError(f"cluster address {address!r} is not a Dask scheduler address "
                          "(tcp://HOST:PORT; the dashboard's http:// address is not it)")
    if "://" not in address:
        address = "tcp://" + address
    host = address.split("://", 1)[1]
    if ":" not in host.rsplit("]", 1)[-1]:
        address += ":8786"
    return address


@contextlib.contextmanager
def connect(address: str, *, timeout: float | None = None) -> Iterator[Any]:
    """A ``distributed.Client`` on ``address`` with at least one worker; closed afterwards.
    ``timeout``: default :data:`CONNECT_TIMEOUT`.

    :raises ClusterError: the scheduler does not answer, or has no worker, within ``timeout``.
    :raises MissingExtraError: dask.distributed is not installed.
    """
    distributed = require_distributed()
    address = parse_address(address)
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    import logging

    # the client logs its own connection failures at length; the error below says it in one line
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    try:
        client = distributed.Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"{address}: cannot reach the Dask scheduler within {timeout:g}s "
                           f"({_reason(exc)}); nothing was built") from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError):
            raise ClusterError(f"{address}: the Dask scheduler has no worker (waited {timeout:g}s); "
                               "nothing was built") from None
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.close(timeout=5)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if "Timed out" in text or isinstance(exc, TimeoutError):
        return "timed out"
    if "refused" in text.lower():
        return "connection refused"
    return text[:120] or type(exc).__name__
