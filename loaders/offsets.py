"""The map from normalized text back to the original, stored as runs instead of one int per character.

Normalization copies long stretches of the original unchanged and inserts a few characters
(line breaks, cell spaces) that stand for original whitespace. A run is either a copied
stretch (offsets count up by one) or an inserted one (every character points at the same
original position). A 40,000-character report has a few hundred runs: building the map costs
a few hundred tuples instead of 40,000 int objects, and a lookup is one bisection.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import overload


class OffsetMap(Sequence[int]):
    """``offsets[i]``: the position in the original text of normalized character ``i``.

    Behaves as the ``list[int]`` it stands for (indexing, slicing, iteration, ``len``, ``==``
    with a list); build it with :class:`OffsetMapBuilder`, or from runs known already.
    """

    __slots__ = ("_length", "_origins", "_starts", "_steps")

    def __init__(self, starts: list[int], origins: list[int], steps: list[int], length: int) -> None:
        # Run r covers normalized positions starts[r] .. starts[r+1]-1 (the last run: .. length-1);
        # position i of it maps to origins[r] + (i - starts[r]) * steps[r], steps being 1 or 0.
        self._starts = starts
        self._origins = origins
        self._steps = steps
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        index = operator.index(index)  # a float or str index is a TypeError, as for a list
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect_right(self._starts, index) - 1
        return self._origins[run] + (index - self._starts[run]) * self._steps[run]

    def positions(self, indices: Iterable[int]) -> list[int]:
        """``[self[i] for i in indices]`` (non-negative indices) in one call, as sentences need.

        Sentences ask for ascending positions, nearly each in another run: walking the runs
        along costs less than a bisection per position (a position before the current run,
        when indices go back, is bisected)."""
        starts, origins, steps, length = self._starts, self._origins, self._steps, self._length
        ends = [*starts[1:], length]  # run r covers starts[r] .. ends[r] - 1
        found: list[int] = []
        append = found.append
        run, end = 0, ends[0]
        for index in indices:
            if not 0 <= index < length:
                raise IndexError("offset index out of range")
            if index >= end:
                while index >= end:  # end < length here, so a later run holds index
                    run += 1
                    end = ends[run]
            elif index < starts[run]:
                run = bisect_right(starts, index) - 1
                end = ends[run]
            append(origins[run] + (index - starts[run]) * steps[run])
        return found

    def __iter__(self) -> Iterator[int]:
        ends = [*self._starts[1:], self._length]
        for start, end, origin, step in zip(self._starts, ends, self._origins, self._steps, strict=True):
            if step:
                yield from range(origin, origin + end - start)
            else:
                yield from repeat(origin, end - start)

    def tolist(self) -> list[int]:
        """The plain list (for JSON, concatenation and the like)."""
        return list(self)

    def __reduce__(self) -> tuple[type[OffsetMap], tuple[list[int], list[int], list[int], int]]:
        # explicit, so every pickle protocol works despite __slots__
        return OffsetMap, (self._starts, self._origins, self._steps, self._length)

    def __eq__(self, other: object) -> bool:
        # two isinstance calls: mypyc takes a tuple for an OffsetMap in isinstance(other, OffsetMap | list)
        if isinstance(other, OffsetMap) or isinstance(other, list):  # a list never equals a tuple either
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like the list it stands for

    def __repr__(self) -> str:
        return f"OffsetMap({list(self)!r})"


class OffsetMapBuilder:
    """Collects runs in normalized-text order: copied spans and inserted characters."""

    __slots__ = ("_length", "_next_copied", "_origins", "_starts", "_steps")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._origins: list[int] = []
        self._steps: list[int] = []
        self._length = 0
        self._next_copied = -1  # the original position that would extend the last copied run

    def copied(self, start: int, end: int) -> None:
        """Normalized characters copied from ``original[start:end]``."""
        if end <= start:
            return
        if start != self._next_copied:  # else the last run goes on
            self._starts.append(self._length)
            self._origins.append(start)
            self._steps.append(1)
        self._length += end - start
        self._next_copied = end

    def inserted(self, at: int, count: int) -> None:
        """``count`` inserted characters, each standing for original position ``at``."""
        if count <= 0:
            return
        self._starts.append(self._length)
        self._origins.append(at)
        self._steps.append(0)
        self._length += count
        self._next_copied = -1

    def build(self, original_length: int) -> OffsetMap:
        """The map, with the final entry (one past the text) pointing at ``original_length``."""
        self.inserted(original_length, 1)
        return OffsetMap(self._starts, self._origins, self._steps, self._length)


def original_positions(offsets: Sequence[int], indices: Iterable[int]) -> list[int]:
    """``[offsets[i] for i in indices]``, in one call when ``offsets`` is an :class:`OffsetMap`."""
    if isinstance(offsets, OffsetMap):
        return offsets.positions(indices)
    return [offsets[i] for i in indices]
