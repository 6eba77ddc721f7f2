"""The tutorial's 3-input listing (3 inputs, 2 hidden neurons, 1 output), timed.

A faithful port: the same helper functions, chained derivatives g1 ... g5 and per-array
updates with numpy arrays. Two changes, both outside the loop's arithmetic: the seed is set
(numpy.random.seed) so that the run matches `descent --seed`, and the per-iteration
print(predicted) is left out unless --print is given, because it would time the terminal.

Prints one JSON object: iterations per second (wall clock and CPU time) of each timed run
and the last predicted. With --serve (what `npm run bench` uses) it warms up, then runs
train(N) for each N read from stdin and answers each with one JSON line, so that the bench
can interleave its runs with the JavaScript ones.
"""
import argparse
import json
import sys
import time

import numpy


def sigmoid(sop):
    return 1.0 / (1 + numpy.exp(-1 * sop))


def error(predicted, target):
    return numpy.power(predicted - target, 2)


def error_predicted_deriv(predicted, target):
    return 2 * (predicted - target)


def sigmoid_sop_deriv(sop):
    return sigmoid(sop) * (1.0 - sigmoid(sop))


def sop_w_deriv(x):
    return x


def update_w(w, grad, learning_rate):
    return w - learning_rate * grad


def train(iterations, seed, show):
    x = numpy.array([0.1, 0.4, 4.1])
    target = numpy.array([0.2])

    learning_rate = 0.001

    numpy.random.seed(seed)
    w1_3 = numpy.random.rand(3)
    w2_3 = numpy.random.rand(3)
    w3_2 = numpy.random.rand(2)
    w3_2_old = w3_2

    predicted = None
    for k in range(iterations):
        # Forward Pass
        # Hidden Layer Calculations
        sop1 = numpy.sum(w1_3 * x)
        sop2 = numpy.sum(w2_3 * x)

        sig1 = sigmoid(sop1)
        sig2 = sigmoid(sop2)

        # Output Layer Calculations
        sop3 = numpy.sum(w3_2 * numpy.array([sig1, sig2]))

        predicted = sigmoid(sop3)
        err = error(predicted, target)

        # Backward Pass
        g1 = error_predicted_deriv(predicted, target)

        ### Working with weights between hidden and output layer
        g2 = sigmoid_sop_deriv(sop3)

        g3 = numpy.zeros(w3_2.shape[0])
        g3[0] = sop_w_deriv(sig1)
        g3[1] = sop_w_deriv(sig2)

        grad_hidden_output = g3 * g2 * g1

        w3_2 = update_w(w3_2, grad_hidden_output, learning_rate)

        ### Working with weights between input and hidden layer
        # First Hidden Neuron
        g3 = sop_w_deriv(w3_2_old[0])
        g4 = sigmoid_sop_deriv(sop1)

        g5 = sop_w_deriv(x)

        grad_hidden1_input = g5 * g4 * g3 * g2 * g1

        w1_3 = update_w(w1_3, grad_hidden1_input, learning_rate)

        # Second Hidden Neuron
        g3 = sop_w_deriv(w3_2_old[1])
        g4 = sigmoid_sop_deriv(sop2)

        g5 = sop_w_deriv(x)

        grad_hidden2_input = g5 * g4 * g3 * g2 * g1

        w2_3 = update_w(w2_3, grad_hidden2_input, learning_rate)

        w3_2_old = w3_2
        if show:
            print(predicted)

    return float(predicted)


def serve(seed):
    """One JSON line per request: a line on stdin holding N runs train(N) and reports its time."""
    train(2_000, seed, False)  # warm-up: imports, allocator, caches
    print(json.dumps({"python": sys.version.split()[0], "numpy": numpy.__version__}), flush=True)
    for line in sys.stdin:
        iterations = int(line)
        start = time.perf_counter()
        cpu_start = time.process_time()
        predicted = train(iterations, seed, False)
        cpu = time.process_time() - cpu_start
        wall = time.perf_counter() - start
        print(json.dumps({"wallMs": wall * 1000, "cpuMs": cpu * 1000, "predicted": predicted}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=80_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--print", dest="show", action="store_true")
    parser.add_argument("--serve", action="store_true", help="answer requests on stdin (the bench's way)")
    args = parser.parse_args()
    if args.serve:
        serve(args.seed)
        return

    train(2_000, args.seed, False)  # warm-up: imports, allocator, caches
    rates = []
    cpu_rates = []
    predicted = None
    for _ in range(args.repeats):
        start = time.perf_counter()
        cpu_start = time.process_time()
        predicted = train(args.iterations, args.seed, args.show)
        cpu_rates.append(args.iterations / (time.process_time() - cpu_start))
        rates.append(args.iterations / (time.perf_counter() - start))

    json.dump(
        {
            "rates": rates,
            "cpuRates": cpu_rates,
            "predicted": predicted,
            "python": sys.version.split()[0],
            "numpy": numpy.__version__,
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
