import {describe, expect, test} from 'vitest';
import {generateDataset} from '../../source/core/data/datasets.js';
import {PRESETS} from '../../source/core/presets.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {runEndOf} from '../../source/session/summary.js';

const tutorial: Setup = {...PRESETS.get('tutorial-3')!.setup, seed: 0, limit: 100};

describe('runEndOf', () => {
	test('how the run ended, as plain data', () => {
		const trainer = new Trainer(tutorial);
		trainer.step(40);
		const end = runEndOf(trainer, 'stopped', 12.5, ['a line']);
		expect(end).toMatchObject({state: 'stopped', iteration: 40, limit: 100, elapsedMs: 12.5, sampleCount: 1, written: ['a line'], testError: undefined});
		expect(end.error).toBe(trainer.network.error);
		expect(end.finalError).toBe(trainer.trainError());
		expect(end.predicted).toEqual([{predicted: [expect.any(Number)], target: [0.2]}]);
		// the final weights' prediction, not the last iteration's
		expect(end.predicted[0]!.predicted[0]).not.toBe(trainer.network.activations[trainer.network.depth]![0]);
		expect(structuredClone(end)).toEqual(end);
	});

	test('before the first iteration the error is NaN', () => {
		expect(runEndOf(new Trainer(tutorial), 'paused', 0, []).error).toBeNaN();
	});

	test('the first eight samples, the count of all, and the test error with a split', () => {
		const samples = generateDataset('gauss', {samples: 30});
		const trainer = new Trainer({...tutorial, layers: [2, 2, 1], samples, test: 0.2});
		trainer.step(5);
		const end = runEndOf(trainer, 'done', 1, []);
		expect(end.predicted).toHaveLength(8);
		expect(end.predicted.map(sample => sample.target)).toEqual(samples.slice(0, 8).map(sample => sample.t));
		expect(end.sampleCount).toBe(30);
		expect(end.testError).toBe(trainer.testError());
	});

	test("a learning rate set before the first update is the run's own; one set later is not", () => {
		const trainer = new Trainer(tutorial);
		trainer.setLearningRate(0.5);
		trainer.step(10);
		trainer.setLearningRate(0.25);
		trainer.step(10);
		const end = runEndOf(trainer, 'stopped', 1, []);
		expect(end.setup.learningRate).toBe(0.5);
		expect(end.learningRateChanges).toEqual([
			{iteration: 0, learningRate: 0.5},
			{iteration: 10, learningRate: 0.25},
		]);
	});
});
