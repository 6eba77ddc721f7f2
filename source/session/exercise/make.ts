/** An exercise from its seed: a network drawn until every asked number can be worked by hand to 4 significant digits. */
import {NumpyRandom} from '../../core/maths/random.js';
import {weightRefs} from '../../core/names.js';
import {TUTORIAL} from '../../core/presets.js';
import type {Setup} from '../../core/setup.js';
import {setupProblem} from '../../core/validate.js';
import type {Network} from '../../core/maths/network.js';
import {workOut} from '../explain.js';
import type {Explained} from '../explain-types.js';
import {InputError} from '../input-error.js';
import {draw, type Drawn} from './draw.js';
import {itemsOf} from './items.js';
import {ofKind, select} from './select.js';
import {TOLERANCE, type Exercise, type ExerciseChoices, type Item} from './types.js';

/** The exercise is worked by hand: no larger than this. */
export const MAX_NEURONS = 6;
export const MAX_LAYERS = 5;
/** Candidates drawn before giving up; the first ones must also move each asked weight visibly. */
const ATTEMPTS = 1500;
const STRICT_ATTEMPTS = 500;

/** The setting of a choice, as the flag names it: for one-line messages. */
export type ChoiceName = (setting: keyof Setup) => string;

/** The same seed and choices make the same exercise. An InputError when the choices do not go together. */
export function makeExercise(seed: number, choices: ExerciseChoices, name: ChoiceName): Exercise {
	checkSize(choices.layers, name);
	const random = new NumpyRandom(seed);
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		const drawn = draw(random, choices);
		const at = (learningRate: number) => {
			const setup: Setup = {
				...TUTORIAL,
				...choices,
				layers: [...choices.layers],
				learningRate,
				seed,
				limit: 1,
				weights: drawn.weights,
				samples: [{x: drawn.inputs, t: drawn.target}],
			};
			const problem = setupProblem(setup, name);
			if (problem !== undefined) {
				throw new InputError(problem);
			}

			const {worked, network} = workOut({setup, paused: false, speed: 1}, 1);
			return {setup, worked, network, items: itemsOf(worked, network)};
		};

		const first = at(drawn.learningRates[0]!);
		const all = select(random, choices, first.items);
		if (
			!networkConditioned(
				first.worked,
				all.map(id => first.items.get(id)!),
			)
		) {
			continue;
		}

		// the forward and backward numbers do not depend on the learning rate; the update does
		for (const rate of drawn.learningRates) {
			const made = rate === drawn.learningRates[0] ? first : at(rate);
			if (
				updateConditioned(
					made.worked,
					all.map(id => made.items.get(id)!),
					attempt < STRICT_ATTEMPTS,
				)
			) {
				return exerciseOf(seed, choices, drawn, made, all);
			}
		}
	}

	throw new InputError(
		`no network of ${choices.layers.join(',')} with ${choices.activation} gives numbers that can be worked by hand; try fewer layers or another activation`,
	);
}

function exerciseOf(
	seed: number,
	choices: ExerciseChoices,
	drawn: Drawn,
	made: {setup: Setup; worked: Explained; network: Network; items: Map<string, Item>},
	all: readonly string[],
): Exercise {
	const {setup, worked, network, items} = made;
	const asked = ofKind(all, choices.kind, items);
	const given = [...new Set(asked.flatMap(id => items.get(id)!.needs))].filter(id => !asked.includes(id));
	const exerciseNetwork = {
		layers: setup.layers,
		activation: setup.activation,
		outputActivation: setup.outputActivation,
		bias: setup.bias,
		loss: setup.loss,
		optimizer: setup.optimizer,
		learningRate: setup.learningRate,
		weights: drawn.weights,
		samples: [{inputs: drawn.inputs, target: drawn.target}],
	};
	return {seed, kind: choices.kind, network: exerciseNetwork, items, asked, given, setup, worked, workedOn: network};
}

function checkSize(layers: readonly number[], name: ChoiceName): void {
	if (layers.length > MAX_LAYERS || layers.some(n => n > MAX_NEURONS)) {
		throw new InputError(
			`${name('layers')} ${layers.join(',')}: an exercise is worked by hand, so at most ${MAX_LAYERS} layers of at most ${MAX_NEURONS} neurons`,
		);
	}
}

const NO_CANCELLING = 0.25;
const SMALLEST_SOP = 0.1;
const SMALLEST_SLOPE = 0.05;
const SMALLEST_MISS = 0.1;
const SMALLEST_VALUE = 1e-4;

/**
 * Whether every number before the update can be worked to 4 significant digits and still
 * land within the tolerance: no sum whose terms cancel, no saturated neuron whose δ is
 * needed, a prediction well off its target, no vanishing answer (but relu's exact 0).
 */
function networkConditioned(worked: Explained, asked: readonly Item[]): boolean {
	const sample = worked.samples[0]!;
	const refs = weightRefs(worked.layers, worked.bias);
	const depth = worked.layers.length - 1;
	const followed = new Set(asked.filter(item => item.quantity === 'delta').map(item => item.neuron));
	const input = (from: string, isBias: boolean) => (isBias ? 1 : (sample.inputs[from] ?? sample.neurons[from]!.activation));
	const total = (terms: readonly number[]) => terms.reduce((a, b) => a + Math.abs(b), 0);
	for (const [name, neuron] of Object.entries(sample.neurons)) {
		const terms = refs.filter(ref => ref.to === name).map(ref => input(ref.from, ref.isBias) * worked.weights[ref.name]!.weight);
		const size = Math.abs(neuron.sop);
		// the first layer's SOPs are exact: sums of products of the given numbers
		if (neuron.layer > 1 && (size < SMALLEST_SOP || size < NO_CANCELLING * total(terms))) {
			return false;
		}

		const needed = followed.has(name) || neuron.layer === depth;
		if (needed && neuron.dActivationDSop !== undefined && Math.abs(neuron.dActivationDSop) < SMALLEST_SLOPE) {
			return false;
		}

		if (neuron.layer === depth && Math.abs(neuron.activation - sample.targets[name]!) < SMALLEST_MISS) {
			return false;
		}

		const back = refs.filter(ref => ref.from === name).map(ref => worked.weights[ref.name]!.weight * sample.neurons[ref.to]!.delta);
		if (followed.has(name) && neuron.layer < depth && Math.abs(neuron.dErrorDActivation!) < NO_CANCELLING * total(back)) {
			return false;
		}
	}

	return asked.every(item => {
		const exactZero = item.value === 0 && item.quantity === 'activation';
		return item.quantity === 'new-weight' || (Number.isFinite(item.value) && (Math.abs(item.value) >= SMALLEST_VALUE || exactZero));
	});
}

/** Whether each asked weight's new value is well off zero and (strict) moved by more than the tolerance. */
function updateConditioned(worked: Explained, asked: readonly Item[], strict: boolean): boolean {
	return asked
		.filter(item => item.quantity === 'new-weight')
		.every(item => {
			const change = Math.abs(worked.weights[item.weight!]!.change);
			const size = Math.abs(item.value);
			return Number.isFinite(item.value) && change <= size && (!strict || change >= 4 * TOLERANCE * size);
		});
}
