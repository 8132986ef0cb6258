"""Split normalized text into sentences on 。！？； and line breaks, keeping offsets."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.loaders.model import Section, Sentence

# A sentence runs to its end mark (with closing quotes/brackets that belong to it) or line end.
_SENTENCE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)】》\"']*)?|[。！？；!?;]+")


def split_sentences(
    text: str, offsets: Sequence[int], sections: Sequence[Section] = ()
) -> list[Sentence]:
    """Sentences of ``text`` with normalized and original spans and their innermost section."""
    sentences: list[Sentence] = []
    spans = [_trimmed(text, m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    owners = innermost_sections([s for s, _ in spans], sections)
    for (start, end), owner in zip(spans, owners, strict=False):
        if end <= start:
            continue
        sentences.append(
            Sentence(
                index=len(sentences),
                text=text[start:end],
                start=start,
                end=end,
                orig_start=offsets[start],
                orig_end=offsets[end - 1] + 1,
                section=owner,
            )
        )
    return sentences


def innermost_sections(positions: Sequence[int], sections: Sequence[Section]) -> list[int | None]:
    """For ascending positions, the index of the deepest section containing each one.

    Sections nest (a child lies inside its parent), so one sweep with a stack suffices.
    """
    order = sorted(range(len(sections)), key=lambda i: (sections[i].start, sections[i].depth))
    stack: list[Section] = []
    owners: list[int | None] = []
    nxt = 0
    for pos in positions:
        while nxt < len(order) and sections[order[nxt]].start <= pos:
            sec = sections[order[nxt]]
            while stack and stack[-1].end <= sec.start:
                stack.pop()
            stack.append(sec)
            nxt += 1
        while stack and stack[-1].end <= pos:
            stack.pop()
        owners.append(stack[-1].index if stack else None)
    return owners


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
