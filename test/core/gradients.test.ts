import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {chainOf} from '../../source/core/chain.js';
import {checkGradients, checkLastIteration, relativeDifference} from '../../source/core/gradient-check.js';
import {weightRefs, type WeightRef} from '../../source/core/names.js';
import {ACTIVATIONS, Network, type Activation, type NestedWeights, type NetworkSpec} from '../../source/core/network.js';
import {PRESETS} from '../../source/core/presets.js';
import {NumpyRandom} from '../../source/core/random.js';
import {fixtures, type GoldenRun} from '../helpers/golden.js';

// analytic and finite-difference gradients must agree to this, every weight of every network
const AGREEMENT = 1e-6;

/** A random network of a random shape, from a seeded generator so that a failure reproduces. */
function randomNetwork(random: NumpyRandom, activation: Activation, bias: boolean, sampleCount: number): {spec: NetworkSpec; weights: NestedWeights} {
	const uniform = (low: number, high: number) => low + (high - low) * random.rand();
	const whole = (low: number, high: number) => low + Math.floor(random.rand() * (high - low + 1));
	const depth = whole(1, 4);
	const layers = [whole(1, 5), ...Array.from({length: depth - 1}, () => whole(1, 5)), whole(2, 4)];
	const samples = Array.from({length: sampleCount}, () => ({
		x: Array.from({length: layers[0]!}, () => uniform(-2, 2)),
		t: Array.from({length: layers.at(-1)!}, () => uniform(0, 1)),
	}));
	const weights = layers.slice(1).map((n, l) => Array.from({length: n}, () => Array.from({length: layers[l]! + (bias ? 1 : 0)}, () => uniform(-1, 1))));
	return {spec: {layers, activation, bias, samples}, weights};
}

/** The loss from the definition, with nested arrays: an implementation independent of Network. */
function referenceLoss(spec: NetworkSpec, weights: NestedWeights): number {
	const activate: Record<Activation, (sop: number) => number> = {
		sigmoid: sop => 1 / (1 + Math.exp(-sop)),
		tanh: Math.tanh,
		relu: sop => Math.max(0, sop),
		linear: sop => sop,
	};
	let total = 0;
	for (const {x, t} of spec.samples) {
		let values = [...x];
		for (const layer of weights) {
			values = layer.map(row => activate[spec.activation](values.reduce((sum, v, i) => sum + v * row[i]!, spec.bias ? row.at(-1)! : 0)));
		}

		total += values.reduce((sum, predicted, k) => sum + (predicted - t[k]!) ** 2, 0);
	}

	return total / spec.samples.length;
}

/** The smallest |SOP| of any neuron and sample in the last iteration's forward pass. */
function smallestSop(network: Network): number {
	return Math.min(...network.sops.slice(1).flatMap(layer => [...layer].map(Math.abs)));
}

const at = (buffers: readonly Float64Array[], ref: WeightRef, network: Network) => buffers[ref.layer]![ref.row * network.stride[ref.layer]! + ref.col]!;

type Case = {name: string; spec: NetworkSpec; weights: NestedWeights};

/** Random networks for every activation, with and without bias, with one and several samples. */
function randomCases(): Case[] {
	const random = new NumpyRandom(20_240_611);
	const cases: Case[] = [];
	for (const activation of ACTIVATIONS) {
		for (const bias of [false, true]) {
			for (const sampleCount of [1, 3]) {
				for (let made = 0; made < 6;) {
					const {spec, weights} = randomNetwork(random, activation, bias, sampleCount);
					const network = new Network(spec);
					network.setWeights(weights);
					network.iterate(0);
					// finite differences are meaningless across relu's kink: keep every SOP clear of 0
					if (activation === 'relu' && smallestSop(network) < 1e-4) {
						continue;
					}

					// a network whose relu neurons are all off has nothing to check
					if (Math.max(...network.gradients.flatMap(layer => [...layer].map(Math.abs))) < 1e-4) {
						continue;
					}

					made++;
					cases.push({name: `${activation} ${bias ? 'bias' : 'no bias'} ${spec.layers.join('-')} x${sampleCount} #${made}`, spec, weights});
				}
			}
		}
	}

	return cases;
}

