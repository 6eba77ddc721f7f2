"""A vectorised numpy trainer of descent's maths, timed: what a learner writes in numpy.

The whole batch at once (`X @ W.T`, OpenBLAS on every core), the weights as descent lays
them out (a row per receiving neuron, the bias last), numpy's legacy generator seeded as
descent seeds it (rand, xavier or he rows; the test split and each epoch's order by
`permutation`), and the test error over the held-out samples measured at the iterations
descent measures it (1, then every stride-th, the stride doubling at 512 points).

Serves one run: reads JSON lines on stdin and answers each with one JSON line:
  {"setup": FILE}   the run's choices and samples (as bench/training-matrix.ts writes them)
  {"train": N}      N more iterations; answers the wall-clock and CPU milliseconds they took
  {"weights": 1}    the iteration reached, the weights (nested) and the last batch's error
"""
import json
import sys
import time

import numpy as np


def activate(name, z):
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError(f"unknown activation {name!r}")


def derivative(name, z, a):
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "tanh":
        return 1.0 - a * a
    if name == "relu":
        return (z > 0.0).astype(np.float64)
    raise ValueError(f"no derivative for {name!r}")


class Run:
    def __init__(self, spec):
        self.spec = spec
        self.layers = spec["layers"]
        self.bias = spec["bias"]
        self.hidden, self.output = spec["activation"], spec["outputActivation"]
        self.cross_entropy = spec["loss"] == "cross-entropy"
        self.lr = spec["learningRate"]
        np.random.seed(spec["seed"])
        self.weights = [self.initial(n_in, n_out) for n_in, n_out in zip(self.layers[:-1], self.layers[1:])]
        x = np.array([s["x"] for s in spec["samples"]], dtype=np.float64)
        t = np.array([s["t"] for s in spec["samples"]], dtype=np.float64)
        n = len(x)
        test = []
        if spec["test"] > 0:
            test = sorted(int(i) for i in np.random.permutation(n)[: int(np.floor(spec["test"] * n))])
        held = set(test)
        train = [i for i in range(n) if i not in held]
        self.x, self.t = x[train], t[train]
        self.x_test, self.t_test = x[test], t[test]
        self.batch = spec.get("batch") or len(train)
        self.order, self.cursor = None, len(train)
        self.adam = spec["optimizer"] == "adam"
        self.m = [np.zeros_like(w) for w in self.weights]
        self.v = [np.zeros_like(w) for w in self.weights]
        self.iteration, self.error = 0, float("nan")
        self.stride, self.tests = 1, []

    def initial(self, n_in, n_out):
        init, size = self.spec["init"], (n_out, n_in + (1 if self.bias else 0))
        rows = []
        for _ in range(n_out):
            if init == "rand":
                rows.append(np.random.rand(size[1]))
            else:
                a = np.sqrt(6.0 / (n_in + n_out)) if init == "xavier" else np.sqrt(6.0 / n_in)
                rows.append(np.random.uniform(-a, a, size[1]))
        return np.array(rows)

    def forward(self, x):
        sops, acts = [], [x]
        for l, w in enumerate(self.weights):
            z = acts[-1] @ (w[:, :-1] if self.bias else w).T
            if self.bias:
                z += w[:, -1]
            sops.append(z)
            acts.append(activate(self.output if l == len(self.weights) - 1 else self.hidden, z))
        return sops, acts

    def loss(self, p, t):
        if not self.cross_entropy:
            return float(np.mean(np.sum((p - t) ** 2, axis=1)))
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.output == "softmax":
                return float(-np.mean(np.sum(np.where(t != 0.0, t * np.log(p), 0.0), axis=1)))
            terms = np.where(t != 0.0, t * np.log(p), 0.0) + np.where(t != 1.0, (1.0 - t) * np.log(1.0 - p), 0.0)
            return float(-np.mean(np.sum(terms, axis=1)))

    def step(self):
        if self.batch < len(self.x):
            if self.cursor >= len(self.x):
                self.order, self.cursor = np.random.permutation(len(self.x)), 0
            rows = self.order[self.cursor : self.cursor + self.batch]
            self.cursor += self.batch
            x, t = self.x[rows], self.t[rows]
        else:
            x, t = self.x, self.t
        sops, acts = self.forward(x)
        p, n = acts[-1], len(x)
        self.error = self.loss(p, t)
        delta = p - t if self.cross_entropy else 2.0 * (p - t) * derivative(self.output, sops[-1], p)
        self.iteration += 1
        if self.adam:
            c1, c2 = 1.0 - 0.9**self.iteration, 1.0 - 0.999**self.iteration
        for l in range(len(self.weights) - 1, -1, -1):
            w = self.weights[l]
            g = delta.T @ acts[l] / n
            if self.bias:
                g = np.concatenate([g, delta.sum(axis=0)[:, None] / n], axis=1)
            if l > 0:
                delta = (delta @ (w[:, :-1] if self.bias else w)) * derivative(self.hidden, sops[l - 1], acts[l])
            if self.adam:
                self.m[l] = 0.9 * self.m[l] + 0.1 * g
                self.v[l] = 0.999 * self.v[l] + 0.001 * g * g
                w -= self.lr * (self.m[l] / c1) / (np.sqrt(self.v[l] / c2) + 1e-8)
            else:
                w -= self.lr * g
        if len(self.x_test) > 0 and (self.iteration == 1 or self.iteration % self.stride == 0):
            self.tests.append((self.iteration, self.loss(self.forward(self.x_test)[1][-1], self.t_test)))
            if len(self.tests) >= 512:
                self.stride *= 2
                self.tests = [(k, e) for k, e in self.tests if k == 1 or k % self.stride == 0]


def main():
    run = None
    for line in sys.stdin:
        command = json.loads(line)
        if "setup" in command:
            with open(command["setup"], encoding="utf8") as file:
                run = Run(json.load(file))
            answer = {"python": sys.version.split()[0], "numpy": np.__version__}
        elif "train" in command:
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in range(command["train"]):
                run.step()
            answer = {"wallMs": (time.perf_counter() - wall) * 1000, "cpuMs": (time.process_time() - cpu) * 1000}
        else:
            answer = {"iteration": run.iteration, "weights": [w.tolist() for w in run.weights], "error": run.error}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
