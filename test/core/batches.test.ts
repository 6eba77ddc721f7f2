import {describe, expect, test} from 'vitest';
import {BatchSchedule, splitSamples, testCount} from '../../source/core/training/batches.js';
import {NumpyRandom} from '../../source/core/maths/random.js';
import type {Setup} from '../../source/core/setup.js';
import {weightCount} from '../../source/core/shape.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {goldenRuns, setupOf} from '../helpers/golden.js';

const runs = goldenRuns();

describe('the test split', () => {
	test("choices-bce-test-split-batch-3: numpy's permutation after the weights", () => {
		const run = runs.find(candidate => candidate.name === 'choices-bce-test-split-batch-3')!;
		const random = new NumpyRandom(run.seed);
		for (let k = 0; k < weightCount(run.layers, run.bias); k++) {
			random.rand();
		}

		const split = splitSamples(random, run.samples.length, run.test!);
		expect(Array.from(split.test)).toEqual(run.testSamples);
		expect(Array.from(split.train)).toEqual(Array.from({length: 12}, (_, s) => s).filter(s => !run.testSamples!.includes(s)));
	});

	test.each(runs.filter(run => run.testSamples).map(run => [run.name, run] as const))('%s: the trainer holds out the reference test samples', (_name, run) => {
		const trainer = new Trainer(setupOf(run));
		expect(Array.from(trainer.split.test)).toEqual(run.testSamples);
		expect(trainer.split.test.length).toBe(testCount(run.samples.length, run.test!));
		expect(trainer.split.train.length + trainer.split.test.length).toBe(run.samples.length);
	});

	test('floor(test · n) samples, both lists in file order', () => {
		expect(testCount(50, 0.2)).toBe(10);
		expect(testCount(12, 0.25)).toBe(3);
		expect(testCount(7, 0.5)).toBe(3);
		const split = splitSamples(new NumpyRandom(1), 7, 0.5);
		expect(split.test.length).toBe(3);
		for (const list of [split.train, split.test]) {
			expect(Array.from(list)).toEqual([...list].sort((a, b) => a - b));
		}
	});

	test('no test fraction: every sample trains and nothing is drawn', () => {
		const random = new NumpyRandom(4);
		const split = splitSamples(random, 5, 0);
		expect(Array.from(split.train)).toEqual([0, 1, 2, 3, 4]);
		expect(split.test.length).toBe(0);
		expect(random.rand()).toBe(new NumpyRandom(4).rand());
	});
});

describe('the batch schedule', () => {
	test('10 samples in batches of 4: 4, 4, then a short 2; a new permutation every epoch', () => {
		const schedule = new BatchSchedule(
			Int32Array.from({length: 10}, (_, k) => k),
			4,
		);
		expect(schedule.fullBatch).toBe(false);
		expect(schedule.batchSize).toBe(4);
		const random = new NumpyRandom(3);
		const reference = new NumpyRandom(3);
		const batches: Array<{start: number; count: number; epoch: number}> = [];
		for (let k = 0; k < 6; k++) {
			const {start, count} = schedule.next(random);
			if (start === 0) {
				expect(Array.from(schedule.order), `the order of epoch ${schedule.epoch + 1}`).toEqual(Array.from(reference.permutation(10)));
			}

			batches.push({start, count, epoch: schedule.epoch});
		}

		expect(batches).toEqual([
			{start: 0, count: 4, epoch: 0},
			{start: 4, count: 4, epoch: 0},
			{start: 8, count: 2, epoch: 1},
			{start: 0, count: 4, epoch: 1},
			{start: 4, count: 4, epoch: 1},
			{start: 8, count: 2, epoch: 2},
		]);
		// two permutations drawn, nothing else
		expect(random.rand()).toBe(reference.rand());
	});

	test('a batch at least as large as the training set is the full batch', () => {
		for (const batch of [undefined, 10, 25]) {
			const schedule = new BatchSchedule(
				Int32Array.from({length: 10}, (_, k) => k),
				batch,
			);
			expect(schedule.fullBatch).toBe(true);
			expect(schedule.batchSize).toBe(10);
		}
	});

	test('state and restore: the same batches follow', () => {
		const schedule = new BatchSchedule(
			Int32Array.from({length: 7}, (_, k) => k),
			3,
		);
		const random = new NumpyRandom(8);
		schedule.next(random);
		schedule.next(random);
		const saved = schedule.state;
		const state = random.state;
		const after = (s: BatchSchedule, r: NumpyRandom) => Array.from({length: 5}, () => ({...s.next(r), order: [...s.order], epoch: s.epoch}));
		const expected = after(schedule, random);
		const restored = new BatchSchedule(
			Int32Array.from({length: 7}, (_, k) => k),
			3,
		);
		restored.restore(saved);
		expect(after(restored, NumpyRandom.fromState(state))).toEqual(expected);
	});

	test('the trainer counts epochs: with a short last batch, and one per iteration for a full batch', () => {
		const run = runs.find(candidate => candidate.name === 'more-adam-softmax-short-batch')!;
		// 20 samples in batches of 6: 6, 6, 6, 2
		const trainer = new Trainer(setupOf(run));
		trainer.step(3);
		expect(trainer.epoch).toBe(0);
		trainer.step(1);
		expect(trainer.network.batchSize).toBe(2);
		expect(trainer.epoch).toBe(1);
		trainer.step(9);
		expect(trainer.epoch).toBe(3);
		const full = new Trainer(setupOf(runs.find(candidate => candidate.name === 'xor-2-3-1-bias')!));
		full.step(5);
		expect(full.epoch).toBe(5);
	});
});

describe('a full batch draws nothing after the weights (and the split)', () => {
	const generatorAfter = (setup: Setup) => {
		const random = new NumpyRandom(setup.seed);
		// one rand() a weight, whatever the initialisation; none for weights given by hand
		for (let k = 0; k < (setup.weights ? 0 : weightCount(setup.layers, setup.bias)); k++) {
			random.rand();
		}

		if (setup.test > 0) {
			random.permutation(setup.samples.length);
		}

		return random.state;
	};

	test.each(runs.filter(run => run.batch === undefined).map(run => [run.name, run] as const))('%s', (_name, run) => {
		const setup = setupOf(run);
		const trainer = new Trainer(setup);
		const expected = generatorAfter(setup);
		const state = () => trainer.saveTraining().random;
		expect(Array.from(state().key)).toEqual(Array.from(expected.key));
		expect(state().position).toBe(expected.position);
		trainer.step(20);
		expect(state().position).toBe(expected.position);
	});
});
