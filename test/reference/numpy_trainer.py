#!/usr/bin/env python3
"""Independent numpy reference trainer for descent's reference runs.

Implements the rules of the reference-run README (weight layout, numpy legacy
MT19937 seeding, initialisations, test split, mini-batch shuffles, losses,
penalties, optimizers, trace semantics) in float64, without using any of the
TypeScript code.

Usage:
    python3 numpy_trainer.py spec.json > run.json
    python3 numpy_trainer.py --iteration1 spec.json > run.json
                                            # also spell out iteration 1 (one sample, full batch)
    python3 numpy_trainer.py --check DIR    # re-run every reference run in DIR

A spec holds the run's keys (name, note, layers, activation, bias, learningRate,
iterations, seed, samples and optionally outputActivation, loss, batch, test,
l1, l2, optimizer, momentum, init), plus `traceAt` (iterations to trace) and
optionally `initialWeights` (hand-set starting weights, see `initial_weights`).
"""

import json
import sys
from pathlib import Path

import numpy as np

# Keys that describe a run, in the order the reference files list them.
BASE_KEYS = ["name", "note", "layers", "activation", "bias", "learningRate", "iterations", "seed"]
OPTIONAL_KEYS = ["outputActivation", "loss", "batch", "test", "l1", "l2", "optimizer", "momentum", "init"]


# --------------------------------------------------------------------------
# Activations. `derivative` takes the pre-activation z and the activation a.
# --------------------------------------------------------------------------

def activate(name, z):
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "linear":
        return z.copy()
    if name == "softmax":
        e = np.exp(z - np.max(z, axis=-1, keepdims=True))
        return e / np.sum(e, axis=-1, keepdims=True)
    raise ValueError(f"unknown activation {name!r}")


def derivative(name, z, a):
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "tanh":
        return 1.0 - a * a
    if name == "relu":
        return np.where(z > 0.0, 1.0, 0.0)  # derivative at exactly 0 is 0
    if name == "linear":
        return np.ones_like(z)
    raise ValueError(f"no elementwise derivative for {name!r}")


# --------------------------------------------------------------------------
# The network: weights[l] has shape (n_out, n_in (+1 with bias)); the bias is
# the last entry of each row.
# --------------------------------------------------------------------------

