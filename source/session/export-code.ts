import {ACTIVATIONS, type ActivationName} from '../core/maths/activations.js';
import {LOSSES} from '../core/maths/losses.js';
import {OPTIMIZERS, parameterOf} from '../core/maths/optimizers.js';
import {hasPenalty} from '../core/maths/penalty.js';
import type {Trainer} from '../core/training/trainer.js';
import type {Setup} from '../core/setup.js';
import {freshStart, py, pyList, stateStart} from './export-code-start.js';
import {InputError} from './input-error.js';

/**
 * `--export-code`: the run as one standalone Python file that needs only numpy. It reads as
 * the tutorial's code does (SOP, Activ, g1 …, the gradient, the learning rate), is written
 * from the registry entries' numpy (activations, losses, optimizers, initialisations), and
 * reproduces descent's numbers: from the seed when the run is at its start, else from the
 * trainer's state. Its last line is `{"weights": …, "error": …, "finalError": …}`.
 */
export function numpyScript(trainer: Trainer): string {
	if (trainer.walk.count > 0) {
		throw new InputError('in the middle of a phase walk: s completes the iteration, then the script can start from it');
	}

	const fresh = trainer.iteration === 0;
	const sections = [header(trainer), constants(trainer, fresh), samples(trainer), functions(trainer), fresh ? freshStart(trainer) : stateStart(trainer)];
	return [...sections, loop(trainer), ending(trainer)].map(lines => lines.join('\n')).join('\n\n\n') + '\n';
}

function header(trainer: Trainer): string[] {
	const {setup} = trainer;
	const choices = [
		setup.layers.join(' → '),
		setup.outputActivation === setup.activation ? setup.activation : `${setup.activation}, ${setup.outputActivation} output`,
		setup.bias ? 'bias' : 'no bias',
		`${setup.loss} error`,
		setup.optimizer,
	];
	return [
		'#!/usr/bin/env python3',
		`"""descent's run as a numpy script: ${choices.join(', ')}.`,
		'',
		'Gradient descent as the tutorial writes it: the forward pass (SOP, Activ), the error, the',
		"chain of derivatives (g1, g2, …) back to each weight's gradient, and the update with the",
		'learning rate. It needs python3 and numpy only. Run it as `python3 THIS_FILE`: it prints a',
		'short summary, then as its last line one JSON object with the final weights and errors, as',
		'`descent --headless --json` prints them.',
		'',
		`Written by descent at iteration ${trainer.iteration} of the run; it trains on to iteration ${setup.limit}.`,
		'"""',
		'',
		'import json',
		'import math',
		'',
		'import numpy as np',
	];
}

function constants(trainer: Trainer, fresh: boolean): string[] {
	const {setup, schedule} = trainer;
	return [
		'LAYERS = ' + pyList(setup.layers, String) + '  # neurons per layer, inputs first',
		'DEPTH = len(LAYERS) - 1  # layers of weights',
		`LEARNING_RATE = ${py(fresh ? trainer.learningRate : setup.learningRate)}  # the learning rate the run started with`,
		`ITERATIONS = ${setup.limit}  # the run stops after this many updates`,
		...(fresh ? [`SEED = ${setup.seed}  # numpy.random.seed(SEED): the initial weights, the test split, the batches' order`] : []),
		...(fresh && setup.test > 0 ? [`TEST = ${py(setup.test)}  # the fraction of the samples held out for testing`] : []),
		...(schedule.fullBatch ? [] : [`BATCH = ${schedule.batchSize}  # samples per update, shuffled every epoch`]),
		...optimizerSetting(setup),
		...(hasPenalty(setup) ? [`L1 = ${py(setup.l1)}  # penalty λ·Σ|w| on the weights, not the biases`, `L2 = ${py(setup.l2)}  # penalty λ·Σw²`] : []),
		...(setup.untilError === undefined ? [] : [`UNTIL_ERROR = ${py(setup.untilError)}  # stop at the first iteration whose error is at most this`]),
	];
}

