import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {neuronName, weightRefs} from '../../source/core/names.js';
import {makeExercise} from '../../source/session/exercise/make.js';
import {exerciseJson} from '../../source/session/exercise/sheet.js';
import {EXERCISE_KINDS, KIND_OF, QUANTITIES, type ExerciseChoices, type ExerciseNetwork, type Question} from '../../source/session/exercise/types.js';
import {relativeError} from '../helpers/golden.js';

type Printed = {seed: number; kind: string; network: ExerciseNetwork; questions: Question[]};
type Values = {sops: number[][]; activations: number[][]; error: number; deltas: number[][]; gradients: number[][][]; newWeights: number[][][]};
type Reference = {exact: Values; byHand: Values};

const TUTORIAL: ExerciseChoices = {
	layers: [3, 2, 1],
	activation: 'sigmoid',
	outputActivation: 'sigmoid',
	bias: false,
	loss: 'squared',
	optimizer: 'sgd',
	kind: 'all',
};
const CHOICES: ReadonlyArray<readonly [string, ExerciseChoices]> = [
	['the tutorial’s 3-2-1', TUTORIAL],
	['adam', {...TUTORIAL, optimizer: 'adam'}],
	['momentum, bias', {...TUTORIAL, optimizer: 'momentum', bias: true}],
	['tanh, 2-3-2, bias, lr 0.5', {...TUTORIAL, layers: [2, 3, 2], activation: 'tanh', outputActivation: 'tanh', bias: true, learningRate: 0.5}],
	['relu, linear output, 2-3-1', {...TUTORIAL, layers: [2, 3, 1], activation: 'relu', outputActivation: 'linear', bias: true}],
	['cross-entropy, sigmoid', {...TUTORIAL, loss: 'cross-entropy'}],
	['softmax, 3-3-3, adam', {...TUTORIAL, layers: [3, 3, 3], outputActivation: 'softmax', loss: 'cross-entropy', optimizer: 'adam'}],
];
const SEEDS = Array.from({length: 25}, (_, k) => k * 7919);
const name = (setting: string) => `--${setting}`;

const printed = CHOICES.flatMap(([, choices]) => SEEDS.map(seed => JSON.parse(exerciseJson(makeExercise(seed, choices, name))) as Printed));

/** The numpy script over every exercise at once; a missing python3 or numpy fails the test in one line. */
function reference(exercises: readonly Printed[]): Reference[] {
	const script = path.join(import.meta.dirname, '..', 'reference', 'exercises.py');
	const run = spawnSync('python3', [script], {input: JSON.stringify(exercises), encoding: 'utf8', maxBuffer: 1 << 28});
	if (run.error || run.status !== 0) {
		throw new Error(`python3 with numpy is needed for this test: ${run.error?.message ?? run.stderr.trim().split('\n').at(-1)}`);
	}

	return JSON.parse(run.stdout) as Reference[];
}

/** The value of a question in the reference's layout, found by the question's own names. */
function valueOf(values: Values, network: ExerciseNetwork, question: Question): number {
	const {layers} = network;
	const place = (neuron: string) => {
		for (let l = 1; l < layers.length; l++) {
			for (let j = 0; j < layers[l]!; j++) {
				if (neuronName(layers, l, j) === neuron) {
					return [l - 1, j] as const;
				}
			}
		}

		throw new Error(`no neuron ${neuron}`);
	};

	const ref = () => weightRefs(layers, network.bias).find(candidate => candidate.name === question.weight)!;
	switch (question.quantity) {
		case 'sop': {
			const [l, j] = place(question.neuron!);
			return values.sops[l]![j]!;
		}

		case 'activation':
		case 'output': {
			const [l, j] = place(question.neuron!);
			return values.activations[l]![j]!;
		}

		case 'error': {
			return values.error;
		}

		case 'delta': {
			const [l, j] = place(question.neuron!);
			return values.deltas[l]![j]!;
		}

		case 'gradient': {
			const {layer, row, col} = ref();
			return values.gradients[layer]![row]![col]!;
		}

		case 'new-weight': {
			const {layer, row, col} = ref();
			return values.newWeights[layer]![row]![col]!;
		}
	}
}

describe('exercises against numpy, computed from each exercise’s own network', () => {
	const references = reference(printed);

	test.each(CHOICES.map(([label], c) => [label, c] as const))('%s: every answer is numpy’s, and one worked to 4 significant digits is right', (_label, c) => {
		for (let s = 0; s < SEEDS.length; s++) {
			const exercise = printed[c * SEEDS.length + s]!;
			const {exact, byHand} = references[c * SEEDS.length + s]!;
			expect(exercise.questions.length).toBeGreaterThan(8);
			for (const question of exercise.questions) {
				const where = `seed ${exercise.seed}, ${question.id}`;
				expect(relativeError(question.answer, valueOf(exact, exercise.network, question), 1e-12), where).toBeLessThan(1e-9);
				const hand = valueOf(byHand, exercise.network, question);
				expect(Math.abs(hand - question.answer), `${where}: by hand ${hand}, exactly ${question.answer}`).toBeLessThanOrEqual(
					question.tolerance * Math.abs(question.answer),
				);
			}
		}
	});

	test('every quantity is asked, named as on screen; the network is printed as the headless JSON has it', () => {
		const asked = new Set(printed.flatMap(exercise => exercise.questions.map(question => question.quantity)));
		expect([...asked].sort()).toEqual([...QUANTITIES].sort());
		const tutorial = printed[0]!;
		expect(Object.keys(tutorial)).toEqual(['seed', 'kind', 'network', 'questions']);
		expect(tutorial.network.weights.map(layer => layer.map(row => row.length))).toEqual([[3, 3], [2]]);
		expect(tutorial.network.samples[0]!.inputs).toHaveLength(3);
		for (const question of printed.flatMap(exercise => exercise.questions)) {
			const neuronal = ['sop', 'activation', 'output', 'delta'].includes(question.quantity);
			expect(question.neuron !== undefined, question.id).toBe(neuronal);
			expect(question.weight !== undefined, question.id).toBe(question.quantity === 'gradient' || question.quantity === 'new-weight');
		}

		expect(tutorial.questions.map(question => question.id).filter(id => /^(sop|output|error)/.test(id))).toEqual([
			'sop-h1',
			'sop-h2',
			'sop-out',
			'output-out',
			'error',
		]);
		expect(tutorial.questions.find(question => question.quantity === 'gradient')!.weight).toMatch(/^W[1-4][12]$/);
	});

	test.each(EXERCISE_KINDS.filter(kind => kind !== 'all'))('--kind %s: the same network, and the questions of that part', kind => {
		for (const [, choices] of CHOICES) {
			const all = JSON.parse(exerciseJson(makeExercise(11, choices, name))) as Printed;
			const part = JSON.parse(exerciseJson(makeExercise(11, {...choices, kind}, name))) as Printed;
			expect(part.network).toEqual(all.network);
			expect(part.questions).toEqual(all.questions.filter(question => KIND_OF[question.quantity] === kind));
			expect(part.questions.length).toBeGreaterThan(0);
		}
	});
});
