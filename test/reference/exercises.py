#!/usr/bin/env python3
"""The numbers of descent's exercises, from numpy: run by test/session/exercise-numpy.test.ts.

Reads a JSON list of exercises (as `descent exercise --json` prints them) on stdin. For
each, computes iteration 1 of its own network with numpy_trainer.py (independent of the
TypeScript), and again as a learner would by hand: every named number rounded to 4
significant digits before it is used. Prints a JSON list, one entry per exercise:
{"exact": VALUES, "byHand": VALUES}, where VALUES holds `sops` and `activations` (one list
per non-input layer), `error`, `deltas` (one list per non-input layer), `gradients` and
`newWeights` (nested as the weights).
"""

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from numpy_trainer import Network, Optimizer, activate, derivative, iteration_one  # noqa: E402


def spec_of(exercise):
    net = exercise["network"]
    sample = net["samples"][0]
    return {
        "layers": net["layers"], "activation": net["activation"], "outputActivation": net["outputActivation"],
        "bias": net["bias"], "loss": net["loss"], "optimizer": net["optimizer"], "learningRate": net["learningRate"],
        "seed": exercise["seed"], "samples": [{"x": sample["inputs"], "t": sample["target"]}],
        "initialWeights": net["weights"],
    }


def exact(spec):
    one = iteration_one(spec)
    return {
        "sops": one["sops"], "activations": one["activations"][1:], "error": one["error"],
        "deltas": one["deltas"]["hidden"] + [one["deltas"]["output"]],
        "gradients": one["gradients"], "newWeights": one["newWeights"],
    }


def r4(x):
    """A number as a learner writes it: 4 significant digits."""
    return np.vectorize(lambda v: float(f"{v:.4g}"))(np.asarray(x, dtype=np.float64))


def by_hand(spec):
    """Iteration 1 worked step by step, each named number rounded to 4 significant digits first."""
    net = Network(spec, spec["initialWeights"])
    x = np.array(spec["samples"][0]["x"], dtype=np.float64)
    t = np.array(spec["samples"][0]["t"], dtype=np.float64)
    sops, activations = [], [x]
    for l, w in enumerate(net.weights):
        w_in, b = net.split(w)
        z = r4(w_in @ activations[-1] + (b if b is not None else 0.0))
        sops.append(z)
        activations.append(r4(activate(net.activation_of(l), z[None, :])[0]))
    p = activations[-1]
    error = float(r4(net.sample_losses(p[None, :], t[None, :])[0]))
    if net.loss_name == "cross-entropy":
        delta = r4(p - t)
    else:
        delta = r4(r4(2.0 * (p - t)) * r4(derivative(net.output_activation, sops[-1], p)))
    deltas = [None] * len(net.weights)
    grads = [None] * len(net.weights)
    for l in range(len(net.weights) - 1, -1, -1):
        deltas[l] = delta
        g = r4(np.outer(delta, activations[l]))
        grads[l] = np.concatenate([g, delta[:, None]], axis=1) if net.bias else g
        if l > 0:
            w_in, _ = net.split(net.weights[l])
            delta = r4(r4(delta @ w_in) * r4(derivative(net.hidden_activation, sops[l - 1], activations[l])))
    new_weights = [w.copy() for w in net.weights]
    Optimizer(spec, new_weights).step(new_weights, grads)
    return {
        "sops": [z.tolist() for z in sops], "activations": [a.tolist() for a in activations[1:]], "error": error,
        "deltas": [d.tolist() for d in deltas], "gradients": [g.tolist() for g in grads],
        "newWeights": [r4(w).tolist() for w in new_weights],
    }


def main():
    exercises = json.load(sys.stdin)
    out = [{"exact": exact(spec_of(e)), "byHand": by_hand(spec_of(e))} for e in exercises]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