function samples(trainer: Trainer): string[] {
	const rows = (values: (sample: (typeof trainer.setup.samples)[number]) => readonly number[]) =>
		['np.array([', ...trainer.setup.samples.map(sample => `    ${pyList(values(sample))},`), '], dtype=np.float64)'].join('\n');
	const inputs = trainer.setup.layers[0]!;
	return [
		`# The samples, a row each: the inputs (${inputs === 1 ? 'x1' : inputs === 2 ? 'x1, x2' : `x1 … x${inputs}`}) and the targets`,
		`INPUTS = ${rows(sample => sample.x)}`,
		`TARGETS = ${rows(sample => sample.t)}`,
	];
}

/** The activation functions the network uses, each with its derivative; the error; the forward pass. */
function functions(trainer: Trainer): string[] {
	const {setup, network} = trainer;
	const hidden = network.depth > 1 ? [setup.activation] : [];
	const needed: Array<[ActivationName, boolean]> = [
		...hidden.map(name => [name, true] as [ActivationName, boolean]),
		[setup.outputActivation, LOSSES.entries[setup.loss].errorDerivative !== undefined],
	];
	const written = new Set<string>();
	const lines: string[] = [];
	for (const [name, withDerivative] of needed) {
		const {formula, derivativeFormula, numpy} = ACTIVATIONS.entries[name];
		if (!written.has(name)) {
			written.add(name);
			lines.push(`def ${name}(sop):`, `    """${formula}"""`, ...numpy.activate.map(line => `    ${line}`), '', '');
		}

		if (withDerivative && numpy.derivative && !written.has(`${name}_derivative`)) {
			written.add(`${name}_derivative`);
			lines.push(`def ${name}_derivative(sop, activ):`, `    """dActiv/dSOP = ${derivativeFormula}"""`, `    return ${numpy.derivative}`, '', '');
		}
	}

	const loss = LOSSES.entries[setup.loss];
	const activate = network.depth > 1 && setup.activation !== setup.outputActivation;
	lines.push(
		'def errors_of(predicted, target):',
		`    """Each sample's error: ${loss.formula.replace('Error = ', '')}, summed over the outputs"""`,
		`    return np.sum(${loss.numpy.error(setup.outputActivation)}, axis=1)`,
		'',
		'',
		'def forward(weights, x):',
		'    """The forward pass, layer by layer: each neuron\'s SOP (sum of products), then its Activ.',
		'    Returns every layer\'s SOPs and Activs, a row per sample; layer 0\'s Activ is the inputs."""',
		'    sops, activs = [None], [x]',
		'    for l in range(DEPTH):',
		`        sop = activs[l] @ weights[l]${setup.bias ? '[:, : LAYERS[l]]' : ''}.T  # SOP = Σ w · input`,
		...(setup.bias ? ['        sop = sop + weights[l][:, LAYERS[l]]  # + the bias'] : []),
		'        sops.append(sop)',
		`        activs.append(${activate ? `${setup.activation}(sop) if l < DEPTH - 1 else ${setup.outputActivation}(sop)` : `${setup.outputActivation}(sop)`})`,
		'    return sops, activs',
	);
	return lines;
}

