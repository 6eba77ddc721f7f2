import {spawnSync} from 'node:child_process';
import {describe, expect, test} from 'vitest';
import {buildRun, locate} from '../../source/cli/lesson.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {workOut} from '../../source/session/explain.js';
import {formatCount, formatNumber} from '../../source/session/format.js';
import {parseLesson} from '../../source/session/lesson/parse.js';
import type {Lesson} from '../../source/session/lesson/types.js';
import type {RunOptions} from '../../source/session/options.js';
import {lessonVocabulary} from '../../source/ui/lesson/vocabulary.js';

const read = (name: string): Lesson => {
	const located = locate(name);
	return parseLesson(name, located.source, lessonVocabulary(), buildRun(located));
};

/** A step's text as one line. */
const text = (lesson: Lesson, step: number) => lesson.steps[step - 1]!.text.join(' ');

/** The run trained as the dashboard trains it, to its limit (or its --until-error). */
function trained(options: RunOptions): Trainer {
	const trainer = new Trainer(options.setup);
	trainer.step(options.setup.limit);
	return trainer;
}

const predicted = (trainer: Trainer, sample = 0) => trainer.network.activations.at(-1)![sample]!;

// every number a built-in lesson states, as the screen shows it, from the program's own runs
describe('the numbers the built-in lessons state are the program’s', () => {
	test('tutorial: W41’s chain at iteration 1 (as the chain panel shows it), then 80,000 iterations', () => {
		const lesson = read('tutorial');
		const {worked} = workOut(lesson.steps[4]!.options, 1);
		const [g1, g2, g3] = worked.weights['W41']!.chain.map(factor => formatNumber(factor.values[0], 4));
		expect(text(lesson, 5)).toContain(`g1 = ${g1}, g2 = ${g2} and g3 = ${g3}`);
		const trainer = trained(lesson.steps[5]!.options);
		expect(trainer.iteration).toBe(80_000);
		expect(text(lesson, 7)).toContain(`predicts ${formatNumber(predicted(trainer), 4)} for its target 0.2`);
		expect(text(lesson, 7)).toContain(`the last iteration is ${formatNumber(trainer.network.error, 6)}`);
	});

	test('ten-inputs: SOP1, Activ1 and W1,1’s g4 at iteration 1; the hidden weights barely move in 80,000 iterations', () => {
		const lesson = read('ten-inputs');
		const {worked} = workOut(lesson.steps[1]!.options, 1);
		const h1 = worked.samples[0]!.neurons['h1']!;
		expect(text(lesson, 3)).toContain(`A SOP of ${formatNumber(h1.sop, 4)}`);
		expect(text(lesson, 3)).toContain(`Activ1 is ${formatNumber(h1.activation, 6)}`);
		expect(text(lesson, 3)).toContain(`that slope, ${formatNumber(worked.weights['W1,1']!.chain[3]!.values[0], 4)},`);
		const trainer = trained(lesson.steps[3]!.options);
		expect(text(lesson, 5)).toContain(
			`the prediction is ${formatNumber(predicted(trainer), 4)} and the last iteration's error ${formatNumber(trainer.network.error, 6)}`,
		);
		const start = new Trainer(lesson.steps[3]!.options.setup).network.weights;
		const moved = trainer.network.weights.map((w, k) => Math.abs(w - start[k]!));
		expect(Math.max(...moved.slice(0, 20))).toBeLessThan(1e-5);
		expect(Math.min(...moved.slice(20))).toBeGreaterThan(1);
	});

	test('hidden-layer: 0.250000 and 0.5000 without a hidden layer; with one, the iteration its error is at most 0.01', () => {
		const lesson = read('hidden-layer');
		const flat = trained(lesson.steps[0]!.options);
		const shown = [0, 1, 2, 3].map(sample => formatNumber(predicted(flat, sample), 4));
		expect(new Set(shown)).toEqual(new Set(['0.5000']));
		expect(text(lesson, 2)).toContain(`the error stops at ${formatNumber(flat.network.error, 6)}, every prediction at ${shown[0]}`);
		const hidden = trained(lesson.steps[2]!.options);
		expect(text(lesson, 4)).toContain(`It got there at iteration ${formatCount(hidden.reachedAt!)}.`);
	});

	test('optimizers: a race of sgd, momentum and Adam from seed 0; their first steps; the iteration each first reaches an error of at most 0.0001', () => {
		const lesson = read('optimizers');
		const race = lesson.steps[0]!.race!;
		// the race's lanes are their single runs, bit for bit: each lane's own run gives its numbers
		expect(race.map(lane => lane.run.setup.optimizer)).toEqual(['sgd', 'momentum', 'adam']);
		for (const {run} of race) {
			expect([run.setup.seed, run.setup.learningRate, run.setup.untilError, run.setup.momentum]).toEqual([0, 0.001, 0.0001, 0.9]);
		}

		expect(lesson.steps.map(step => step.run)).toEqual([0, 0, 0, 0, 0]);
		expect(text(lesson, 1)).toContain('seed 0, learning rate 0.001');
		const [sgd, momentum, adam] = race.map(lane => {
			const trainer = new Trainer(lane.run.setup);
			trainer.step(1);
			return trainer.network;
		});
		const sgdChanges = [...sgd!.gradients].map(gradient => -0.001 * gradient);
		expect([...sgd!.changes]).toEqual(sgdChanges);
		expect([...momentum!.changes]).toEqual(sgdChanges);
		expect(text(lesson, 2)).toContain('Lanes 1 and 2 took the same step, −0.001 · gradient.');
		// Adam's change of every weight, as the weights table shows it, whatever its gradient
		const shown = new Set([...adam!.changes].map(change => formatNumber(change, 4)));
		expect(shown.size).toBe(1);
		expect(new Set([...adam!.gradients].map(gradient => formatNumber(gradient, 1))).size).toBeGreaterThan(3);
		expect(text(lesson, 2)).toContain(`Adam (3) changed every weight by ${[...shown][0]!}, whatever its gradient`);
		const [sgdAt, momentumAt, adamAt] = race.map(lane => trained(lane.run).reachedAt!);
		expect(text(lesson, 4)).toContain(
			`sgd got there at iteration ${formatCount(sgdAt!)}; momentum at ${formatCount(momentumAt!)}, ten times sooner; Adam at ${formatCount(adamAt!)}, about eight times sooner than sgd.`,
		);
		expect([Math.round(sgdAt! / momentumAt!), Math.round(sgdAt! / adamAt!)]).toEqual([10, 8]);
	});
});

