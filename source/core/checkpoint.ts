import {InputError} from './input-error.js';
import {ACTIVATIONS, type Activation, type NestedWeights, type Sample} from './network.js';
import {MAX_SEED} from './random.js';
import type {Trainer} from './trainer.js';

/** What `--save` writes and `--load` resumes from. */
export type Checkpoint = {
	readonly format: 'descent-checkpoint';
	readonly version: 1;
	readonly layers: readonly number[];
	readonly activation: Activation;
	readonly bias: boolean;
	readonly weights: NestedWeights;
	/** Updates done so far. */
	readonly iteration: number;
	/** The run's iteration limit. */
	readonly iterations: number;
	readonly learningRate: number;
	readonly seed: number;
	readonly samples: readonly Sample[];
};

/** The trainer's state as a checkpoint; a diverged run has no finite weights to save. */
export function checkpointOf(trainer: Trainer, samples: readonly Sample[]): Checkpoint {
	const {network} = trainer;
	if (trainer.state === 'diverged') {
		throw new InputError(`diverged at iteration ${trainer.divergedAt}: the weights are not finite numbers, so there is no checkpoint to write`);
	}

	return {
		format: 'descent-checkpoint',
		version: 1,
		layers: network.layers,
		activation: network.activation,
		bias: network.bias,
		weights: network.getWeights(),
		iteration: trainer.iteration,
		iterations: trainer.limit,
		learningRate: trainer.learningRate,
		seed: trainer.seed,
		samples,
	};
}

const isNumberArray = (value: unknown, length: number): value is number[] =>
	Array.isArray(value) && value.length === length && value.every(v => typeof v === 'number' && Number.isFinite(v));

/** Parses and checks a checkpoint's text; every problem starts with `where` (e.g. `--load run.json`). */
export function parseCheckpoint(text: string, where: string): Checkpoint {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new InputError(`${where}: not a complete JSON checkpoint (truncated or not JSON)`);
	}

	const fail = (what: string): never => {
		throw new InputError(`${where}: ${what}`);
	};

	if (typeof data !== 'object' || data === null || (data as {format?: unknown}).format !== 'descent-checkpoint') {
		return fail('not a descent checkpoint (no "format": "descent-checkpoint")');
	}

	const c = data as Record<string, unknown>;
	if (c['version'] !== 1) {
		fail(`checkpoint version ${String(c['version'])} is not supported (expected 1)`);
	}

	const layers = c['layers'];
	if (!Array.isArray(layers) || layers.length < 2 || !layers.every(n => Number.isInteger(n) && n > 0)) {
		return fail('"layers" must be a list of at least two positive integers');
	}

	if (!ACTIVATIONS.includes(c['activation'] as Activation)) {
		fail(`"activation" must be one of ${ACTIVATIONS.join(', ')}`);
	}

	if (typeof c['bias'] !== 'boolean') {
		fail('"bias" must be true or false');
	}

	const bias = c['bias'] as boolean;
	const weights = c['weights'];
	const shapeOk =
		Array.isArray(weights) &&
		weights.length === layers.length - 1 &&
		weights.every(
			(layer: unknown, l) =>
				Array.isArray(layer) &&
				layer.length === layers[l + 1] &&
				layer.every(row => isNumberArray(row, (layers[l] as number) + (bias ? 1 : 0))),
		);
	if (!shapeOk) {
		fail(`"weights" do not match layers ${layers.join(',')}${bias ? ' with bias' : ''}`);
	}

	const iteration = c['iteration'];
	const iterations = c['iterations'];
	if (!Number.isSafeInteger(iteration) || (iteration as number) < 0) {
		fail('"iteration" must be a whole number of at least 0');
	}

	if (!Number.isSafeInteger(iterations) || (iterations as number) < 1) {
		fail('"iterations" must be a whole number of at least 1');
	}

	const learningRate = c['learningRate'];
	if (typeof learningRate !== 'number' || !(learningRate > 0) || !Number.isFinite(learningRate)) {
		fail('"learningRate" must be a positive number');
	}

	const seed = c['seed'];
	if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > MAX_SEED) {
		fail(`"seed" must be an integer from 0 to ${MAX_SEED}`);
	}

	const samples = c['samples'];
	const inputs = layers[0] as number;
	const outputs = layers.at(-1) as number;
	if (
		!Array.isArray(samples) ||
		samples.length === 0 ||
		!samples.every(
			(s: unknown) =>
				typeof s === 'object' &&
				s !== null &&
				isNumberArray((s as Sample).x, inputs) &&
				isNumberArray((s as Sample).t, outputs),
		)
	) {
		fail(`"samples" must be a list of {"x": ${inputs} numbers, "t": ${outputs} numbers}`);
	}

	return data as Checkpoint;
}
