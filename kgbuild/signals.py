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

__all__ = ["Stopped", "stop_signals", "STOP_SIGNALS", "InterruptFlag", "remembered_interrupts", "HeldStop",
           "held_stops"]

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
            if _holding:  # a child process is starting: the stop waits until it can be stopped too
                _holding[-1].signum = signum
                return
            raise Stopped(signum)

    previous = {sig: signal.signal(sig, raise_stop) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class HeldStop:
    """A stop signal that came inside :func:`held_stops`, raised by :meth:`release`."""

    def __init__(self) -> None:
        self.signum: int | None = None

    def release(self) -> None:
        """Raise :class:`Stopped` for the stop that came while held, if one did."""
        if self.signum is not None:
            raise Stopped(self.signum)


#: the :func:`held_stops` blocks the main thread is in
_holding: list[HeldStop] = []


@contextlib.contextmanager
def held_stops() -> Iterator[HeldStop]:
    """Inside :func:`stop_signals`, a stop signal arriving in this block is held, not raised, so
    that a child process being started is not left running by an exception raised before its
    ``Popen`` object exists: start it inside, then :meth:`HeldStop.release` where it can be
    killed.

    >>> import os, signal
    >>> with stop_signals((signal.SIGTERM,)):
    ...     with held_stops() as held:
    ...         os.kill(os.getpid(), signal.SIGTERM)
    ...     try:
    ...         held.release()
    ...     except Stopped as stop:
    ...         stop.name
    'SIGTERM'
    """
    held = HeldStop()
    _holding.append(held)
    try:
        yield held
    finally:
        _holding.remove(held)


class InterruptFlag:
    """The Ctrl-C presses seen inside :func:`remembered_interrupts`; :meth:`check` raises
    :class:`KeyboardInterrupt` if there was one."""

    def __init__(self) -> None:
        self.seen = 0

    def __bool__(self) -> bool:
        return self.seen > 0

    def check(self) -> None:
        if self.seen:
            raise KeyboardInterrupt


@contextlib.contextmanager
def remembered_interrupts() -> Iterator[InterruptFlag]:
    """Ctrl-C (SIGINT) raises :class:`KeyboardInterrupt` as usual and is also remembered, so that
    a loop can raise it again where Python swallowed it: an exception raised while a finalizer
    runs (dask's ``Future.__del__`` during a wait, say) is only printed. Outside the main thread,
    or where SIGINT is ignored, nothing changes.

    >>> import os, signal
    >>> with remembered_interrupts() as flag:
    ...     try:
    ...         os.kill(os.getpid(), signal.SIGINT)
    ...     except KeyboardInterrupt:
    ...         pass  # swallowed, as a finalizer would
    ...     bool(flag)
    True
    """
    flag = InterruptFlag()
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is signal.SIG_IGN:
        yield flag
        return

    def remember(_signum: int, _frame: Any) -> None:
        flag.seen += 1
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, remember)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)