class Network:
    def __init__(self, run, weights):
        self.layers = run["layers"]
        self.bias = run["bias"]
        self.hidden_activation = run["activation"]
        self.output_activation = run.get("outputActivation", run["activation"])
        self.loss_name = run.get("loss", "squared")
        self.weights = [np.array(w, dtype=np.float64) for w in weights]
        if self.output_activation == "softmax" and self.loss_name != "cross-entropy":
            raise ValueError("softmax needs cross-entropy")
        if self.loss_name == "cross-entropy" and self.output_activation not in ("sigmoid", "softmax"):
            raise ValueError("cross-entropy needs sigmoid or softmax outputs")

    def activation_of(self, layer_index):
        """Activation of weight layer `layer_index` (0 = first hidden layer)."""
        return self.output_activation if layer_index == len(self.weights) - 1 else self.hidden_activation

    def split(self, w):
        """(weights without bias, bias vector or None)."""
        return (w[:, :-1], w[:, -1]) if self.bias else (w, None)

    def forward(self, x):
        """x: (batch, n_in). Returns the lists of SOPs (z) and activations, inputs first."""
        activations, sops = [x], []
        for l, w in enumerate(self.weights):
            w_in, b = self.split(w)
            z = activations[-1] @ w_in.T
            if b is not None:
                z = z + b
            sops.append(z)
            activations.append(activate(self.activation_of(l), z))
        return sops, activations

    def sample_losses(self, p, t):
        """Loss of each sample (rows of p and t)."""
        if self.loss_name == "squared":
            return np.sum((p - t) ** 2, axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.output_activation == "softmax":
                terms = np.where(t != 0.0, t * np.log(p), 0.0)
                return -np.sum(terms, axis=1)
            # sigmoid outputs: binary cross-entropy per output
            pos = np.where(t != 0.0, t * np.log(p), 0.0)
            neg = np.where(t != 1.0, (1.0 - t) * np.log(1.0 - p), 0.0)
            return -np.sum(pos + neg, axis=1)

    def mean_loss(self, x, t):
        _, activations = self.forward(x)
        return float(np.mean(self.sample_losses(activations[-1], t))), activations[-1]

    def backward(self, x, t):
        """Textbook backpropagation of the batch's mean data loss.

        Returns (mean loss, outputs, gradients, details) with gradients shaped like
        the weights, all computed from the weights before any update.
        """
        sops, activations = self.forward(x)
        p = activations[-1]
        n = x.shape[0]
        loss = float(np.mean(self.sample_losses(p, t)))

        # dLoss/dSOP of the output layer, per sample
        if self.loss_name == "cross-entropy":
            delta = p - t  # exact simplification for sigmoid and softmax outputs
        else:
            delta = 2.0 * (p - t) * derivative(self.output_activation, sops[-1], p)

        deltas = [None] * len(self.weights)
        grads = [None] * len(self.weights)
        for l in range(len(self.weights) - 1, -1, -1):
            deltas[l] = delta
            g_w = delta.T @ activations[l] / n  # (n_out, n_in), mean over the batch
            if self.bias:
                g_b = np.sum(delta, axis=0) / n
                grads[l] = np.concatenate([g_w, g_b[:, None]], axis=1)
            else:
                grads[l] = g_w
            if l > 0:
                w_in, _ = self.split(self.weights[l])
                delta = (delta @ w_in) * derivative(self.hidden_activation, sops[l - 1], activations[l])
        details = {"sops": sops, "activations": activations, "deltas": deltas}
        return loss, p, grads, details


def penalty_gradient(run, w, bias):
    """Gradient of l2 * sum(w^2) + l1 * sum(|w|) over the weights (not the biases)."""
    l1, l2 = run.get("l1", 0), run.get("l2", 0)
    g = 2.0 * l2 * w + l1 * np.sign(w)
    if bias:
        g[:, -1] = 0.0
    return g


class Optimizer:
    def __init__(self, run, weights):
        self.kind = run.get("optimizer", "sgd")
        self.lr = run["learningRate"]
        self.mu = run.get("momentum", 0.9)
        self.t = 0
        self.v = [np.zeros_like(w) for w in weights]
        self.m = [np.zeros_like(w) for w in weights]

    def step(self, weights, grads):
        """Updates `weights` in place."""
        if self.kind == "adam":
            self.t += 1
        for i, (w, g) in enumerate(zip(weights, grads)):
            if self.kind == "sgd":
                w -= self.lr * g
            elif self.kind == "momentum":
                self.v[i] = self.mu * self.v[i] - self.lr * g
                w += self.v[i]
            elif self.kind == "adam":
                self.m[i] = 0.9 * self.m[i] + 0.1 * g
                self.v[i] = 0.999 * self.v[i] + 0.001 * g * g
                m_hat = self.m[i] / (1.0 - 0.9 ** self.t)
                v_hat = self.v[i] / (1.0 - 0.999 ** self.t)
                w -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)
            else:
                raise ValueError(f"unknown optimizer {self.kind!r}")


def initial_weights(run):
    """Rule 1: one draw per row, layer by layer, row by row, after numpy.random.seed(seed).

    When the spec gives `initialWeights` (hand-set teacher examples), they are used
    as they are and NOTHING is drawn for the weights: the generator is still seeded,
    and the test split and the mini-batch shuffles draw from its very first values.
    """
    if "initialWeights" in run:
        return [np.array(w, dtype=np.float64) for w in run["initialWeights"]]
    init = run.get("init", "rand")
    layers, row_extra = run["layers"], 1 if run["bias"] else 0
    weights = []
    for n_in, n_out in zip(layers[:-1], layers[1:]):
        rows = []
        for _ in range(n_out):
            size = n_in + row_extra
            if init == "rand":
                rows.append(np.random.rand(size))
            elif init == "uniform":
                rows.append(np.random.uniform(-0.5, 0.5, size))
            elif init == "xavier":
                a = np.sqrt(6.0 / (n_in + n_out))
                rows.append(np.random.uniform(-a, a, size))
            elif init == "he":
                a = np.sqrt(6.0 / n_in)
                rows.append(np.random.uniform(-a, a, size))
            else:
                raise ValueError(f"unknown init {init!r}")
        weights.append(np.array(rows))
    return weights