const cases = randomCases();

describe('backpropagation against finite differences, random networks', () => {
	test('the cases cover several outputs, hidden layers and none, and relu neurons that are off', () => {
		expect(cases).toHaveLength(ACTIVATIONS.length * 2 * 2 * 6);
		expect(cases.every(c => c.spec.layers.at(-1)! >= 2)).toBe(true);
		expect(cases.some(c => c.spec.layers.length === 2)).toBe(true);
		expect(cases.some(c => c.spec.layers.length >= 4)).toBe(true);
		// some relu neurons are off (their gradients are exactly 0), so that case is covered too
		const reluOff = cases.some(({spec, weights}) => {
			if (spec.activation !== 'relu') {
				return false;
			}

			const network = new Network(spec);
			network.setWeights(weights);
			network.iterate(0);
			return network.sops.slice(1).some(layer => layer.some(sop => sop < 0));
		});
		expect(reluOff).toBe(true);
	});

	test.each(cases.map(c => [c.name, c] as const))('%s', (_name, {spec, weights}) => {
		const network = new Network(spec);
		network.setWeights(weights);
		expect(relativeDifference(network.evaluate(), referenceLoss(spec, weights))).toBeLessThan(1e-12);

		// the trainer's own path: one iteration, whose gradients were taken at the weights before it
		network.iterate(0.1);
		expect(network.getWeights()).not.toEqual(weights);
		const last = checkLastIteration(network);
		expect(last.maxRelativeDifference, `${last.worst.weight.name}: analytic ${last.worst.analytic}, numeric ${last.worst.numeric}`).toBeLessThan(AGREEMENT);
		for (const check of last.weights) {
			expect(check.analytic).toBe(at(network.gradients, check.weight, network));
		}

		// and at the weights after it
		const current = checkGradients(network);
		expect(current.maxRelativeDifference, `${current.worst.weight.name}: analytic ${current.worst.analytic}, numeric ${current.worst.numeric}`).toBeLessThan(
			AGREEMENT,
		);
		// the numbers compared are not trivially zero
		expect(Math.max(...last.weights.map(check => Math.abs(check.numeric)))).toBeGreaterThan(1e-4);
	});
});

