"""Split normalized text into sentences on 。！？； and line breaks, keeping offsets."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.loaders.model import Section, SectionKind, Sentence
from kg.loaders.offsets import original_positions

# A sentence runs to its end mark (with closing quotes/brackets that belong to it) or line end.
_SENTENCE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)】》\"']*)?|[。！？；!?;]+")


KindAt = Callable[[int], tuple[SectionKind | None, int | None]]


def split_sentences(
    text: str, offsets: Sequence[int], sections: Sequence[Section] = (), outside: KindAt | None = None
) -> list[Sentence]:
    """Sentences of ``text`` with normalized and original spans and their innermost section.

    A sentence takes kind and year from its section; ``outside(position)`` gives them for
    sentences outside every section (preambles, lead-ins).
    """
    sentences: list[Sentence] = []
    append = sentences.append  # this loop runs for every sentence of every document
    spans = sentence_spans(text)
    owners = innermost_sections([s for s, _ in spans], sections)
    firsts = original_positions(offsets, [s for s, _ in spans])  # of each first and last character
    lasts = original_positions(offsets, [e - 1 for _, e in spans])
    for (start, end), owner, first, last in zip(spans, owners, firsts, lasts, strict=True):
        if owner is not None:
            section = sections[owner]
            kind, year = section.kind, section.year
        else:
            kind, year = outside(start) if outside else (None, None)
        # Sentence(index, text, start, end, orig_start, orig_end, section, kind, year), by position:
        # a frozen dataclass takes keywords markedly slower.
        append(Sentence(len(sentences), text[start:end], start, end, first, last + 1, owner, kind, year))
    return sentences


def innermost_sections(positions: Sequence[int], sections: Sequence[Section]) -> list[int | None]:
    """For ascending positions, the index of the deepest section containing each one.

    Sections nest (a child lies inside its parent) and come in document order (a parent before
    its children), so one sweep with a stack suffices.
    """
    stack: list[Section] = []
    owners: list[int | None] = []
    nxt = 0
    for pos in positions:
        while nxt < len(sections) and sections[nxt].start <= pos:
            sec = sections[nxt]
            while stack and stack[-1].end <= sec.start:
                stack.pop()
            stack.append(sec)
            nxt += 1
        while stack and stack[-1].end <= pos:
            stack.pop()
        owners.append(stack[-1].index if stack else None)
    return owners


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every sentence of ``text``, without the whitespace around it."""
    isspace = str.isspace
    spans = [  # trimmed only when needed: normalized text seldom holds spaces (an inline test, no call)
        span if not (isspace(text[span[0]]) or isspace(text[span[1] - 1])) else _trimmed(text, *span)
        for span in map(_SPAN, _SENTENCE.finditer(text))
    ]
    return [span for span in spans if span[1] > span[0]]


_SPAN = re.Match.span


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
