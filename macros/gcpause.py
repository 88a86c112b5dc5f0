"""Python's cyclic garbage collector paused while data is read in bulk.

Reading data/ makes hundreds of thousands of small objects that all stay alive (YAML nodes,
values, line numbers, records). The collector runs every 700 new objects and, as the heap grows,
walks every live object again: at 100× data that was two thirds of `make check`'s time, and none of
it finds garbage. Reading makes almost no reference cycles, and what it makes is freed at the first
collection after the pause. Nothing is skipped: the same data is read and checked the same way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic collector off, then put it back as it was (nested pauses are fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_survivors() -> None:
    """Put every object alive now beyond the collector's reach until the next call (gc.freeze).

    Called once per build after data/ is read: the plan, the modules and the configuration live as long
    as the build, and every full collection would walk them again. Under `mkdocs serve` the previous
    build's objects are let back in and collected first, so its garbage does not stay frozen.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.freeze()
