import {describe, expect, test} from 'vitest';
import {MAX_OUTPUT_HISTORIES, Trainer} from '../../source/core/training/trainer.js';
import type {Setup} from '../../source/core/setup.js';
import {goldenRuns, setupOf, trainingDifferences} from '../helpers/golden.js';

const runs = Object.fromEntries(goldenRuns().map(run => [run.name, setupOf(run)]));

/** The error of every iteration of a run, one step at a time. */
function errors(setup: Setup, count: number): number[] {
	const trainer = new Trainer(setup);
	return Array.from({length: count}, () => {
		trainer.step(1);
		return trainer.network.error;
	});
}

describe('untilError: done at the first iteration whose error is at most E', () => {
	test.each([
		['full batch (the error falls every iteration)', runs['tutorial-3-inputs-seed-0']!, 1500],
		['mini-batches and a test split (the error jumps about)', runs['more-50-samples-batch-7-test']!, 300],
		['adam, softmax, mini-batches', runs['more-adam-softmax-short-batch']!, 400],
	] as const)('%s', (_name, setup, at) => {
		const plain = errors(setup, at + 200);
		// E is the lowest error of the first `at` iterations, exactly: "at most" includes it
		const target = Math.min(...plain.slice(0, at));
		const first = plain.findIndex(error => error <= target) + 1;
		expect(first).toBeGreaterThan(50);
		expect(plain[first - 1]).toBe(target);
		const trainer = new Trainer({...setup, untilError: target, limit: 1_000_000});
		expect(trainer.status).toBe('training');
		expect(trainer.step(1_000_000)).toBe(first);
		expect(trainer.iteration).toBe(first);
		expect(trainer.reachedAt).toBe(first);
		expect(trainer.network.error).toBe(plain[first - 1]);
		expect(trainer.status).toBe('done');
		expect(trainer.step(10)).toBe(0);
		expect(trainer.stepPhase()).toBeUndefined();
		// the same iterations as a run without it
		const straight = new Trainer({...setup, limit: 1_000_000});
		straight.step(first);
		expect(trainingDifferences(trainer, straight)).toEqual([]);
		// back from there: training again, and forward reaches it again
		expect(trainer.back()).toBe(true);
		expect([trainer.iteration, trainer.reachedAt, trainer.status]).toEqual([first - 1, undefined, 'training']);
		expect(trainer.step(1_000_000)).toBe(1);
		expect(trainer.reachedAt).toBe(first);
	});

	test('phase by phase, it stops at the same update', () => {
		const setup = runs['tutorial-3-inputs-seed-0']!;
		const target = errors(setup, 50)[49]!;
		const trainer = new Trainer({...setup, untilError: target});
		let phases = 0;
		// a walk's last call completes the iteration and returns no phase
		while (!trainer.finished) {
			phases += trainer.stepPhase() ? 1 : 0;
		}

		expect(trainer.reachedAt).toBe(50);
		expect(phases).toBe(50 * trainer.walk.phases.length);
	});

	test('an error never reached: the run goes on to its limit', () => {
		const trainer = new Trainer({...runs['xor-2-3-1-bias']!, untilError: 0, limit: 300});
		expect(trainer.step(1000)).toBe(300);
		expect(trainer.reachedAt).toBeUndefined();
		expect(trainer.status).toBe('done');
	});
});

describe('the end of a run', () => {
	test('the limit: done, and step() runs nothing more', () => {
		const trainer = new Trainer({...runs['xor-2-3-1-bias']!, limit: 10});
		expect(trainer.step(4)).toBe(4);
		expect(trainer.finished).toBe(false);
		expect(trainer.step(100)).toBe(6);
		expect(trainer.status).toBe('done');
		expect(trainer.step(1)).toBe(0);
	});

	test('a non-finite weight: diverged at that iteration, and nothing more runs', () => {
		const setup: Setup = {...runs['tutorial-3-inputs-seed-0']!, activation: 'linear', outputActivation: 'linear', learningRate: 1000};
		const trainer = new Trainer(setup);
		const ran = trainer.step(1000);
		expect(ran).toBeLessThan(1000);
		expect(trainer.status).toBe('diverged');
		expect(trainer.divergedAt).toBe(ran);
		expect(trainer.network.weights.some(w => !Number.isFinite(w))).toBe(true);
		expect(trainer.step(5)).toBe(0);
		expect(trainer.stepPhase()).toBeUndefined();
		// every iteration before it was finite
		const before = new Trainer(setup);
		before.step(ran - 1);
		expect(before.network.weights.every(w => Number.isFinite(w))).toBe(true);
	});
});