def train(run, trace_at):
    np.random.seed(run["seed"])  # numpy's legacy global MT19937 generator
    weights = initial_weights(run)
    start = [w.copy() for w in weights]

    samples = run["samples"]
    x_all = np.array([s["x"] for s in samples], dtype=np.float64)
    t_all = np.array([s["t"] for s in samples], dtype=np.float64)
    n = len(samples)

    # Rule 2: test split
    test_fraction = run.get("test", 0)
    test_idx = []
    if test_fraction > 0:
        perm = np.random.permutation(n)
        n_test = int(np.floor(test_fraction * n))
        test_idx = sorted(int(i) for i in perm[:n_test])
    train_idx = [i for i in range(n) if i not in set(test_idx)]
    x_train, t_train = x_all[train_idx], t_all[train_idx]
    m = len(train_idx)

    batch = run.get("batch", m)
    mini = batch < m
    trace_outputs = not mini and not test_idx

    net = Network(run, weights)
    opt = Optimizer(run, net.weights)
    trace_set = set(trace_at)
    trace = {}
    order, cursor = None, m  # cursor == m: start a new epoch
    for k in range(1, run["iterations"] + 1):
        if mini:
            if cursor >= m:  # Rule 3: new epoch
                order = np.random.permutation(m)
                cursor = 0
            rows = order[cursor:cursor + batch]
            cursor += batch
            xb, tb = x_train[rows], t_train[rows]
        else:
            xb, tb = x_train, t_train
        loss, outputs, grads, _ = net.backward(xb, tb)
        if k in trace_set:
            entry = {"error": loss}
            if trace_outputs:
                entry["outputs"] = outputs.tolist()
            trace[str(k)] = entry
        if run.get("l1", 0) or run.get("l2", 0):
            grads = [g + penalty_gradient(run, w, run["bias"]) for g, w in zip(grads, net.weights)]
        opt.step(net.weights, grads)

    result = {key: run[key] for key in BASE_KEYS if key in run}
    for key in run:
        if key in OPTIONAL_KEYS:
            result[key] = run[key]
    result["samples"] = samples
    if "initialWeights" in run:
        result["initialWeightsGiven"] = True  # hand-set, not drawn from the seed
    result["initialWeights"] = [w.tolist() for w in start]
    result["trace"] = {key: trace[key] for key in sorted(trace, key=int)}
    result["finalWeights"] = [w.tolist() for w in net.weights]
    if test_fraction > 0:
        result["testSamples"] = test_idx
        result["finalTrainError"] = net.mean_loss(x_train, t_train)[0]
        result["finalTestError"] = net.mean_loss(x_all[test_idx], t_all[test_idx])[0]
    return result


def iteration_one(run):
    """Every intermediate number of iteration 1 for a one-sample, full-batch run.

    Layers are listed from the first hidden layer on, except `activations`, which
    starts with the inputs.
    """
    np.random.seed(run["seed"])
    net = Network(run, initial_weights(run))
    if len(run["samples"]) != 1 or run.get("test", 0) > 0:
        raise ValueError("--iteration1 needs exactly one sample and no test split")
    x = np.array([run["samples"][0]["x"]], dtype=np.float64)
    t = np.array([run["samples"][0]["t"]], dtype=np.float64)
    loss, p, grads, d = net.backward(x, t)
    if run.get("l1", 0) or run.get("l2", 0):
        grads = [g + penalty_gradient(run, w, run["bias"]) for g, w in zip(grads, net.weights)]
    new_weights = [w.copy() for w in net.weights]
    Optimizer(run, new_weights).step(new_weights, grads)
    out = {
        "sops": [z[0].tolist() for z in d["sops"]],
        "activations": [a[0].tolist() for a in d["activations"]],
        "error": loss,
        "halfError": loss / 2.0,
        "dErrorDOutput": (2.0 * (p - t))[0].tolist() if net.loss_name == "squared" else None,
        "deltas": {
            "hidden": [delta[0].tolist() for delta in d["deltas"][:-1]],
            "output": d["deltas"][-1][0].tolist(),
        },
        "gradients": [g.tolist() for g in grads],
        "newWeights": [w.tolist() for w in new_weights],
    }
    if out["dErrorDOutput"] is None:
        del out["dErrorDOutput"]
    return out