const NUMPY = String.raw`
import json, sys
import numpy as np
np.random.seed(0)
x = np.array([0.1, 0.4, 4.1]); target = 0.2
w1 = np.array([np.random.rand(3), np.random.rand(3)]); w2 = np.random.rand(2)
sigmoid = lambda s: 1 / (1 + np.exp(-s))
sop = w1 @ x; activ = sigmoid(sop); predicted = sigmoid(w2 @ activ)
gradient = 2 * (predicted - target) * predicted * (1 - predicted) * activ[0]
print(json.dumps({'sop-h1': sop[0], 'activation-h1': activ[0], 'output-out': predicted, 'gradient-W41': gradient, 'new-W41': w2[0] - 0.001 * gradient}))
`;

test('the tutorial lesson’s answers are numpy’s (the tutorial’s own forward pass, chain and update)', () => {
	const result = spawnSync('python3', ['-c', NUMPY], {encoding: 'utf8'});
	if (result.error || result.status !== 0) {
		throw new Error(`this test needs python3 with numpy: ${result.error?.message ?? result.stderr.trim().split('\n').at(-1)}`);
	}

	const expected = JSON.parse(result.stdout) as Record<string, number>;
	const questions = read('tutorial').steps.flatMap(step => step.questions);
	expect(questions.map(question => question.id).sort()).toEqual(Object.keys(expected).sort());
	for (const question of questions) {
		expect(Math.abs(question.answer - expected[question.id]!) / Math.abs(expected[question.id]!), question.id).toBeLessThan(1e-12);
	}
});
