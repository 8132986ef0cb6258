"""Deterministic corpus scaler: N synthetic bureau reports recombined from the real seeds.

Each synthetic report takes one seed as its template (round robin, so every N >= 5 uses all
seeds) and keeps its headings and reporting/planning parts; about half of the body sentences
are swapped for real sentences of the same part kind from any seed. The seed's own
jurisdiction, province and township names are swapped for a random real prefecture's (jionlp's
administrative divisions), the years moved consistently. Document ``i`` depends only on
``(seed, i)``, so the corpus of N=100 is the first 100 documents of N=1,000.

    python bench/corpus.py 1000 --seed 0 --out bench/corpus-out/n1000-s0
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.places import Gazetteer, Target, load_gazetteer, name_swap, pick_target
from bench.seeds import MIN_SENTENCE_CHARS, SeedDoc, load_seeds, shift_years

GENERATOR_VERSION = 4
MIN_BYTES, MAX_BYTES = 20_000, 70_000
SWAP_SENTENCE_P = 0.5  # share of body sentences replaced by another seed's sentence
SWAP_FRAGMENT_P = 0.15  # share of broken PDF lines replaced by another line of the same part
KEEP_ANONYMIZED_P = 0.25  # anonymized templates stay anonymized this often (XX区)
GB18030_EVERY = 20  # one document in 20 is written in GB18030 to exercise encoding detection
YEAR_RANGE = (2016, 2025)
MAX_YEAR_SHIFT = 3
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus-out"
MANIFEST = "corpus.json"

Piece = tuple[int, str]  # (seed index, sentence or line)


@dataclass(frozen=True)
class Pools:
    """Real sentences (and broken PDF lines) to draw from, by part kind."""

    sentences: dict[str, list[Piece]]
    fragments: dict[str, list[Piece]]


@dataclass(frozen=True)
class DocumentRecord:
    """What the manifest says about one synthetic report (the ground truth for checks)."""

    file: str
    template: str
    encoding: str
    bytes: int  # file size
    text_bytes: int  # UTF-8 size of the text (MB/s are measured on this)
    chars: int
    jurisdiction: str
    code: str | None
    level: str
    province: str
    anonymized: bool
    summary_year: int | None


def build_pools(seeds: tuple[SeedDoc, ...]) -> Pools:
    sentences: dict[str, list[Piece]] = {"reporting": [], "planning": []}
    fragments: dict[str, list[Piece]] = {"reporting": [], "planning": []}
    for index, seed in enumerate(seeds):
        for line in seed.lines:
            if line.heading:
                continue
            if seed.fragmented:
                fragments[line.kind].append((index, line.text))
                continue
            body = line.sentences[1:] if line.marked else line.sentences
            sentences[line.kind].extend((index, s) for s in body if len(s) >= MIN_SENTENCE_CHARS)
    return Pools(sentences, fragments)


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


@dataclass
class Draft:
    """A report being assembled: lines of pieces, and which lines are body text."""

    lines: list[list[str]]
    kinds: list[str]
    body: list[int]  # indexes of body lines (the ones size adjustment may touch)
    size: int = 0

    def text(self) -> str:
        return "\n".join("".join(line) for line in self.lines)


class Composer:
    """Builds document ``i`` of a corpus from the seeds."""

    def __init__(self, seeds: tuple[SeedDoc, ...], gazetteer: Gazetteer, corpus_seed: int) -> None:
        self.seeds = seeds
        self.gazetteer = gazetteer
        self.corpus_seed = corpus_seed
        self.pools = build_pools(seeds)

    def _target(self, template: SeedDoc, rng: random.Random) -> Target:
        places = template.places
        exclude = places.prefecture.full if places.prefecture else None
        keep = places.anonymized and rng.random() < KEEP_ANONYMIZED_P
        return pick_target(self.gazetteer, rng, district_level=places.anonymized, exclude=exclude,
                           keep_anonymized=keep)

    def _year(self, template: SeedDoc, rng: random.Random) -> int | None:
        if template.base_year is None or template.fragmented:  # a 十四五 plan is tied to its years
            return template.base_year
        low = max(-MAX_YEAR_SHIFT, YEAR_RANGE[0] - template.base_year)
        high = min(MAX_YEAR_SHIFT, YEAR_RANGE[1] - template.base_year)
        return template.base_year + rng.randint(low, high) if low <= high else template.base_year

    def compose(self, i: int) -> tuple[str, Target, SeedDoc, int | None]:
        """The text of document ``i``, where it is from, its template and its summary year."""
        rng = random.Random(f"regkg-bench:{self.corpus_seed}:{i}")
        template = self.seeds[i % len(self.seeds)]
        target = self._target(template, rng)
        year = self._year(template, rng)
        swaps = [name_swap(s.places, target, random.Random(f"{self.corpus_seed}:{i}:{s.name}"))
                 for s in self.seeds]

        def render(seed_index: int, piece: str) -> str:
            seed = self.seeds[seed_index]
            shift = year - seed.base_year if year is not None and seed.base_year is not None else 0
            return shift_years(swaps[seed_index](piece), shift)

        t_index = self.seeds.index(template)
        draft = (self._fragment_draft if template.fragmented else self._sentence_draft)(
            template, t_index, rng, render)
        self._fit(draft, template, rng, render)
        return draft.text(), target, template, year

    def _sentence_draft(self, template: SeedDoc, t_index: int, rng: random.Random, render) -> Draft:
        draft = Draft([], [], [])
        for line in template.lines:
            draft.kinds.append(line.kind)
            if line.heading:
                draft.lines.append([render(t_index, line.text)])
                continue
            draft.body.append(len(draft.lines))
            pieces = []
            for j, sentence in enumerate(line.sentences):
                pool = self.pools.sentences[line.kind]
                keep = (j == 0 and line.marked) or len(sentence) < MIN_SENTENCE_CHARS
                if keep or not pool or rng.random() >= SWAP_SENTENCE_P:
                    pieces.append(render(t_index, sentence))
                else:
                    pieces.append(render(*rng.choice(pool)))
            draft.lines.append(pieces)
        draft.size = _utf8_len(draft.text())
        return draft

    def _fragment_draft(self, template: SeedDoc, t_index: int, rng: random.Random, render) -> Draft:
        draft = Draft([], [], [])
        for line in template.lines:
            draft.kinds.append(line.kind)
            pool = [p for p in self.pools.fragments[line.kind] if p[0] == t_index]
            if not line.heading and not line.opening:  # a plan names itself there
                draft.body.append(len(draft.lines))
            if line.heading or line.opening or not pool or rng.random() >= SWAP_FRAGMENT_P:
                draft.lines.append([render(t_index, line.text)])
            else:
                draft.lines.append([render(*rng.choice(pool))])
        draft.size = _utf8_len(draft.text())
        return draft

    def _fit(self, draft: Draft, template: SeedDoc, rng: random.Random, render) -> None:
        """Grow or shrink the body to a size drawn near the template's, within 20–70 KB."""
        low = max(MIN_BYTES, int(0.85 * template.size))
        high = max(low, min(MAX_BYTES, int(1.25 * template.size)))
        goal = rng.randint(low, high)
        while draft.size < goal and draft.body:
            line = rng.choice(draft.body)
            pool = (self.pools.fragments if template.fragmented else self.pools.sentences)[draft.kinds[line]]
            if not pool:
                break
            piece = render(*rng.choice(pool))
            draft.lines[line].append(("\n" if template.fragmented else "") + piece)
            draft.size += _utf8_len(draft.lines[line][-1])
        while draft.size > goal:
            shrinkable = [b for b in draft.body if len(draft.lines[b]) > 1 or template.fragmented]
            if not shrinkable:
                break
            line = rng.choice(shrinkable)
            at = rng.randrange(1, len(draft.lines[line])) if len(draft.lines[line]) > 1 else 0
            piece_size = _utf8_len(draft.lines[line][at])
            if draft.size - piece_size < low:  # never shrink below the 20 KB floor
                break
            draft.lines[line].pop(at)
            draft.size -= piece_size
            if not draft.lines[line]:
                draft.body.remove(line)


