import {describe, expect, test} from 'vitest';
import {checkpointOf, parseCheckpoint} from '../../source/core/files/checkpoint.js';
import {NumpyRandom} from '../../source/core/maths/random.js';
import {BUDGET_BYTES, Rewind, REWIND_REACH} from '../../source/core/training/rewind.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {bitDifference, goldenRuns, setupOf, trainingDifferences} from '../helpers/golden.js';

const runs = Object.fromEntries(goldenRuns().map(run => [run.name, setupOf(run)]));
// limits raised: every case can run 1500 iterations
const cases: Array<[string, Setup]> = (
	[
		['sgd, full batch', 'tutorial-3-inputs-seed-0'],
		['momentum', 'choices-tutorial-3-momentum'],
		['adam', 'more-adam-tutorial'],
		['mini-batches', 'choices-xor-minibatch-2'],
		['mini-batches, momentum and a test split', 'more-momentum-minibatch-test'],
		['adam, softmax, a short last batch', 'more-adam-softmax-short-batch'],
	] as const
).map(([name, run]) => [name, {...runs[run]!, limit: 100_000}]);

/** A trainer that went straight to `iteration`, never back. */
function straight(setup: Setup, iteration: number): Trainer {
	const trainer = new Trainer(setup);
	trainer.step(iteration);
	return trainer;
}

/** What the screen draws of the past: the histories' points. */
const historiesOf = (trainer: Trainer) => ({
	error: trainer.records.error.points(),
	outputs: trainer.records.outputs.map(history => history.points()),
	test: trainer.records.test.points(),
});

describe('k steps, then k backs', () => {
	// a back replays from the last rewind point; a tiny network keeps one every 65,536 iterations, so k backs cost k²/2
	// iterations: 1500 for the full batches (unrolled, fast), 200 for mini-batches (the deep mini-batch case is below)
	const ks = (setup: Setup) => (setup.batch === undefined ? [1, 7, 1500] : [1, 7, 200]);
	test.each(cases.flatMap(([name, setup]) => ks(setup).map(k => [name, k, setup] as const)))('%s, k = %i', (_name, k, setup) => {
		const trainer = straight(setup, k);
		let backs = 0;
		while (trainer.back()) {
			backs++;
		}

		// these small networks keep their first rewind point past 1500 iterations: back all the way
		expect(backs).toBe(k);
		expect([trainer.iteration, trainer.earliestReachable]).toEqual([0, 0]);
		expect(bitDifference(trainer.network.weights, trainer.initialWeights)).toBeUndefined();
		expect(trainingDifferences(trainer, new Trainer(setup))).toEqual([]);
		expect(trainer.records.error.length).toBe(0);

		// and forward again to k: the same run
		trainer.step(backs);
		expect(trainingDifferences(trainer, straight(setup, k))).toEqual([]);
	});
});

describe('back and the learning rate', () => {
	const setup = runs['choices-tutorial-3-momentum']!;
	const withChange = (first: number, second: number, rate: number) => {
		const trainer = straight(setup, first);
		trainer.setLearningRate(rate);
		trainer.step(second);
		return trainer;
	};

	test('back replays each update with the rate it had', () => {
		const trainer = withChange(10, 10, 0.05);
		for (let k = 0; k < 3; k++) {
			expect(trainer.back()).toBe(true);
		}

		expect(trainer.iteration).toBe(17);
		expect(trainer.learningRate).toBe(0.05);
		expect(trainingDifferences(trainer, withChange(10, 7, 0.05))).toEqual([]);
		expect(trainer.learningRates.changes).toEqual([{iteration: 10, learningRate: 0.05}]);
		trainer.step(3);
		expect(trainingDifferences(trainer, withChange(10, 10, 0.05))).toEqual([]);
	});

	test('back to before a change forgets it: the run goes on at the rate it had there', () => {
		const trainer = withChange(10, 10, 0.05);
		for (let k = 0; k < 15; k++) {
			expect(trainer.back()).toBe(true);
		}

		expect(trainer.iteration).toBe(5);
		expect(trainer.learningRate).toBe(setup.learningRate);
		expect(trainer.learningRates.changes).toEqual([]);
		expect(trainingDifferences(trainer, straight(setup, 5))).toEqual([]);
		trainer.step(15);
		expect(trainingDifferences(trainer, straight(setup, 20))).toEqual([]);
	});

	test('learningRateAt names the rate of each update; a bad rate is refused', () => {
		const trainer = withChange(10, 10, 0.05);
		trainer.setLearningRate(0.2);
		expect([9, 10, 19, 20].map(k => trainer.learningRateAt(k))).toEqual([setup.learningRate, 0.05, 0.05, 0.2]);
		for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(() => trainer.setLearningRate(bad)).toThrow(RangeError);
		}

		expect(trainer.learningRate).toBe(0.2);
	});
});