describe('the gradient check', () => {
	const tutorial = ['tutorial-3', 'tutorial-10'] as const;

	test.each(tutorial)('%s: every weight agrees to better than 1e-6, initially and while training', name => {
		const preset = PRESETS[name]!;
		for (const seed of [0, 1, 42]) {
			const network = new Network(preset);
			network.initialise(seed);
			const checks = [checkGradients(network)];
			for (const until of [1, 100, 10_000, 80_000]) {
				for (let k = checks.length === 1 ? 0 : 1; k < until; k++) {
					network.iterate(preset.learningRate);
				}

				checks.push(checkGradients(network), checkLastIteration(network));
			}

			for (const check of checks) {
				expect(check.weights).toHaveLength(network.weightCount);
				expect(check.maxRelativeDifference, `seed ${seed}, ${check.worst.weight.name}`).toBeLessThan(1e-6);
			}
		}
	});

	test('returns every weight in the flat order of weightRefs, with the worst one', () => {
		const network = new Network(PRESETS['tutorial-10']!);
		network.initialise(0);
		const result = checkGradients(network);
		const refs = weightRefs([10, 2, 1], false);
		expect(result.weights.map(check => check.weight)).toEqual(refs);
		const largest = Math.max(...result.weights.map(check => check.relativeDifference));
		expect(result.maxRelativeDifference).toBe(largest);
		expect(result.worst.relativeDifference).toBe(largest);
		// tutorial-10's W7,1 (input 0.01, into a saturated neuron): a gradient near 1e-8 and still checked
		const w71 = result.weights.find(check => check.weight.name === 'W7,1')!;
		expect(Math.abs(w71.analytic)).toBeLessThan(1e-7);
		expect(w71.relativeDifference).toBeLessThan(1e-6);
	});

	test('the numeric gradient comes from the loss: a wrong analytic gradient is caught', () => {
		const network = new Network(PRESETS['tutorial-3']!);
		network.initialise(0);
		const probe = network.clone();
		probe.iterate(0);
		const analytic = probe.gradients.map(layer => Float64Array.from(layer));
		expect(checkGradients(network, analytic).maxRelativeDifference).toBeLessThan(1e-6);
		const w42 = weightRefs([3, 2, 1], false).find(ref => ref.name === 'W42')!;
		const outputLayer = analytic[w42.layer]!;
		outputLayer[w42.col] = outputLayer[w42.col]! * 1.001;
		const result = checkGradients(network, analytic);
		expect(result.worst.weight.name).toBe('W42');
		expect(result.maxRelativeDifference).toBeCloseTo(0.001, 5);
	});

	test("the last iteration's gradients belong to the weights before its update, not the current ones", () => {
		const preset = PRESETS.xor!;
		const network = new Network(preset);
		network.initialise(3);
		network.iterate(preset.learningRate);
		expect(checkLastIteration(network).maxRelativeDifference).toBeLessThan(1e-6);
		// compared at the current weights they disagree, by about the size of one update
		expect(checkGradients(network, network.gradients).maxRelativeDifference).toBeGreaterThan(1e-3);
	});

	test('leaves the network exactly as it was: weights, last-iteration buffers, and the training that follows', () => {
		const preset = PRESETS.xor!;
		const checked = new Network(preset);
		const untouched = new Network(preset);
		checked.initialise(7);
		untouched.initialise(7);
		for (let k = 0; k < 50; k++) {
			checked.iterate(preset.learningRate);
			untouched.iterate(preset.learningRate);
		}

		const snapshot = (network: Network) =>
			[network.weights, network.previousWeights, network.gradients, network.changes, network.activations, network.sops, network.deltas].map(buffers =>
				buffers.map(buffer => [...buffer]),
			);
		const before = snapshot(checked);
		const loss = checked.loss;
		checkGradients(checked);
		checkLastIteration(checked);
		expect(snapshot(checked)).toEqual(before);
		expect(Object.is(checked.loss, loss)).toBe(true);
		for (let k = 0; k < 50; k++) {
			checked.iterate(preset.learningRate);
			untouched.iterate(preset.learningRate);
		}

		expect(checked.getWeights()).toEqual(untouched.getWeights());
	});

	test('the relative difference: |a - n| / max(|a|, |n|, 1e-8)', () => {
		expect(relativeDifference(2, 1)).toBe(0.5);
		expect(relativeDifference(-1, 1)).toBe(2);
		expect(relativeDifference(1, 1 + 1e-7)).toBeCloseTo(1e-7, 12);
		expect(relativeDifference(0, 0)).toBe(0);
		// both under the floor: a difference relative to 1e-8
		expect(relativeDifference(1e-10, 3e-10)).toBeCloseTo(0.02, 12);
		expect(relativeDifference(Number.NaN, 1)).toBeNaN();
	});

	test('a diverged network ranks worst with NaN', () => {
		const network = new Network({layers: [1, 1], activation: 'linear', bias: false, samples: [{x: [1], t: [0]}]});
		network.setWeights([[[Number.NaN]]]);
		expect(checkGradients(network).maxRelativeDifference).toBeNaN();
	});
});

