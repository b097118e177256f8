"""`make bench`: run every tests/benchmarks/bench_*.py (or the ones named on the command line),
print the figures and write JSON to tests/benchmarks/results/."""

import importlib
import sys
from pathlib import Path

from tests.benchmarks.harness import configure_django, section


def main(argv: list[str]) -> None:
    names = argv or sorted(path.stem for path in Path(__file__).parent.glob("bench_*.py"))
    configure_django()
    for name in names:
        module = importlib.import_module(f"tests.benchmarks.{name}")
        with section(f"{name}: {module.__doc__.strip().splitlines()[0]}"):
            module.run()


if __name__ == "__main__":
    main(sys.argv[1:])
