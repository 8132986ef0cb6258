"""regkg benchmarks: a deterministic corpus scaler (``bench.corpus``) and a runner (``bench.run``)."""
