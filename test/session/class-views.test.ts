import {Writable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {loadPackaged} from '../../source/cli/packaged.js';
import {classOf} from '../../source/core/maths/evaluate.js';
import {weightRefAt} from '../../source/core/names.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {runHeadless} from '../../source/session/headless.js';
import type {RunOptions} from '../../source/session/options.js';
import {confusionOf} from '../../source/session/views/confusion.js';
import type {ViewContext} from '../../source/session/views/context.js';
import {digitsOf} from '../../source/session/views/digits.js';
import {availablePanels} from '../../source/session/views/panels.js';
import {evaluationOf} from '../../source/session/views/snapshot-of.js';
import {runOptions} from '../helpers/ui.js';

const iris = {name: 'iris' as const, samples: loadPackaged('iris', undefined)};
const digits = {name: 'mnist' as const, samples: loadPackaged('mnist', 60)};

/** A view's context as the session makes it for the followed sample, with the predictions of the current weights. */
function contextOf(trainer: Trainer, run: RunOptions, sample = 0): ViewContext {
	return {
		selected: weightRefAt(trainer.network.shape.layers, trainer.network.shape.bias, 0),
		sample,
		position: -1,
		walking: false,
		gradients: false,
		changes: false,
		checked: undefined,
		plane: run.plane,
		packaged: run.packaged,
		predictions: evaluationOf(trainer, true).predictions,
	};
}

async function headlessJson(run: RunOptions): Promise<{confusion: number[][]; testConfusion: number[][]; accuracy: number}> {
	let text = '';
	const stdout = new Writable({
		write(chunk: Buffer | string, _encoding, done) {
			text += String(chunk);
			done();
		},
	});
	await runHeadless(run, {json: true, stop: {requested: false}, describe: () => []}, {stdout, stderr: new Writable({write: (_c, _e, done) => done()})});
	return JSON.parse(text) as {confusion: number[][]; testConfusion: number[][]; accuracy: number};
}

describe('the confusion matrix panel', () => {
	test("its counts are the headless JSON's, train and test, with iris's species named", async () => {
		const run = runOptions(['--preset', 'iris', '--seed', '4', '--iterations', '60'], {packaged: iris});
		const json = await headlessJson(run);
		const trainer = new Trainer(run.setup);
		trainer.step(60);
		const context = contextOf(trainer, run);
		const train = confusionOf(trainer, {test: false}, context);
		const held = confusionOf(trainer, {test: true}, context);
		expect(train.matrix).toEqual(json.confusion);
		expect(held.matrix).toEqual(json.testConfusion);
		expect(train.classes).toEqual(['setosa', 'versicolor', 'virginica']);
		expect([train.total, held.total, held.test, train.test]).toEqual([120, 30, true, false]);
		expect(train.right / train.total).toBe(json.accuracy);
		expect(train.note).toMatch(/standardised.*population standard deviation/);
	});

	test('two classes for one output; without a test split the training samples whatever is asked', () => {
		const run = runOptions(['--preset', 'xor', '--seed', '1', '--iterations', '10']);
		const trainer = new Trainer(run.setup);
		trainer.step(10);
		const data = confusionOf(trainer, {test: true}, contextOf(trainer, run));
		expect(data.classes).toEqual(['0', '1']);
		expect([data.test, data.hasTest, data.total]).toEqual([false, false, 4]);
		const expected = [
			[0, 0],
			[0, 0],
		];
		for (const sample of run.setup.samples) {
			expected[sample.t[0]!]![classOf(trainer.evaluator.forward(trainer.network.weights, sample.x)[trainer.network.depth]!)]!++;
		}

		expect(data.matrix).toEqual(expected);
	});

	test('the panels a run has: confusion with classes, digits with images, neither for regression', () => {
		const panels = (run: RunOptions) => availablePanels(new Trainer(run.setup), {plane: run.plane, packaged: run.packaged});
		expect(panels(runOptions(['--preset', 'iris', '--seed', '0'], {packaged: iris}))).toContain('confusion');
		expect(panels(runOptions(['--preset', 'iris', '--seed', '0'], {packaged: iris}))).not.toContain('digits');
		expect(panels(runOptions(['--preset', 'mnist', '--samples', '60', '--seed', '0'], {packaged: digits}))).toEqual(
			expect.arrayContaining(['confusion', 'digits']),
		);
		expect(panels(runOptions(['--preset', 'sine', '--seed', '0']))).not.toContain('confusion');
	});
});

describe('the digits panel', () => {
	const run = runOptions(['--preset', 'mnist', '--samples', '60', '--seed', '2', '--iterations', '6'], {packaged: digits});
	const trainer = new Trainer(run.setup);
	trainer.step(6);
	const {network, evaluator} = trainer;
	const predicted = run.setup.samples.map(sample => classOf(evaluator.forward(network.weights, sample.x)[network.depth]!));
	const wrong = run.setup.samples.flatMap((sample, s) => (predicted[s] === classOf(sample.t) ? [] : [s]));

	test('the followed sample: its 28×28 pixels, its true class, the outputs and the class they say', () => {
		const data = digitsOf(trainer, {}, contextOf(trainer, run, 13));
		expect([data.sample, data.width, data.height, data.target]).toEqual([13, 28, 28, 3]);
		expect(data.pixels).toEqual(run.setup.samples[13]!.x);
		expect(data.outputs.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
		expect(data.predicted).toBe(predicted[13]);
		expect(data.test).toBe(trainer.split.test.includes(13));
		expect(data.classes).toHaveLength(10);
	});

	test('the misclassified samples: how many, and the nearest before and after, round the end', () => {
		expect(wrong.length).toBeGreaterThan(2);
		const middle = wrong[1]!;
		const data = digitsOf(trainer, {}, contextOf(trainer, run, middle));
		expect(data.wrong).toEqual({count: wrong.length, previous: wrong[0], next: wrong[2]});
		const last = digitsOf(trainer, {}, contextOf(trainer, run, 59));
		expect(last.wrong.next).toBe(wrong.find(s => s > 59) ?? wrong[0]);
		expect(digitsOf(trainer, {}, contextOf(trainer, run, wrong[0])).wrong.previous).toBe(wrong.at(-1));
	});
});
