import {asFactor} from '../../source/core/maths/activations.js';
import {describe, expect, test} from 'vitest';
import {describePhase, phasesOf} from '../../source/core/training/iteration.js';
import {PRESETS} from '../../source/core/presets.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {bitDifference, goldenRuns, setupOf, trainingDifferences} from '../helpers/golden.js';

// a packaged dataset's preset (iris, mnist) has its samples from the package at load time
const presets = [...PRESETS.values()].filter(preset => preset.setup.samples.length > 0).map(preset => [preset.name, {...preset.setup, seed: 3}] as const);
const miniBatch = setupOf(goldenRuns().find(run => run.name === 'more-relu-adam-l2-batch')!);

test('the phases of an iteration, in the tutorial’s order', () => {
	expect(phasesOf(3)).toEqual([
		{kind: 'forward', layer: 1},
		{kind: 'forward', layer: 2},
		{kind: 'forward', layer: 3},
		{kind: 'error'},
		{kind: 'backward', layer: 3},
		{kind: 'backward', layer: 2},
		{kind: 'backward', layer: 1},
		{kind: 'gradients'},
		{kind: 'update'},
	]);
});

describe('stepping every phase ends where one step() does', () => {
	const cases: Array<readonly [string, Setup]> = [...presets, ['mini-batch, adam and L2 (more-relu-adam-l2-batch)', miniBatch]];

	test('the mini-batch case is one', () => {
		expect(miniBatch.batch).toBeLessThan(miniBatch.samples.length);
		expect(miniBatch.optimizer).toBe('adam');
		expect(miniBatch.l2).toBeGreaterThan(0);
	});

	test.each(cases)('%s, iteration after iteration', (_name, setup) => {
		const stepped = new Trainer(setup);
		const phased = new Trainer(setup);
		const phases = phasesOf(setup.layers.length - 1);
		for (let k = 1; k <= 12; k++) {
			stepped.step(1);
			for (const [p, phase] of phases.entries()) {
				expect(phased.walk.count).toBe(p);
				expect(phased.iteration, 'the iteration counts after the update').toBe(k - 1);
				expect(phased.stepPhase()).toEqual(phase);
			}

			// the update is shown as a phase of its own: its weights are in, the counter has not moved
			expect(phased.walk.updateShown).toBe(true);
			expect(phased.iteration).toBe(k - 1);
			expect(bitDifference([...phased.network.weights], [...stepped.network.weights])).toBeUndefined();
			expect(phased.stepPhase(), 'the call after the update completes the iteration').toBeUndefined();
			expect(phased.iteration).toBe(k);
			expect(phased.walk.count).toBe(0);
			expect(trainingDifferences(phased, stepped), `iteration ${k}`).toEqual([]);
			expect(
				bitDifference(
					phased.network.deltas.flatMap(d => [...d]),
					stepped.network.deltas.flatMap(d => [...d]),
				),
			).toBeUndefined();
			expect(phased.records.error.points()).toEqual(stepped.records.error.points());
		}
	});

	test('step() in the middle of a phase walk completes that iteration first', () => {
		const walked = new Trainer(miniBatch);
		const stepped = new Trainer(miniBatch);
		walked.step(4);
		walked.stepPhase();
		walked.stepPhase();
		expect(walked.step(3)).toBe(3);
		stepped.step(7);
		expect(walked.iteration).toBe(7);
		expect(trainingDifferences(walked, stepped)).toEqual([]);
	});

	test('step() and back() while the update is shown: the iteration completes, or returns to its start', () => {
		const walked = new Trainer(miniBatch);
		const stepped = new Trainer(miniBatch);
		const walkToUpdate = () => {
			for (const _phase of walked.walk.phases) {
				walked.stepPhase();
			}

			expect(walked.walk.updateShown).toBe(true);
		};

		walked.step(2);
		walkToUpdate();
		expect(walked.back()).toBe(true);
		expect(walked.iteration).toBe(2);
		walkToUpdate();

		expect(walked.step(1)).toBe(1);
		stepped.step(3);
		expect(trainingDifferences(walked, stepped)).toEqual([]);
	});

	test('a finished run runs no phase', () => {
		const trainer = new Trainer({...miniBatch, limit: 2});
		trainer.step(5);
		expect(trainer.iteration).toBe(2);
		expect(trainer.stepPhase()).toBeUndefined();
		expect(trainer.walk.count).toBe(0);
	});
});

describe('describePhase', () => {
	test('a derivative with a difference or a condition is bracketed as a factor: (1 − Activ²), not · 1 − Activ² (issue 21)', () => {
		expect(asFactor('1 − Activ²')).toBe('(1 − Activ²)');
		expect(asFactor('1 if SOP > 0, else 0')).toBe('(1 if SOP > 0, else 0)');
		expect(asFactor('Activ · (1 − Activ)')).toBe('Activ · (1 − Activ)');
		expect(asFactor('1')).toBe('1');
		const tanh = new Trainer({...PRESETS.get('tutorial-3')!.setup, seed: 0, activation: 'tanh', outputActivation: 'tanh'});
		const lines = tanh.walk.phases.map(phase => describePhase(phase, tanh.network));
		expect(lines).toContain('backward, hidden layer 1: δ = (Σ w · δ of the next layer) · (1 − Activ²)');
		expect(lines).toContain('backward, the output layer: δ = dError/dSOP = 2 · (Predicted − target) · (1 − Activ²)');
	});

	test('names the layer and the maths the phase computes', () => {
		const trainer = new Trainer({...PRESETS.get('tutorial-3')!.setup, seed: 0});
		const lines = trainer.walk.phases.map(phase => describePhase(phase, trainer.network));
		expect(lines[0]).toContain('hidden layer 1');
		expect(lines[0]).toContain('1 / (1 + e^−SOP)');
		expect(lines[1]).toContain('the output layer');
		expect(lines[2]).toContain('(Predicted − target)²');
		expect(lines[3]).toContain('2 · (Predicted − target) · Activ · (1 − Activ)');
		expect(lines[4]).toContain('hidden layer 1');
		expect(lines[5]).not.toContain('L2');
		expect(lines[6]).toContain('−lr · gradient');
		const adam = new Trainer(miniBatch);
		const adamLines = adam.walk.phases.map(phase => describePhase(phase, adam.network));
		expect(adamLines[0]).toContain('+ bias');
		expect(adamLines.at(-2)).toContain('2·L2·w + L1·sign(w)');
		expect(adamLines.at(-1)).toContain('m = 0.9·m + 0.1·g');
	});
});