# --------------------------------------------------------------------------
# --check: re-run reference runs from their own keys.
# --------------------------------------------------------------------------

def rel(a, b, floor):
    return abs(a - b) / max(abs(b), floor)


def max_rel(ours, ref, floor):
    flat_o, flat_r = _flatten(ours), _flatten(ref)
    if len(flat_o) != len(flat_r):
        return float("inf")
    return max((rel(o, r, floor) for o, r in zip(flat_o, flat_r)), default=0.0)


def _flatten(v):
    if isinstance(v, list):
        out = []
        for item in v:
            out.extend(_flatten(item))
        return out
    return [float(v)]


def compare(ours, ref):
    """Largest relative differences: (loss, weights and outputs)."""
    loss_diff, value_diff = 0.0, 0.0
    value_diff = max(value_diff, max_rel(ours["initialWeights"], ref["initialWeights"], 1e-6))
    value_diff = max(value_diff, max_rel(ours["finalWeights"], ref["finalWeights"], 1e-6))
    if set(ours["trace"]) != set(ref["trace"]):
        return float("inf"), float("inf")
    for k, entry in ref["trace"].items():
        loss_diff = max(loss_diff, rel(ours["trace"][k]["error"], entry["error"], 1e-9))
        if ("outputs" in entry) != ("outputs" in ours["trace"][k]):
            return float("inf"), float("inf")
        if "outputs" in entry:
            value_diff = max(value_diff, max_rel(ours["trace"][k]["outputs"], entry["outputs"], 1e-6))
    for key in ("finalTrainError", "finalTestError"):
        if (key in ref) != (key in ours):
            return float("inf"), float("inf")
        if key in ref:
            loss_diff = max(loss_diff, rel(ours[key], ref[key], 1e-9))
    if ours.get("testSamples") != ref.get("testSamples"):
        return float("inf"), float("inf")
    return loss_diff, value_diff


def check(directory):
    worst = 0.0
    for path in sorted(Path(directory).glob("*.json")):
        ref = json.loads(path.read_text())
        if not isinstance(ref, dict) or "trace" not in ref:
            continue  # generator streams, not runs
        spec = {k: v for k, v in ref.items() if k not in ("trace", "finalWeights", "testSamples",
                                                           "finalTrainError", "finalTestError", "iteration1")}
        if not spec.pop("initialWeightsGiven", False):
            spec.pop("initialWeights")  # re-derive them from the seed
        ours = train(spec, [int(k) for k in ref["trace"]])
        loss_diff, value_diff = compare(ours, ref)
        worst = max(worst, loss_diff, value_diff)
        print(f"{path.name:40s} loss {loss_diff:.2e}  weights/outputs {value_diff:.2e}")
    print(f"{'largest':40s} {worst:.2e}")
    return worst


def main(argv):
    if len(argv) == 3 and argv[1] == "--check":
        return 0 if check(argv[2]) <= 1e-12 else 1
    with_iteration1 = len(argv) == 3 and argv[1] == "--iteration1"
    if len(argv) != 2 and not with_iteration1:
        print(__doc__, file=sys.stderr)
        return 2
    spec = json.loads(Path(argv[-1]).read_text())
    trace_at = spec.pop("traceAt")
    result = train(spec, trace_at)
    if with_iteration1:
        result["iteration1"] = iteration_one(spec)
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
