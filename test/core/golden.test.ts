import {describe, expect, test} from 'vitest';
import {nest} from '../../source/core/shape.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {goldenRuns, maxWeightError, readFixture, relativeError, setupOf, type GoldenRun, type WorkedExample} from '../helpers/golden.js';

// the golden README: 1e-9 relative, losses against max(|ref|, 1e-9), weights and outputs against max(|ref|, 1e-6)
const TOLERANCE = 1e-9;
const runs = goldenRuns();

test('every reference run is read', () => {
	// 16 tutorial and choices runs, 12 more-* runs, the worked example
	expect(runs.length).toBeGreaterThanOrEqual(29);
	expect(new Set(runs.map(run => run.name)).size).toBe(runs.length);
});

/** The output layer's activations of the trainer's last iteration, a row per sample of the batch. */
function outputsOf(trainer: Trainer): number[][] {
	const {network} = trainer;
	const nOut = network.shape.layers.at(-1)!;
	const outputs = network.activations[network.depth]!;
	return Array.from({length: network.batchSize}, (_, s) => Array.from(outputs.subarray(s * nOut, (s + 1) * nOut)));
}

describe.each(runs.map(run => [run.name, run] as const))('reference run %s', (_name, run: GoldenRun) => {
	test('initial weights, every trace point, final weights and errors', () => {
		const trainer = new Trainer(setupOf(run));
		const {shape} = trainer.network;
		expect(maxWeightError(nest(shape, trainer.initialWeights), run.initialWeights)).toBeLessThan(TOLERANCE);
		expect(maxWeightError(nest(shape, trainer.network.weights), run.initialWeights)).toBeLessThan(TOLERANCE);
		if (run.testSamples) {
			expect(Array.from(trainer.split.test)).toEqual(run.testSamples);
		} else {
			expect(trainer.split.test.length).toBe(0);
		}

		const points = Object.keys(run.trace)
			.map(Number)
			.sort((a, b) => a - b);
		expect(points.length).toBeGreaterThan(0);
		const fullBatch = run.batch === undefined && (run.test ?? 0) === 0;
		for (const k of points) {
			trainer.step(k - trainer.iteration);
			expect(trainer.iteration).toBe(k);
			const reference = run.trace[String(k)]!;
			expect(relativeError(trainer.network.error, reference.error, 1e-9), `error of iteration ${k}`).toBeLessThan(TOLERANCE);
			if (fullBatch) {
				// the README traces outputs for exactly these runs
				expect(reference.outputs, 'outputs traced').toBeDefined();
				expect(maxWeightError(outputsOf(trainer), reference.outputs!), `outputs of iteration ${k}`).toBeLessThan(TOLERANCE);
			}
		}

		trainer.step(run.iterations - trainer.iteration);
		expect(trainer.iteration).toBe(run.iterations);
		expect(trainer.status).toBe('done');
		expect(trainer.step(1)).toBe(0);
		expect(maxWeightError(nest(shape, trainer.network.weights), run.finalWeights)).toBeLessThan(TOLERANCE);
		if (run.finalTrainError !== undefined) {
			expect(relativeError(trainer.trainError(), run.finalTrainError, 1e-9)).toBeLessThan(TOLERANCE);
			expect(relativeError(trainer.testError(), run.finalTestError!, 1e-9)).toBeLessThan(TOLERANCE);
		}
	});
});

describe('the hand-worked 2-2-2 example, phase by phase', () => {
	const run = readFixture<WorkedExample>('worked-example-2-2-2.json');
	const expected = run.iteration1;
	const close = (actual: ArrayLike<number>, reference: readonly number[], what: string) =>
		expect(maxWeightError([Array.from(actual)], [reference]), what).toBeLessThan(TOLERANCE);

	test('SOPs, activations, error, deltas, gradients and new weights of iteration 1', () => {
		const trainer = new Trainer(setupOf(run));
		const {network} = trainer;
		expect(nest(network.shape, network.weights)).toEqual(run.initialWeights);
		const kinds = () => trainer.stepPhase();
		expect(kinds()).toEqual({kind: 'forward', layer: 1});
		close(network.sops[1]!, expected.sops[0]!, 'hidden SOPs');
		close(network.activations[0]!, expected.activations[0]!, 'inputs');
		close(network.activations[1]!, expected.activations[1]!, 'hidden activations');
		expect(kinds()).toEqual({kind: 'forward', layer: 2});
		close(network.sops[2]!, expected.sops[1]!, 'output SOPs');
		close(network.activations[2]!, expected.activations[2]!, 'outputs');
		expect(Number.isNaN(network.error)).toBe(true);
		expect(kinds()).toEqual({kind: 'error'});
		expect(relativeError(network.error, expected.error, 1e-9)).toBeLessThan(TOLERANCE);
		expect(relativeError(network.error / 2, expected.halfError, 1e-9)).toBeLessThan(TOLERANCE);
		expect(kinds()).toEqual({kind: 'backward', layer: 2});
		close(network.deltas[2]!, expected.deltas.output, 'output deltas');
		// squared loss: the output delta is dError/dOutput · Activ·(1 − Activ)
		const outputs = network.activations[2]!;
		close(
			Array.from(network.deltas[2]!, (delta, k) => delta / (outputs[k]! * (1 - outputs[k]!))),
			expected.dErrorDOutput,
			'dError/dOutput',
		);
		expect(kinds()).toEqual({kind: 'backward', layer: 1});
		close(network.deltas[1]!, expected.deltas.hidden[0]!, 'hidden deltas');
		expect(kinds()).toEqual({kind: 'gradients'});
		expect(maxWeightError(nest(network.shape, network.gradients), expected.gradients)).toBeLessThan(TOLERANCE);
		expect(nest(network.shape, network.weights), 'no update before the update phase').toEqual(run.initialWeights);
		expect(trainer.iteration).toBe(0);
		expect(kinds()).toEqual({kind: 'update'});
		// the update is shown as a phase of its own: the new weights, the counter not moved yet
		expect(maxWeightError(nest(network.shape, network.weights), expected.newWeights)).toBeLessThan(TOLERANCE);
		expect(trainer.iteration).toBe(0);
		expect(trainer.walk.updateShown).toBe(true);
		// one more call completes the iteration
		expect(trainer.stepPhase()).toBeUndefined();
		expect(trainer.iteration).toBe(1);
		expect(trainer.walk.count).toBe(0);
		expect(maxWeightError(nest(network.shape, network.weights), expected.newWeights)).toBeLessThan(TOLERANCE);
		expect(nest(network.shape, network.previousWeights)).toEqual(run.initialWeights);
	});

	test('the same numbers after one step()', () => {
		const trainer = new Trainer(setupOf(run));
		trainer.step(1);
		const {network} = trainer;
		close(network.sops[2]!, expected.sops[1]!, 'output SOPs');
		close(network.deltas[1]!, expected.deltas.hidden[0]!, 'hidden deltas');
		expect(maxWeightError(nest(network.shape, network.gradients), expected.gradients)).toBeLessThan(TOLERANCE);
		expect(maxWeightError(nest(network.shape, network.weights), expected.newWeights)).toBeLessThan(TOLERANCE);
	});
});
