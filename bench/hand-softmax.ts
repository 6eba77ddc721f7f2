/**
 * A hand-written loop for a 2-16-16-3 network: tanh hidden layers with biases, softmax
 * output, cross-entropy, plain gradient descent, mini-batches of 10 in the order numpy's
 * `permutation` gives each epoch (the Trainer's rule). Written for that shape: constant
 * sizes, flat typed arrays, the Trainer's order of operations.
 */
import {NumpyRandom} from '../source/core/maths/random.js';
import type {Sample} from '../source/core/data/samples.js';
import type {HandResult} from './hand-loop.js';

const HIDDEN = 16;
const CLASSES = 3;
// flat offsets of the three weight layers; rows of 3, 17 and 17 (bias last)
const L2 = HIDDEN * 3;
const L3 = L2 + HIDDEN * (HIDDEN + 1);
export const SOFTMAX_WEIGHTS = L3 + CLASSES * (HIDDEN + 1);

/** Three classes of 100 points around three centres on a circle, one-hot targets. */
export function threeClasses(seed = 7): Sample[] {
	const random = new NumpyRandom(seed);
	return Array.from({length: 300}, (_, s) => {
		const c = s % CLASSES;
		const angle = (2 * Math.PI * c) / CLASSES;
		const x = [0.5 * Math.cos(angle) + 0.3 * random.standardNormal(), 0.5 * Math.sin(angle) + 0.3 * random.standardNormal()];
		return {x, t: Array.from({length: CLASSES}, (_, k) => (k === c ? 1 : 0))};
	});
}

/** The Trainer's generator after it has drawn `weights` initial weights with one `rand()` each (rand, uniform, xavier, he). */
export function randomAfterWeights(seed: number, weights: number): NumpyRandom {
	const random = new NumpyRandom(seed);
	for (let k = 0; k < weights; k++) {
		random.rand();
	}

	return random;
}

type Buffers = {
	readonly w: Float64Array;
	readonly g: Float64Array;
	readonly a1: Float64Array;
	readonly a2: Float64Array;
	readonly p: Float64Array;
	readonly d1: Float64Array;
	readonly d2: Float64Array;
	readonly d3: Float64Array;
};

/** One sample forward and back: adds its gradient to `g`, returns its loss. */
function sample(b: Buffers, x1: number, x2: number, targets: Float64Array, at: number): number {
	const {w, a1, a2, p, d3} = b;
	for (let j = 0; j < HIDDEN; j++) {
		a1[j] = Math.tanh(0 + w[3 * j]! * x1 + w[3 * j + 1]! * x2 + w[3 * j + 2]!);
	}

	for (let j = 0; j < HIDDEN; j++) {
		const row = L2 + j * 17;
		let sum = 0;
		for (let i = 0; i < HIDDEN; i++) {
			sum += w[row + i]! * a1[i]!;
		}

		a2[j] = Math.tanh(sum + w[row + HIDDEN]!);
	}

	let largest = Number.NEGATIVE_INFINITY;
	for (let k = 0; k < CLASSES; k++) {
		const row = L3 + k * 17;
		let sum = 0;
		for (let i = 0; i < HIDDEN; i++) {
			sum += w[row + i]! * a2[i]!;
		}

		p[k] = sum + w[row + HIDDEN]!;
		largest = Math.max(largest, p[k]!);
	}

	let total = 0;
	for (let k = 0; k < CLASSES; k++) {
		p[k] = Math.exp(p[k]! - largest);
		total += p[k]!;
	}

	let loss = 0;
	for (let k = 0; k < CLASSES; k++) {
		p[k] = p[k]! / total;
		const t = targets[at + k]!;
		loss += -(t * Math.log(p[k]!));
		d3[k] = p[k]! - t;
	}

	backward(b, x1, x2);
	return loss;
}

function backward({w, g, a1, a2, d1, d2, d3}: Buffers, x1: number, x2: number): void {
	for (let j = 0; j < HIDDEN; j++) {
		let sum = 0;
		for (let k = 0; k < CLASSES; k++) {
			sum += w[L3 + k * 17 + j]! * d3[k]!;
		}

		d2[j] = sum * (1 - a2[j]! * a2[j]!);
	}

	for (let j = 0; j < HIDDEN; j++) {
		let sum = 0;
		for (let k = 0; k < HIDDEN; k++) {
			sum += w[L2 + k * 17 + j]! * d2[k]!;
		}

		d1[j] = sum * (1 - a1[j]! * a1[j]!);
	}

	for (let k = 0; k < CLASSES; k++) {
		const row = L3 + k * 17;
		for (let i = 0; i < HIDDEN; i++) {
			g[row + i] = g[row + i]! + d3[k]! * a2[i]!;
		}

		g[row + HIDDEN] = g[row + HIDDEN]! + d3[k]!;
	}

	for (let j = 0; j < HIDDEN; j++) {
		const row = L2 + j * 17;
		for (let i = 0; i < HIDDEN; i++) {
			g[row + i] = g[row + i]! + d2[j]! * a1[i]!;
		}

		g[row + HIDDEN] = g[row + HIDDEN]! + d2[j]!;
		g[3 * j] = g[3 * j]! + d1[j]! * x1;
		g[3 * j + 1] = g[3 * j + 1]! + d1[j]! * x2;
		g[3 * j + 2] = g[3 * j + 2]! + d1[j]!;
	}
}

/**
 * `iterations` mini-batch updates from the weights `initial`, with `random` where the
 * Trainer's generator is after drawing them (see randomAfterWeights).
 */
export function softmaxLoop(initial: ArrayLike<number>, samples: readonly Sample[], random: NumpyRandom, learningRate: number, iterations: number): HandResult {
	const count = samples.length;
	const inputs = Float64Array.from(samples.flatMap(({x}) => x));
	const targets = Float64Array.from(samples.flatMap(({t}) => t));
	const b: Buffers = {
		w: Float64Array.from(initial),
		g: new Float64Array(SOFTMAX_WEIGHTS),
		a1: new Float64Array(HIDDEN),
		a2: new Float64Array(HIDDEN),
		p: new Float64Array(CLASSES),
		d1: new Float64Array(HIDDEN),
		d2: new Float64Array(HIDDEN),
		d3: new Float64Array(CLASSES),
	};
	const batch = 10;
	let order: Int32Array = new Int32Array(0);
	let cursor = 0;
	let error = Number.NaN;
	for (let k = 0; k < iterations; k++) {
		if (cursor === 0) {
			order = random.permutation(count);
		}

		b.g.fill(0);
		let total = 0;
		for (let s = 0; s < batch; s++) {
			const at = order[cursor + s]!;
			total += sample(b, inputs[2 * at]!, inputs[2 * at + 1]!, targets, CLASSES * at);
		}

		cursor = cursor + batch === count ? 0 : cursor + batch;
		error = total / batch;
		for (let j = 0; j < SOFTMAX_WEIGHTS; j++) {
			b.w[j] = b.w[j]! + -learningRate * (b.g[j]! / batch);
		}
	}

	return {weights: [...b.w], predicted: b.p[0]!, error};
}