describe('what the trainer records', () => {
	test('a full batch: the error and every output of the first sample, every iteration', () => {
		const setup = runs['two-samples-4-3-2']!;
		const trainer = new Trainer(setup);
		const expected: Array<{error: number; outputs: number[]}> = [];
		for (let k = 0; k < 30; k++) {
			trainer.step(1);
			expected.push({error: trainer.network.error, outputs: Array.from(trainer.network.activations[2]!.subarray(0, 2))});
		}

		expect(trainer.records.error.points().map(point => point.last)).toEqual(expected.map(e => e.error));
		expect(trainer.records.outputs.length).toBe(2);
		for (const [k, history] of trainer.records.outputs.entries()) {
			expect(history.points().map(point => point.last)).toEqual(expected.map(e => e.outputs[k]));
		}

		// the same through the fast path, 30 at once
		const fast = new Trainer(setup);
		fast.step(30);
		expect(fast.records.outputs.map(history => history.points())).toEqual(trainer.records.outputs.map(history => history.points()));
	});

	test('mini-batches: the first training sample’s outputs whenever it is in the batch', () => {
		const trainer = new Trainer(runs['more-momentum-minibatch-test']!);
		const first = trainer.split.train[0]!;
		const expected: Array<{iteration: number; value: number}> = [];
		for (let k = 1; k <= 40; k++) {
			trainer.step(1);
			const {batchSize} = trainer.network;
			const b = Array.from({length: batchSize}, (_, position) => trainer.batchSampleAt(position)).indexOf(first);
			if (b >= 0) {
				expected.push({iteration: k, value: trainer.network.activations[trainer.network.depth]![b]!});
			}
		}

		// batches of 4 of 12 training samples: once every three iterations
		expect(expected.length).toBeGreaterThan(10);
		expect(expected.length).toBeLessThan(16);
		expect(trainer.records.outputs[0]!.points().map(point => ({iteration: point.iteration, value: point.last}))).toEqual(expected);
	});

	test('the test error at iteration 1 and then every stride-th iteration, as testError() says', () => {
		const trainer = new Trainer(runs['more-softmax-momentum-test']!);
		const measured = Array.from({length: 20}, () => {
			trainer.step(1);
			return trainer.testError();
		});
		const points = trainer.records.test.points();
		expect(points.map(point => point.iteration)).toEqual(Array.from({length: 20}, (_, k) => k + 1));
		expect(points.map(point => point.last)).toEqual(measured);
	});

	test(`at most ${MAX_OUTPUT_HISTORIES} output histories`, () => {
		const setup: Setup = {
			...runs['two-samples-4-3-2']!,
			layers: [4, 3, 10],
			samples: [{x: [1, 2, 3, 4], t: Array.from({length: 10}, () => 0.5)}],
		};
		expect(new Trainer(setup).records.outputs.length).toBe(MAX_OUTPUT_HISTORIES);
	});

	test('a new learning rate applies from the next update', () => {
		const trainer = new Trainer(runs['xor-2-3-1-bias']!);
		trainer.step(5);
		trainer.setLearningRate(0.25);
		trainer.step(1);
		const {gradients, changes} = trainer.network;
		expect(Array.from(changes)).toEqual(Array.from(gradients, g => -0.25 * g));
		expect(trainer.learningRates.changes).toEqual([{iteration: 5, learningRate: 0.25}]);
	});
});
