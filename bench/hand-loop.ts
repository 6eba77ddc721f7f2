/**
 * Hand-written training loops, each for one shape, that the generic Trainer is measured
 * against: the tutorial's 3-2-1 and XOR's 2-3-1 with Adam. Each does the Trainer's maths in
 * the Trainer's order, so the bench can check that they agree before comparing speeds.
 */
import {NumpyRandom} from '../source/core/maths/random.js';

export type HandResult = {
	/** In the Trainer's flat order (layer by layer, a row per receiving neuron, bias last). */
	readonly weights: readonly number[];
	readonly predicted: number;
	readonly error: number;
};

/**
 * The tutorial's 3-2-1 network in scalar variables: sigmoid everywhere, squared error, no
 * bias, learning rate 0.001, inputs 0.1, 0.4, 4.1, target 0.2. Products are grouped as the
 * Trainer groups them, so both give the same numbers to the last bit.
 */
export function tutorialLoop(iterations: number, seed = 0): HandResult {
	const random = new NumpyRandom(seed);
	// numpy.random.seed(seed); w1_3 = rand(3); w2_3 = rand(3); w3_2 = rand(2)
	let w11 = random.rand();
	let w21 = random.rand();
	let w31 = random.rand();
	let w12 = random.rand();
	let w22 = random.rand();
	let w32 = random.rand();
	let w41 = random.rand();
	let w42 = random.rand();
	const [x1, x2, x3, target, learningRate] = [0.1, 0.4, 4.1, 0.2, 0.001];
	let predicted = Number.NaN;
	let error = Number.NaN;
	for (let k = 0; k < iterations; k++) {
		const activ1 = 1 / (1 + Math.exp(-(w11 * x1 + w21 * x2 + w31 * x3)));
		const activ2 = 1 / (1 + Math.exp(-(w12 * x1 + w22 * x2 + w32 * x3)));
		predicted = 1 / (1 + Math.exp(-(w41 * activ1 + w42 * activ2)));
		error = (predicted - target) * (predicted - target);
		const dSop3 = 2 * (predicted - target) * (predicted * (1 - predicted));
		// through W41 and W42 as they were before this iteration's update
		const dSop1 = w41 * dSop3 * (activ1 * (1 - activ1));
		const dSop2 = w42 * dSop3 * (activ2 * (1 - activ2));
		w41 -= learningRate * (dSop3 * activ1);
		w42 -= learningRate * (dSop3 * activ2);
		w11 -= learningRate * (dSop1 * x1);
		w21 -= learningRate * (dSop1 * x2);
		w31 -= learningRate * (dSop1 * x3);
		w12 -= learningRate * (dSop2 * x1);
		w22 -= learningRate * (dSop2 * x2);
		w32 -= learningRate * (dSop2 * x3);
	}

	return {weights: [w11, w21, w31, w12, w22, w32, w41, w42], predicted, error};
}

const XOR_INPUTS = [0, 0, 0, 1, 1, 0, 1, 1];
const XOR_TARGETS = [0, 1, 1, 0];

/**
 * XOR's 2-3-1 with biases over its four samples (full batch): tanh hidden, sigmoid output,
 * squared error, Adam (0.9, 0.999, 1e-8). `initial` are the 13 weights in the Trainer's
 * order: per hidden neuron x1, x2, bias; then the output's h1, h2, h3, bias.
 */
export function xorLoop(initial: ArrayLike<number>, learningRate: number, iterations: number): HandResult {
	const w = Float64Array.from(initial);
	const g = new Float64Array(13);
	const m = new Float64Array(13);
	const v = new Float64Array(13);
	let predicted = Number.NaN;
	let error = Number.NaN;
	for (let step = 1; step <= iterations; step++) {
		const w0 = w[0]!;
		const w1 = w[1]!;
		const w2 = w[2]!;
		const w3 = w[3]!;
		const w4 = w[4]!;
		const w5 = w[5]!;
		const w6 = w[6]!;
		const w7 = w[7]!;
		const w8 = w[8]!;
		const w9 = w[9]!;
		const w10 = w[10]!;
		const w11 = w[11]!;
		const w12 = w[12]!;
		g.fill(0);
		let total = 0;
		for (let s = 0; s < 4; s++) {
			const x1 = XOR_INPUTS[2 * s]!;
			const x2 = XOR_INPUTS[2 * s + 1]!;
			const t = XOR_TARGETS[s]!;
			const h1 = Math.tanh(w0 * x1 + w1 * x2 + w2);
			const h2 = Math.tanh(w3 * x1 + w4 * x2 + w5);
			const h3 = Math.tanh(w6 * x1 + w7 * x2 + w8);
			const p = 1 / (1 + Math.exp(-(w9 * h1 + w10 * h2 + w11 * h3 + w12)));
			predicted = s === 0 ? p : predicted;
			total += (p - t) * (p - t);
			const d = 2 * (p - t) * (p * (1 - p));
			accumulate(g, 0, w9 * d * (1 - h1 * h1), x1, x2);
			accumulate(g, 3, w10 * d * (1 - h2 * h2), x1, x2);
			accumulate(g, 6, w11 * d * (1 - h3 * h3), x1, x2);
			g[9] = g[9]! + d * h1;
			g[10] = g[10]! + d * h2;
			g[11] = g[11]! + d * h3;
			g[12] = g[12]! + d;
		}

		error = total / 4;
		adam(w, g, m, v, 4, step, learningRate);
	}

	return {weights: [...w], predicted, error};
}

/** A hidden neuron's gradient sums from its dError/dSOP: its two inputs' weights, then its bias. */
function accumulate(g: Float64Array, at: number, delta: number, x1: number, x2: number): void {
	g[at] = g[at]! + delta * x1;
	g[at + 1] = g[at + 1]! + delta * x2;
	g[at + 2] = g[at + 2]! + delta;
}

/** One Adam update of every weight from gradient sums over `batch` samples, at step t (from 1). */
export function adam(w: Float64Array, sums: Float64Array, m: Float64Array, v: Float64Array, batch: number, t: number, learningRate: number): void {
	const correction1 = 1 - 0.9 ** t;
	const correction2 = 1 - 0.999 ** t;
	for (let k = 0; k < w.length; k++) {
		const gradient = sums[k]! / batch;
		const mk = 0.9 * m[k]! + 0.1 * gradient;
		const vk = 0.999 * v[k]! + 0.001 * (gradient * gradient);
		m[k] = mk;
		v[k] = vk;
		w[k] = w[k]! - (learningRate * (mk / correction1)) / (Math.sqrt(vk / correction2) + 1e-8);
	}
}

/** The largest |a[k] - b[k]|. */
export function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let largest = 0;
	for (let k = 0; k < a.length; k++) {
		largest = Math.max(largest, Math.abs(a[k]! - b[k]!));
	}

	return largest;
}
