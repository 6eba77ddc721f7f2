"""The generated datasets, written independently in numpy from the formulas documented in
source/core/datasets.ts: one scalar draw at a time, sample by sample, in the documented order.

Writes test/fixtures/datasets.json (run from the repository root: python3 test/reference/datasets.py).
Every float is written in full (Python's shortest round-trip repr), nothing rounded.
"""
import json
import math
import os

import numpy as np

SEEDS = [0, 3]
SIZES = [200, 37]
NOISES = [0.0, 0.2]


def noisy(F):
    return F * np.random.uniform(-1, 1)


def circle(i, F):
    L = i % 2
    r = np.random.uniform(0, 0.5) if L else np.random.uniform(0.7, 1)
    a = np.random.uniform(0, 2 * np.pi)
    x1 = r * math.cos(a) + noisy(F)
    x2 = r * math.sin(a) + noisy(F)
    return [x1, x2], L


def xor(i, F):
    L = i % 2
    s = 1 if (i // 2) % 2 == 0 else -1
    m1 = np.random.uniform(0.1, 1)
    m2 = np.random.uniform(0.1, 1)
    x1 = s * m1 + noisy(F)
    x2 = s * (1 - 2 * L) * m2 + noisy(F)
    return [x1, x2], L


def gauss(i, F):
    L = i % 2
    c = 0.5 if L else -0.5
    x1 = min(max(c + 0.15 * np.random.standard_normal(), -1), 1)
    x2 = min(max(c + 0.15 * np.random.standard_normal(), -1), 1)
    return [x1 + noisy(F), x2 + noisy(F)], L


def spiral(i, F):
    L = i % 2
    r = np.random.uniform(0, 1)
    t = 3.5 * np.pi * r + np.pi * L
    return [r * math.sin(t) + noisy(F), r * math.cos(t) + noisy(F)], L


def plane(i, F):
    x1 = np.random.uniform(-1, 1)
    x2 = np.random.uniform(-1, 1)
    return [x1, x2], (x1 + x2) / 2 + noisy(F)


def sine(i, F):
    x = np.random.uniform(-2 * np.pi, 2 * np.pi)
    return [x], math.sin(x) + noisy(F)


DATASETS = {'circle': circle, 'xor': xor, 'gauss': gauss, 'spiral': spiral, 'plane': plane, 'sine': sine}


def generate(point, seed, count, F):
    np.random.seed(seed)
    xs, labels = [], []
    for i in range(count):
        x, label = point(i, F)
        xs.append([float(v) for v in x])
        labels.append(label if isinstance(label, int) else float(label))
    return xs, labels


def main():
    entries = []
    for name, point in DATASETS.items():
        for seed in SEEDS:
            for count in SIZES:
                for F in NOISES:
                    xs, labels = generate(point, seed, count, F)
                    entries.append({'name': name, 'dataSeed': seed, 'samples': count, 'noise': F, 'x': xs, 'label': labels})

    path = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'datasets.json')
    with open(path, 'w') as out:
        out.write('{"note": "numpy reference: test/reference/datasets.py", "datasets": [\n')
        out.write(',\n'.join(json.dumps(entry, separators=(',', ':')) for entry in entries))
        out.write('\n]}\n')


if __name__ == '__main__':
    main()