def _record(name: str, text: str, data: bytes, encoding: str, target: Target, template: SeedDoc,
            year: int | None) -> DocumentRecord:
    place = target.jurisdiction
    anonymized = template.places.anonymized and target.keep_anonymized
    return DocumentRecord(
        file=name, template=template.name, encoding=encoding, bytes=len(data), text_bytes=_utf8_len(text),
        chars=len(text), jurisdiction="XX区" if anonymized else place.full,
        code=None if anonymized else place.code, level=place.level,
        province=target.prefecture.province.full, anonymized=anonymized,
        summary_year=None if template.fragmented else year,  # a 十四五 plan reports on no single year
    )


def seeds_fingerprint(seeds: tuple[SeedDoc, ...]) -> str:
    digest = hashlib.sha256()
    for seed in seeds:
        digest.update(seed.name.encode() + seed.text.encode("utf-8"))
    return digest.hexdigest()[:16]


def _manifest_matches(out_dir: Path, n: int, corpus_seed: int, fingerprint: str) -> bool:
    path = out_dir / MANIFEST
    if not path.exists():
        return False
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    expected = {"generator": GENERATOR_VERSION, "n": n, "seed": corpus_seed, "seeds": fingerprint}
    same = all(meta.get(key) == value for key, value in expected.items())
    return same and len(list(out_dir.glob("*.txt"))) == n


