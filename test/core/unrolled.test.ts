import {describe, expect, test} from 'vitest';
import {ACTIVATIONS, Network, type NetworkSpec} from '../../source/core/network.js';
import {NumpyRandom} from '../../source/core/random.js';
import {MAX_UNROLLED_TERMS, unrolledTerms} from '../../source/core/unrolled.js';
import {goldenRuns} from '../helpers/golden.js';

/** Every buffer of the last iteration, as the exact bits (NaN compares equal to NaN). */
function state(network: Network): unknown {
	const bits = (arrays: readonly Float64Array[]) => arrays.map(array => [...new BigUint64Array(array.buffer, array.byteOffset, array.length)]);
	return {
		loss: Object.is(network.loss, Number.NaN) ? 'NaN' : network.loss,
		hasIteration: network.hasIteration,
		weights: bits(network.weights),
		previous: bits(network.previousWeights),
		gradients: bits(network.gradients),
		changes: bits(network.changes),
		activations: bits(network.activations),
		sops: bits(network.sops),
		deltas: bits(network.deltas),
	};
}

/** Runs both forms side by side; they must agree bit for bit after every checked iteration. */
function expectSameRun(spec: NetworkSpec, seed: number, learningRate: number, iterations: number, checkEvery: number): void {
	const unrolled = new Network(spec, {unroll: 'always'});
	const loops = new Network(spec, {unroll: 'never'});
	unrolled.initialise(seed);
	loops.initialise(seed);
	for (let k = 1; k <= iterations; k++) {
		const a = unrolled.iterate(learningRate);
		const b = loops.iterate(learningRate);
		expect(a, `finite at iteration ${k}`).toBe(b);
		if (k % checkEvery === 0 || k === iterations || !a) {
			expect(state(unrolled), `iteration ${k}`).toEqual(state(loops));
		}

		if (!a) {
			return;
		}
	}
}

describe('the unrolled iteration is the loops, bit for bit', () => {
	test.each(goldenRuns().map(run => [run.name, run] as const))('reference run %s, every iteration to the end', (_name, run) => {
		expectSameRun(
			{layers: run.layers, activation: run.activation, bias: run.bias, samples: run.samples},
			run.seed,
			run.learningRate,
			run.iterations,
			Math.max(1, Math.floor(run.iterations / 20)),
		);
	});

	test('random small networks: every activation, bias or not, several samples and outputs', () => {
		const random = new NumpyRandom(7);
		const pick = (n: number) => 1 + Math.floor(random.rand() * n);
		let checked = 0;
		for (const activation of ACTIVATIONS) {
			for (const bias of [false, true]) {
				for (let trial = 0; trial < 6; trial++) {
					const layers = Array.from({length: 2 + Math.floor(random.rand() * 3)}, () => pick(4));
					const samples = Array.from({length: pick(3)}, () => ({
						x: Array.from({length: layers[0]!}, () => random.rand() * 4 - 2),
						t: Array.from({length: layers.at(-1)!}, () => random.rand()),
					}));
					expectSameRun({layers, activation, bias, samples}, trial, 0.05, 60, 10);
					checked++;
				}
			}
		}

		expect(checked).toBe(48);
	});

	test('a diverging run stops at the same iteration with the same non-finite numbers', () => {
		const spec = {layers: [3, 2, 1], activation: 'linear', bias: false, samples: [{x: [0.1, 0.4, 4.1], t: [0.2]}]} as const;
		expectSameRun(spec, 0, 1000, 100, 1);
	});

	test('small networks are unrolled by default, large ones keep the loops', () => {
		expect(unrolledTerms([3, 2, 1], false, 1)).toBe(8);
		expect(unrolledTerms([2, 3, 1], true, 4)).toBe(52);
		expect(unrolledTerms([64, 32, 4], false, 16)).toBeGreaterThan(MAX_UNROLLED_TERMS);
		const unrolledByDefault = (spec: NetworkSpec) => (new Network(spec) as unknown as {unrolled: unknown}).unrolled !== undefined;
		const sample = (n: number, m: number) => ({x: Array.from({length: n}, () => 1), t: Array.from({length: m}, () => 0)});
		expect(unrolledByDefault({layers: [3, 2, 1], activation: 'sigmoid', bias: false, samples: [sample(3, 1)]})).toBe(true);
		expect(unrolledByDefault({layers: [64, 32, 4], activation: 'sigmoid', bias: false, samples: [sample(64, 4)]})).toBe(false);
	});
});