describe('the chain of derivatives', () => {
	test.each(cases.map(c => [c.name, c] as const))('%s: the factors multiply to the gradient of every weight', (_name, {spec, weights}) => {
		const network = new Network(spec);
		network.setWeights(weights);
		// a large step, so that the weights before and after the update differ visibly
		network.iterate(0.5);
		for (const ref of weightRefs(spec.layers, spec.bias)) {
			const chain = chainOf(network, ref);
			expect(chain.weight).toBe(ref);
			expect(chain.terms).toHaveLength(spec.samples.length);
			let scale = 0;
			for (const term of chain.terms) {
				expect(term.product).toBe(term.factors.reduce((product, factor) => product * factor.value, 1));
				expect(term.factors.map(factor => factor.symbol)).toEqual(term.factors.map((_, k) => `g${k + 1}`));
				scale += Math.abs(term.product);
			}

			const mean = chain.terms.reduce((sum, term) => sum + term.product, 0) / spec.samples.length;
			expect(chain.gradient).toBe(mean);
			const gradient = at(network.gradients, ref, network);
			expect(Math.abs(chain.gradient - gradient), ref.name).toBeLessThanOrEqual(1e-13 * Math.max(scale, 1e-300));
			// one path to the output: every factor is a single derivative
			const expanded = spec.layers.slice(ref.layer + 2).every(n => n === 1);
			expect(chain.form).toBe(expanded ? 'expanded' : 'backpropagated');
		}
	});

	test("tutorial 3-2-1, seed 0, after one iteration: W11's g1 … g5 and W41's g1 … g3, from the tutorial's formulas", () => {
		const run = JSON.parse(fs.readFileSync(path.join(fixtures, 'tutorial-3-inputs-seed-0.json'), 'utf8')) as GoldenRun;
		const preset = PRESETS['tutorial-3']!;
		const network = new Network(preset);
		network.initialise(0);
		network.iterate(preset.learningRate);

		// the tutorial's forward pass, by hand, at the initial weights
		const sigmoid = (sop: number) => 1 / (1 + Math.exp(-sop));
		const [x1, x2, x3] = [0.1, 0.4, 4.1];
		const [[w1, w2], [[w41, w42]]] = run.initialWeights as [[number[], number[]], [[number, number]]];
		const activ1 = sigmoid(x1 * w1[0]! + x2 * w1[1]! + x3 * w1[2]!);
		const activ2 = sigmoid(x1 * w2[0]! + x2 * w2[1]! + x3 * w2[2]!);
		const predicted = sigmoid(w41 * activ1 + w42 * activ2);
		const g1 = 2 * (predicted - 0.2);
		const g2 = predicted * (1 - predicted);

		const refs = weightRefs([3, 2, 1], false);
		const w11Chain = chainOf(
			network,
			refs.find(ref => ref.name === 'W11')!,
		);
		expect(w11Chain.form).toBe('expanded');
		const factors = w11Chain.terms[0]!.factors;
		expect(factors.map(factor => factor.derivative)).toEqual(['dError/dPredicted', 'dPredicted/dSOP3', 'dSOP3/dActiv1', 'dActiv1/dSOP1', 'dSOP1/dW11']);
		const expected = [g1, g2, w41, activ1 * (1 - activ1), x1];
		for (const [k, factor] of factors.entries()) {
			expect(relativeDifference(factor.value, expected[k]!), factor.symbol).toBeLessThan(1e-14);
		}

		expect(factors[0]!.value).toBeCloseTo(1.157, 3);
		expect(factors[1]!.value).toBeCloseTo(0.1725, 4);
		// g3 is W41 as the forward pass used it, not W41 after this iteration's update
		const w41Now = network.weights[1]![0]!;
		expect(w41Now).not.toBe(w41);
		expect(factors[2]!.value).toBe(w41);

		const w41Chain = chainOf(
			network,
			refs.find(ref => ref.name === 'W41')!,
		);
		expect(w41Chain.terms[0]!.factors.map(factor => factor.value)).toEqual([factors[0]!.value, factors[1]!.value, w41Chain.terms[0]!.factors[2]!.value]);
		expect(relativeDifference(w41Chain.terms[0]!.factors[2]!.value, activ1)).toBeLessThan(1e-14);
		expect(w41Chain.gradient).toBeCloseTo(0.1882, 4);
		expect(relativeDifference(w41Chain.gradient, g1 * g2 * activ1)).toBeLessThan(1e-14);
		expect(w41Chain.gradient).toBe(network.gradients[1]![0]);
		expect(relativeDifference(w11Chain.gradient, network.gradients[0]![0]!)).toBeLessThan(1e-14);
	});
});
