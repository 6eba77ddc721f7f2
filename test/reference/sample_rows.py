#!/usr/bin/env python3
"""What the samples panel shows of some samples before the first iteration, by numpy.

Usage:
    python3 sample_rows.py RUN.json

RUN.json holds a run's choices (layers, activation, outputActivation, bias, loss, init,
seed), its samples ({"x": [...], "t": [...]} each) and "rows", the indices of the samples
to show. The initial weights are drawn as numpy_trainer draws them from the seed. Prints
one JSON list, a row per index: the outputs of the forward pass, the sample's loss, and
the target's and the predicted class (the largest output).
"""

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy_trainer  # noqa: E402


def main(path):
    run = json.loads(Path(path).read_text())
    np.random.seed(run["seed"])
    net = numpy_trainer.Network(run, numpy_trainer.initial_weights(run))
    rows = run["rows"]
    x = np.array([run["samples"][i]["x"] for i in rows], dtype=np.float64)
    t = np.array([run["samples"][i]["t"] for i in rows], dtype=np.float64)
    _, activations = net.forward(x)
    outputs = activations[-1]
    losses = net.sample_losses(outputs, t)
    print(json.dumps([
        {"outputs": outputs[k].tolist(), "loss": float(losses[k]),
         "target": int(np.argmax(t[k])), "predicted": int(np.argmax(outputs[k]))}
        for k in range(len(rows))
    ]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
