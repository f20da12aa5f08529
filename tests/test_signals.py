"""Stop signals as exceptions (kgbuild/signals.py): a Ctrl-C is never lost.

Spec:
- Inside ``remembered_interrupts`` a Ctrl-C raises ``KeyboardInterrupt`` as usual and is also
  remembered, so that a loop raises it again where Python swallowed it: an exception raised
  while a finalizer runs (dask's ``Future.__del__`` during a cluster build's wait) is only
  printed, and the build went on to exit 0.
- Where SIGINT is ignored (a background job of a shell), it stays ignored.
"""
from __future__ import annotations

import gc
import os
import signal

import pytest

from kgbuild.signals import remembered_interrupts


class _Finalised:
    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # the KeyboardInterrupt comes inside __del__: printed, not raised


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_swallowed_by_a_finalizer_is_raised_again() -> None:
    with pytest.raises(KeyboardInterrupt), remembered_interrupts() as interrupted:
        _Finalised()
        gc.collect()
        assert interrupted  # went on: the finalizer swallowed it
        interrupted.check()


def test_without_a_ctrl_c_nothing_is_raised_and_the_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGINT)
    with remembered_interrupts() as interrupted:
        interrupted.check()
    assert not interrupted
    assert signal.getsignal(signal.SIGINT) is before


def test_an_ignored_sigint_stays_ignored() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with remembered_interrupts() as interrupted:
            os.kill(os.getpid(), signal.SIGINT)
            interrupted.check()
        assert not interrupted
    finally:
        signal.signal(signal.SIGINT, previous)