def build_corpus(n: int, out_dir: Path | None = None, *, corpus_seed: int = 0, seeds_dir: Path | None = None,
                 reuse: bool = True) -> dict:
    """Write ``n`` synthetic reports and ``corpus.json`` into ``out_dir``; returns the manifest.

    An existing corpus with the same generator version, size, seed and seed texts is reused.
    """
    from kg.config import seeds_dir as default_seeds_dir

    started = time.perf_counter()
    gazetteer = load_gazetteer()
    seeds = load_seeds(Path(seeds_dir or default_seeds_dir()), gazetteer)
    fingerprint = seeds_fingerprint(seeds)
    out_dir = Path(out_dir or DEFAULT_OUT / f"n{n}-s{corpus_seed}")
    if reuse and _manifest_matches(out_dir, n, corpus_seed, fingerprint):
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.txt"):
        stale.unlink()
    composer = Composer(seeds, gazetteer, corpus_seed)
    records = []
    for i in range(n):
        text, target, template, year = composer.compose(i)
        encoding = "gb18030" if i % GB18030_EVERY == 3 else "utf-8"
        data = text.encode(encoding)
        name = f"doc{i:05d}.txt"
        (out_dir / name).write_bytes(data)
        records.append(_record(name, text, data, encoding, target, template, year))
    manifest = {
        "generator": GENERATOR_VERSION, "n": n, "seed": corpus_seed, "seeds": fingerprint,
        "dir": str(out_dir), "build_seconds": round(time.perf_counter() - started, 3),
        "text_bytes": sum(r.text_bytes for r in records), "documents": [asdict(r) for r in records],
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--out", type=Path, default=None,
                        help="output dir (default bench/corpus-out/n<N>-s<seed>)")
    parser.add_argument("--force", action="store_true", help="rebuild even if a matching corpus exists")
    args = parser.parse_args(argv)
    manifest = build_corpus(args.n, args.out, corpus_seed=args.seed, reuse=not args.force)
    print(f"{manifest['n']} documents, {manifest['text_bytes'] / 1e6:.1f} MB of text in {manifest['dir']} "
          f"({manifest['build_seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
