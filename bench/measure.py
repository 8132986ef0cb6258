"""Running one benchmark step in a child process and measuring it from outside.

Every step runs in its own process (``python -m bench.child STEP ...``) so that its peak
memory is its own: a sampler thread sums the RSS (and PSS, which counts pages shared by
forked workers once) of the child's whole process tree every ``SAMPLE_SECONDS``.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

SAMPLE_SECONDS = 0.05
# PSS comes from /proc/<pid>/smaps, which costs the kernel time in proportion to the process's
# memory (a whole core for a 5 GB load sampled every 50 ms): read it at most this often, and
# never more than 1/PSS_BUDGET of the time. RSS (statm) stays cheap and is read every sample.
PSS_SECONDS = 1.0
PSS_BUDGET = 20
# The machine is shared: a step whose process tree grows past this is stopped and reported as failed.
DEFAULT_MEMORY_CAP_MB = 8 * 1024
RESULT_PREFIX = "BENCH-RESULT "
REPO = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


@dataclass
class StepResult:
    """One measurement: ``status`` is ok, unavailable (its piece has not landed), failed or skipped."""

    name: str
    status: str
    wall_seconds: float = 0.0
    peak_rss_mb: float | None = None  # sum over the process tree at its peak
    peak_pss_mb: float | None = None  # the same with shared pages split between processes
    cpu_seconds: float | None = None  # user + system CPU of the whole tree (fair under a busy machine)
    load_avg: float | None = None  # 1-minute load average when the step ended (2 cores: > 2 means contention)
    metrics: dict[str, Any] = field(default_factory=dict)
    detail: str = ""


class TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants until stopped."""

    def __init__(self, pid: int, cap_bytes: int | None = None) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak_rss = 0
        self.peak_pss = 0
        self.cap_bytes = cap_bytes
        self.capped = False
        self._stop_event = threading.Event()
        self._next_pss = 0.0

    def _tree(self) -> list[psutil.Process]:
        try:
            return [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return []

    def sample(self) -> None:
        started = time.monotonic()
        with_pss = started >= self._next_pss
        rss = pss = 0
        for proc in self._tree():
            try:
                info = proc.memory_full_info() if with_pss else proc.memory_info()
            except psutil.Error:  # a worker may exit between listing and reading
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        self.peak_rss = max(self.peak_rss, rss)
        if with_pss:
            self.peak_pss = max(self.peak_pss, pss)
            cost = time.monotonic() - started
            self._next_pss = started + max(PSS_SECONDS, PSS_BUDGET * cost)
        if self.cap_bytes and rss > self.cap_bytes and not self.capped:
            self.capped = True
            self._kill_tree()

    def _kill_tree(self) -> None:
        for proc in reversed(self._tree()):  # workers first, then the step itself
            with contextlib.suppress(psutil.Error):
                proc.kill()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def child_env(data_dir: Path | None) -> dict[str, str]:
    """The environment of a step: the data dir via ``KG_DATA_DIR``, the repo importable."""
    env = dict(os.environ)
    if data_dir is not None:
        env["KG_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


def _parse_result(stdout: str) -> dict[str, Any] | None:
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX):])
    return None


def _tail(text: str, lines: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _children_cpu() -> float:
    # Includes grandchildren (pool workers) once their parent has waited for them.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(name: str, argv: list[str], *, data_dir: Path | None, timeout: float,
                 memory_cap_mb: float | None = DEFAULT_MEMORY_CAP_MB) -> StepResult:
    """Run ``argv`` with its tree's memory sampled; a ``bench.child`` step reports its metrics.

    The tree is killed when its RSS passes ``memory_cap_mb`` (the step then reports failed).
    """
    started = time.perf_counter()
    cpu_before = _children_cpu()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(data_dir), cwd=REPO)
    sampler = TreeSampler(proc.pid, int(memory_cap_mb * MB) if memory_cap_mb else None)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        sampler.stop()
        return StepResult(name, "failed", time.perf_counter() - started, detail=f"timed out after {timeout}s")
    sampler.stop()
    wall = time.perf_counter() - started
    result = StepResult(name, "ok", wall, round(sampler.peak_rss / MB, 1), round(sampler.peak_pss / MB, 1),
                        round(_children_cpu() - cpu_before, 2), round(os.getloadavg()[0], 2))
    reported = _parse_result(stdout)
    if sampler.capped:
        result.status = "failed"
        result.detail = f"stopped: process tree RSS passed the {memory_cap_mb:.0f} MB cap"
    elif reported is not None:
        result.status = reported.pop("status", "ok")
        result.detail = reported.pop("detail", "")
        result.metrics = reported
    elif proc.returncode != 0:
        result.status = "failed"
        result.detail = _tail(stderr or stdout)
    return result


def python_step(step: str, *args: str) -> list[str]:
    """The command line of a ``bench.child`` step, run with this interpreter."""
    return [sys.executable, "-m", "bench.child", step, *args]


def kg_command(*args: str) -> list[str]:
    """The command line of ``kg ...`` with this interpreter (the venv's ``kg``)."""
    return [sys.executable, "-m", "kg.cli", *args]