describe('back in the middle of a phase walk', () => {
	test.each(cases)('%s: returns to the start of the iteration', (_name, setup) => {
		for (const before of [0, 5]) {
			const trainer = straight(setup, before);
			trainer.stepPhase();
			trainer.stepPhase();
			expect(trainer.walk.count).toBe(2);
			expect(trainer.back()).toBe(true);
			expect(trainer.walk.count).toBe(0);
			expect(trainer.iteration).toBe(before);
			expect(trainingDifferences(trainer, straight(setup, before))).toEqual([]);
			trainer.step(3);
			expect(trainingDifferences(trainer, straight(setup, before + 3))).toEqual([]);
		}
	});
});

describe('how far back', () => {
	test('at iteration 0 there is nothing to go back to', () => {
		const trainer = new Trainer(cases[0]![1]);
		expect(trainer.earliestReachable).toBe(0);
		expect(trainer.back()).toBe(false);
		expect(trainingDifferences(trainer, new Trainer(cases[0]![1]))).toEqual([]);
	});

	test('earliestReachable is honest: every back above it works, the one below it fails and changes nothing', () => {
		// a larger network, so that its rewind points are close together and the oldest are dropped soon
		const random = new NumpyRandom(9);
		const samples = Array.from({length: 64}, () => ({x: Array.from({length: 10}, () => random.uniform(-1, 1)), t: [random.rand(), random.rand()]}));
		const setup: Setup = {...runs['more-adam-tutorial']!, layers: [10, 16, 16, 2], bias: true, batch: 32, samples, limit: 100_000};
		const trainer = straight(setup, 1600);
		const earliest = trainer.earliestReachable;
		expect(earliest).toBeGreaterThan(0);
		expect(1600 - earliest).toBeGreaterThanOrEqual(REWIND_REACH);
		while (trainer.iteration > earliest) {
			expect(trainer.back(), `back from ${trainer.iteration}`).toBe(true);
		}

		const there = straight(setup, earliest);
		expect(trainingDifferences(trainer, there)).toEqual([]);
		expect(trainer.back()).toBe(false);
		expect(trainer.iteration).toBe(earliest);
		expect(trainingDifferences(trainer, there)).toEqual([]);
	});
});

describe('back after a checkpoint is loaded', () => {
	/** A trainer from a checkpoint of `setup` saved at `iteration`, as --load makes it. */
	function loaded(setup: Setup, iteration: number): Trainer {
		const checkpoint = checkpointOf(straight(setup, iteration));
		const read = 'problem' in checkpoint ? checkpoint : parseCheckpoint(JSON.stringify(checkpoint));
		if ('problem' in read) {
			throw new Error(read.problem);
		}

		return new Trainer(read.setup, read.state);
	}

	// per-iteration numbers (gradients, changes) are not in a checkpoint: a loaded run shows none until it steps
	const kept = (differences: string[]) => differences.filter(d => !/^(previousWeights|gradients|changes|counters)/.test(d));

	test.each(cases)('%s: the loaded iteration is as far back as it goes, and back reaches it', (_name, setup) => {
		const trainer = loaded(setup, 40);
		expect(trainer.earliestReachable).toBe(40);
		expect(trainer.back()).toBe(false);
		trainer.step(5);
		expect(trainer.earliestReachable).toBe(40);
		for (let k = 0; k < 5; k++) {
			expect(trainer.back(), `back from ${trainer.iteration}`).toBe(true);
		}

		expect(trainer.iteration).toBe(40);
		expect(kept(trainingDifferences(trainer, loaded(setup, 40)))).toEqual([]);
		expect(trainer.back()).toBe(false);
		expect(trainer.iteration).toBe(40);
		trainer.step(7);
		expect(trainingDifferences(trainer, straight(setup, 47))).toEqual([]);
	});

	test('mid-walk at the loaded iteration, back returns to its start', () => {
		const setup = cases[3]![1];
		const trainer = loaded(setup, 12);
		trainer.stepPhase();
		expect(trainer.back()).toBe(true);
		expect([trainer.iteration, trainer.walk.count]).toEqual([12, 0]);
		trainer.step(3);
		expect(trainingDifferences(trainer, straight(setup, 15))).toEqual([]);
	});
});

