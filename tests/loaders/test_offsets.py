"""The run-length offset map behaves exactly as the list of offsets it stands for."""

from __future__ import annotations

import random

import pytest
from kg.loaders.offsets import OffsetMap, OffsetMapBuilder, original_positions


def _build(steps: list[tuple[str, int, int]], original_length: int) -> tuple[OffsetMap, list[int]]:
    """The map and the plain list for the same copy/insert steps."""
    builder = OffsetMapBuilder()
    plain: list[int] = []
    for op, a, b in steps:
        if op == "copy":
            builder.copied(a, b)
            plain.extend(range(a, b))
        else:
            builder.inserted(a, b)
            plain.extend([a] * b)
    plain.append(original_length)
    return builder.build(original_length), plain


def test_runs_index_like_the_list() -> None:
    offsets, plain = _build([("copy", 0, 5), ("insert", 5, 1), ("copy", 7, 9), ("copy", 9, 12),
                             ("insert", 12, 2), ("copy", 15, 15), ("copy", 20, 21)], 22)
    assert plain == [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 12, 20, 22]
    assert len(offsets) == len(plain)
    assert [offsets[i] for i in range(len(plain))] == plain
    assert offsets[-1] == 22 and offsets[-3] == 12
    assert offsets[3:9] == plain[3:9] and offsets[::4] == plain[::4]
    assert offsets == plain and list(offsets) == plain and offsets != plain[:-1]
    assert offsets.positions([13, 0, 6]) == [20, 0, 7]
    assert original_positions(plain, [13, 0, 6]) == original_positions(offsets, [13, 0, 6])
    with pytest.raises(IndexError):
        offsets[len(plain)]
    with pytest.raises(IndexError):
        offsets.positions([len(plain)])


def test_random_runs_match_the_list() -> None:
    rnd = random.Random(7)
    for _ in range(200):
        pos, steps = 0, []
        for _ in range(rnd.randint(0, 12)):
            pos += rnd.choice([0, 0, 1, 3])  # copies often continue where the last one ended
            if rnd.random() < 0.7:
                end = pos + rnd.randint(0, 6)
                steps.append(("copy", pos, end))
                pos = end
            else:
                steps.append(("insert", pos, rnd.randint(0, 2)))
        offsets, plain = _build(steps, pos + 1)
        assert list(offsets) == plain
        assert [offsets[i] for i in range(-len(plain), len(plain))] == plain + plain
        # many positions at once: ascending (as sentences ask), with repeats, and going back
        ascending = sorted(rnd.choices(range(len(plain)), k=rnd.randint(0, 20)))
        shuffled = rnd.sample(ascending, len(ascending))
        for indices in (ascending, shuffled, ascending + ascending[:3]):
            assert offsets.positions(indices) == [plain[i] for i in indices]


def test_behaves_as_a_list_where_a_list_would_refuse_or_convert() -> None:
    import pickle

    offsets, plain = _build([("copy", 0, 3), ("insert", 3, 2), ("copy", 5, 8)], 9)
    with pytest.raises(TypeError):
        offsets[1.0]  # type: ignore[index]
    assert offsets != tuple(plain)  # a list is not equal to a tuple either
    assert offsets.tolist() == plain and type(offsets.tolist()) is list
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):  # protocols 0 and 1 too, despite __slots__
        assert pickle.loads(pickle.dumps(offsets, protocol)) == plain