/** One iteration after another, each in the tutorial's steps. */
function loop(trainer: Trainer): string[] {
	const {setup, schedule, network} = trainer;
	const optimizer = OPTIMIZERS.entries[setup.optimizer];
	const loss = LOSSES.entries[setup.loss];
	const batch = schedule.fullBatch
		? ['    batch = train_samples  # every training sample, every iteration']
		: [
				"    # The batch: the next BATCH training samples in this epoch's order, drawn as it begins",
				'    if cursor == 0:',
				'        order = np.random.permutation(len(train_samples))',
				'    batch = train_samples[order[cursor : cursor + BATCH]]',
				'    cursor = (cursor + len(batch)) % len(train_samples)',
			];
	const gradient = setup.bias ? 'np.hstack([delta.T @ activs[l], np.sum(delta, axis=0)[:, None]]) / n' : '(delta.T @ activs[l]) / n';
	return [
		'iteration, error, status = start, math.nan, "done"',
		'for iteration in range(start + 1, ITERATIONS + 1):',
		...batch,
		'    x, target = INPUTS[batch], TARGETS[batch]',
		'    n = len(x)',
		'',
		'    # 1. Forward: the SOP and Activ of every neuron, for every sample of the batch',
		'    sops, activs = forward(weights, x)',
		'    sop, predicted = sops[DEPTH], activs[DEPTH]',
		'',
		"    # 2. The error: the mean over the batch of each sample's error (before the update)",
		'    error = np.sum(errors_of(predicted, target)) / n',
		'',
		'    # 3. Backward, the chain of derivatives. delta = dError/dSOP of each neuron, from the output',
		'    # layer back. For a weight into the output layer, gradient = g1 · g2 · g3: g1 = dError/dPredicted,',
		"    # g2 = dPredicted/dSOP, g3 = dSOP/dW = its input. A layer further back (the tutorial's W11):",
		'    # g3 = dSOP/dActiv = the weight between, g4 = dActiv/dSOP, g5 = dSOP/dW = its input.',
		...loss.numpy.delta(`${setup.outputActivation}_derivative`).map(line => `    ${line}`),
		'    gradients = [None] * DEPTH',
		'    for l in reversed(range(DEPTH)):',
		"        # each weight's gradient: the mean over the batch of delta · its input (the chain's last factor)",
		`        gradients[l] = ${gradient}`,
		...(network.depth > 1
			? [
					'        if l > 0:',
					'            # one layer back: (Σ w · delta of the next layer) · dActiv/dSOP, the factors g3 · g4',
					`            delta = (delta @ weights[l]${setup.bias ? '[:, : LAYERS[l]]' : ''}) * ${setup.activation}_derivative(sops[l], activs[l])`,
				]
			: []),
		...penalty(trainer),
		'',
		`    # 4. The update: ${optimizer.formula}; w = w + change`,
		...optimizer.numpy.begin.map(line => `    ${line}`),
		'    for l in range(DEPTH):',
		'        gradient = gradients[l]',
		...optimizer.numpy.change.map(line => `        ${line}`),
		'        weights[l] = weights[l] + change',
		'',
		'    if not (math.isfinite(error) and all(np.isfinite(w).all() for w in weights)):',
		'        status = "diverged"  # the error or a weight is no longer a finite number',
		'        break',
		...(setup.untilError === undefined ? [] : ['    if error <= UNTIL_ERROR:', '        break']),
	];
}

function penalty(trainer: Trainer): string[] {
	if (!hasPenalty(trainer.setup)) {
		return [];
	}

	return [
		'',
		"    # The penalty's slope, 2·L2·w + L1·sign(w), added to each weight's gradient (not the biases')",
		'    for l in range(DEPTH):',
		'        slope = 2.0 * L2 * weights[l] + L1 * np.sign(weights[l])',
		...(trainer.setup.bias ? ['        slope[:, LAYERS[l]] = 0.0  # the biases have none'] : []),
		'        gradients[l] = gradients[l] + slope',
	];
}

function ending(trainer: Trainer): string[] {
	const test = trainer.split.test.length > 0;
	const over = (samples: string) => `np.sum(errors_of(forward(weights, INPUTS[${samples}])[1][DEPTH], TARGETS[${samples}])) / len(${samples})`;
	return [
		"# The final weights' error: the mean over the training samples",
		`final_error = ${over('train_samples')}`,
		...(test ? [`test_error = ${over('test_samples')}`] : []),
		'',
		'',
		'def number(value):',
		'    """A float for JSON: null for NaN and ±inf, as JavaScript writes them."""',
		'    value = float(value)',
		'    return value if math.isfinite(value) else None',
		'',
		'',
		'print(f"{\' → \'.join(map(str, LAYERS))}: {status} at iteration {iteration}, trained from iteration {start}")',
		'print(f"error {error:.6g} (the last batch\'s, before its update), final error {final_error:.6g} (the training samples)")',
		...(test ? ['print(f"test error {test_error:.6g} ({len(test_samples)} test samples)")'] : []),
		'result = {',
		'    "iterations": iteration,',
		'    "status": status,',
		'    "weights": [[[number(v) for v in row] for row in w] for w in weights],',
		'    "error": number(error),',
		'    "finalError": number(final_error),',
		'}',
		'print(json.dumps(result))',
	];
}

/** The optimizer's own setting as a constant its numpy code reads (`MOMENTUM = 0.9`), when it has one. */
function optimizerSetting(setup: Setup): string[] {
	const parameter = parameterOf(setup.optimizer, setup);
	return parameter ? [`${parameter.declared.name.toUpperCase()} = ${py(parameter.value)}  # --${parameter.declared.name}`] : [];
}
