"""Stop signals as exceptions, so that ``with`` blocks unwind and clean up.

Python stops on SIGTERM and SIGHUP without running ``finally`` clauses or context-manager
exits: temporary folders stay behind and child processes (a JVM, a server) outlive their
parent. Inside :func:`stop_signals` the first such signal raises :class:`Stopped` (a
:class:`KeyboardInterrupt`, like Ctrl-C) in the main thread instead.

>>> import os, signal
>>> try:
...     with stop_signals((signal.SIGTERM,)):
...         os.kill(os.getpid(), signal.SIGTERM)
... except Stopped as stop:
...     stop.name
'SIGTERM'
"""
from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

__all__ = ["Stopped", "stop_signals", "STOP_SIGNALS"]

#: Ctrl-C, ``kill`` and a closed terminal
STOP_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stopped(KeyboardInterrupt):
    """A stop signal, raised where the main thread is."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.name = signal.Signals(signum).name


@contextlib.contextmanager
def stop_signals(signals: tuple[signal.Signals, ...] = STOP_SIGNALS) -> Iterator[None]:
    """While inside, the first of ``signals`` raises :class:`Stopped` in the main thread; later
    ones are ignored (so the clean-up is not cut short); the previous handlers come back on
    leaving. Outside the main thread (where Python cannot set handlers) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised: list[int] = []

    def raise_stop(signum: int, _frame: Any) -> None:
        if not raised:
            raised.append(signum)
            raise Stopped(signum)

    previous = {sig: signal.signal(sig, raise_stop) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