describe('the histories after going back', () => {
	test.each([
		['a test split and mini-batches', runs['more-momentum-minibatch-test']!, 300, 100],
		['merged buckets', runs['tutorial-3-inputs-seed-0']!, 5000, 10],
		// past the first points the ring lets go: the newer ones are written into their buffers
		['a long run, rewind buffers reused', {...runs['tutorial-3-inputs-seed-0']!, limit: 1_000_000}, 600_000, 3],
		// 600 iterations: the test history's stride has doubled
		['a test split, full batch', runs['more-softmax-momentum-test']!, 600, 3],
	] as const)('%s: equal those of a run that never went that far', (_name, setup, forward, backs) => {
		const trainer = straight(setup, forward);
		for (let k = 0; k < backs; k++) {
			expect(trainer.back()).toBe(true);
		}

		const never = straight(setup, forward - backs);
		const histories = historiesOf(trainer);
		expect(histories).toEqual(historiesOf(never));
		expect(histories.error.at(-1)!.iteration).toBe(forward - backs);
		expect(histories.error.length).toBeGreaterThan(0);
		if (setup.test > 0) {
			expect(histories.test.length).toBeGreaterThan(0);
		}
	});
});

describe('the rewind ring', () => {
	// (bytes of a point, weight × sample terms of an iteration): a tiny network, the tutorial's, mini-batches, and large
	// networks whose points are so large that only a few hundred fit in the budget
	test.each([
		[126_000, 8],
		[180_000, 15_424],
		[184_000, 135_808],
		[2_000_000, 10_000_000],
		[30_000_000, 1000],
	])('points of %i bytes, %i terms an iteration: at least REWIND_REACH back within the memory budget', (bytes, terms) => {
		const rewind = new Rewind<number>(bytes, terms);
		expect(Number.isInteger(Math.log2(rewind.interval))).toBe(true);
		if (bytes * (Math.ceil(REWIND_REACH / 65_536) + 2) <= BUDGET_BYTES) {
			expect((rewind.capacity - 2) * rewind.interval).toBeGreaterThanOrEqual(REWIND_REACH);
			expect(rewind.capacity * bytes).toBeLessThanOrEqual(BUDGET_BYTES);
		} else {
			expect(rewind.capacity).toBe(2);
		}
	});

	test('keeps the newest points, finds the latest at or before an iteration, forgets after one', () => {
		const rewind = new Rewind<string>(150_000, 10_000_000);
		const {interval, capacity} = rewind;
		expect(interval).toBe(4);
		const released: Array<string | undefined> = [];
		for (let k = 0; k <= capacity + 5; k++) {
			expect(rewind.due(k * interval)).toBe(true);
			rewind.capture(k * interval, reuse => {
				released.push(reuse);
				return `state ${k}`;
			});
		}

		// once the ring is full, each new point is given the state of the one it lets go, for its buffers
		expect(released).toEqual([...Array.from({length: capacity}, () => undefined), ...Array.from({length: 6}, (_, k) => `state ${k}`)]);

		expect(rewind.due(interval + 1)).toBe(false);
		expect(rewind.earliest).toBe(6 * interval);
		rewind.capture(3, () => 'a replay passing an old point');
		expect(rewind.atOrBefore(6 * interval - 1)).toBeUndefined();
		expect(rewind.atOrBefore(10 * interval + 1)).toEqual({iteration: 10 * interval, state: 'state 10'});
		rewind.forgetAfter(8 * interval);
		expect(rewind.atOrBefore(1_000_000)?.iteration).toBe(8 * interval);
	});
});
