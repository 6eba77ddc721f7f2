import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {PRESETS} from '../../source/core/presets.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {explain, type Explained} from '../../source/session/explain.js';
import {SHOWN_SAMPLES} from '../../source/session/explain-format.js';
import {formatNumber} from '../../source/session/format.js';
import {InputError} from '../../source/session/input-error.js';
import type {RunOptions} from '../../source/session/options.js';
import {goldenRuns, readFixture, relativeError, setupOf, type GoldenRun, type WorkedExample} from '../helpers/golden.js';
import {runCli} from '../helpers/run-cli.js';

const runOf = (setup: Setup, resume?: RunOptions['resume']): RunOptions => ({setup, ...(resume && {resume}), paused: false, speed: 1});
const json = (setup: Setup, n: number) => JSON.parse(explain(runOf(setup), n, 'json')) as Explained;
const text = (setup: Setup, n: number) => explain(runOf(setup), n, 'text');
const tutorial: Setup = {...PRESETS.get('tutorial-3')!.setup, seed: 0};

/** JSON has one zero: −0 comes back as 0. */
const zeroed = (values: ArrayLike<number>) => Array.from(values, x => (x === 0 ? 0 : x));
const expectSame = (actual: ArrayLike<number>, expected: ArrayLike<number>) => expect(zeroed(actual)).toEqual(zeroed(expected));

/** Every value of `--explain n --json` against a trainer that ran n iterations its own fast way: bit for bit. */
function expectTrainerValues(setup: Setup, n: number): Explained {
	const worked = json(setup, n);
	const trainer = new Trainer(setup);
	trainer.step(n);
	const {network} = trainer;
	const {layers} = network.shape;
	expect(worked.iteration).toBe(n);
	expect(worked.error).toBe(network.error);
	expect(worked.learningRate).toBe(trainer.learningRate);
	expect(worked.batch).toEqual(Array.from({length: network.batchSize}, (_, b) => trainer.batchSampleAt(b) + 1));
	expect(worked.samples).toHaveLength(network.batchSize);
	for (const [b, sample] of worked.samples.entries()) {
		expectSame(Object.values(sample.inputs), network.activations[0]!.subarray(b * layers[0]!, (b + 1) * layers[0]!));
		const neurons = Object.values(sample.neurons);
		const flat = (buffers: Float64Array[]) => layers.slice(1).flatMap((count, l) => Array.from(buffers[l + 1]!.subarray(b * count, (b + 1) * count)));
		expectSame(
			neurons.map(neuron => neuron.sop),
			flat(network.sops),
		);
		expectSame(
			neurons.map(neuron => neuron.activation),
			flat(network.activations),
		);
		expectSame(
			neurons.map(neuron => neuron.delta),
			flat(network.deltas),
		);
		const nOut = layers.at(-1)!;
		expectSame(Object.values(sample.predicted), network.activations.at(-1)!.subarray(b * nOut, (b + 1) * nOut));
		expectSame(Object.values(sample.targets), network.targets.subarray(b * nOut, (b + 1) * nOut));
		for (const neuron of neurons.filter(neuron => neuron.dErrorDActivation !== undefined)) {
			expectSame([neuron.dErrorDActivation! * neuron.dActivationDSop!], [neuron.delta]);
		}
	}

	const weights = Object.values(worked.weights);
	expectSame(
		weights.map(weight => weight.weight),
		network.previousWeights,
	);
	expectSame(
		weights.map(weight => weight.gradient),
		network.gradients,
	);
	expectSame(
		weights.map(weight => weight.change),
		network.changes,
	);
	expectSame(
		weights.map(weight => weight.newWeight),
		network.weights,
	);
	for (const weight of weights) {
		expect(weight.products).toHaveLength(network.batchSize);
		expect(weight.chain.every(factor => factor.values.length === network.batchSize)).toBe(true);
		const data = weight.dataGradient ?? weight.gradient;
		const mean = weight.products.reduce((sum, product) => sum + product, 0) / weight.products.length;
		expect(relativeError(mean, data, 1e-12)).toBeLessThan(1e-12);
		if (weight.penalty !== undefined) {
			expectSame([weight.dataGradient! + weight.penalty], [weight.gradient]);
		}
	}

	return worked;
}

const GIVEN = new Set(['inputs', 'targets', 'learningRate', 'momentum', 'l1', 'l2']);
const COUNTS = new Set(['iteration', 'layers', 'step', 'seed', 'trainingSamples', 'batch', 'sample', 'layer']);

/** Every number of the JSON as the text writes it: given data as given (a chain's input, a bias's 1 too), counts as integers, the rest to 6 digits. */
function numbersOf(value: unknown, keys: readonly string[] = []): string[] {
	if (isGivenFactor(value)) {
		return value.values.map(String);
	}

	if (typeof value === 'number') {
		return keys.some(key => GIVEN.has(key) || COUNTS.has(key)) ? [String(value)] : [formatNumber(value, 6)];
	}

	if (value !== null && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => numbersOf(item, [...keys, key]));
	}

	return [];
}

/** A chain's last factor when it is an input (`the input x1`) or a bias's 1: given data. */
function isGivenFactor(value: unknown): value is {values: number[]} {
	const formula = (value as {formula?: unknown} | null)?.formula;
	return typeof formula === 'string' && /^(the input x\d+|1 \(a bias multiplies 1\))$/.test(formula);
}

function expectTextHoldsJson(setup: Setup, n: number): void {
	const numbers = numbersOf(json(setup, n));
	const written = text(setup, n);
	expect(numbers.length).toBeGreaterThan(20);
	expect(numbers.filter(number => !written.includes(number))).toEqual([]);
}

describe('--explain on the tutorial’s seed 0 network', () => {
	test('--json equals the trainer’s own values, bit for bit, with the tutorial’s names', () => {
		const worked = expectTrainerValues(tutorial, 1);
		expect(Object.keys(worked.weights)).toEqual(['W11', 'W21', 'W31', 'W12', 'W22', 'W32', 'W41', 'W42']);
		expect(Object.values(worked.samples[0]!.neurons).map(neuron => [neuron.sopName, neuron.activationName])).toEqual([
			['SOP1', 'Activ1'],
			['SOP2', 'Activ2'],
			['SOP3', 'Predicted'],
		]);
		expect(worked.samples[0]!.inputs).toEqual({x1: 0.1, x2: 0.4, x3: 4.1});
		expect(worked.weights['W41']!.chain.map(factor => factor.derivative)).toEqual(['dError/dPredicted', 'dPredicted/dSOP3', 'dSOP3/dW41']);
		expect(worked.weights['W11']!.chain.map(factor => factor.symbol)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
	});

	test('its text contains every number of the JSON, and writes the sums out', () => {
		expectTextHoldsJson(tutorial, 1);
		const written = text(tutorial, 1);
		expect(written).toContain('SOP1 = x1·W11 + x2·W21 + x3·W31 = 0.1·0.548814 + 0.4·0.715189 + 4.1·0.602763 = 2.81229');
		// the old and new weight to as many digits as show the change (4.67e-7 here)
		expect(written).toContain('- W11 = W11 − lr·gradient = 0.548813504 − 0.001·4.66679e-4 = 0.548813037');
		expect(written).toMatch(/^# Iteration 1, worked out\n/);
		// an input in the chain as the forward pass writes it (0.100000 before, beside Inputs x1 = 0.1)
		expect(written).toContain('- g5 = dSOP1/dW11 = the input x1 = 0.1\n');
		expect(written).toContain('- dError/dW11 = g1·g2·g3·g4·g5 = 1.15695 · 0.172451 · 0.437587 · 0.0534530 · 0.1 = 4.66679e-4\n');
		expect(written).toContain('- g5 = dSOP1/dW31 = the input x3 = 4.1\n');
		// a hidden neuron's activation keeps its 6 digits
		expect(written).toMatch(/- g3 = dSOP3\/dW41 = the input h1 = 0\.\d{6}\n/);
	});

	test.each(['sgd', 'momentum', 'adam'] as const)('%s: each update shows old and new weights whose difference is the change, to two digits', optimizer => {
		const setup = {...tutorial, optimizer};
		const worked = json(setup, 1);
		const lines = text(setup, 1).split('\n');
		for (const [name, weight] of Object.entries(worked.weights)) {
			// the weight's update: the last line with `W = old ± … = new`, read from its last `W = `
			const number = String.raw`(-?[\d.]+(?:e-?\d+)?)`;
			const pattern = new RegExp(String.raw`= ${number} [−+] .* = ${number}$`);
			const update = lines.filter(line => line.includes(` ${name} = `) && pattern.test(line.slice(line.lastIndexOf(` ${name} = `)))).at(-1);
			expect(update, name).toBeDefined();
			const [, old, shownNew] = pattern.exec(update!.slice(update!.lastIndexOf(` ${name} = `)))!;
			const change = weight.newWeight - weight.weight;
			expect(Math.abs(Number(shownNew) - Number(old) - change), `${name}: ${update}`).toBeLessThanOrEqual(Math.abs(change) * 0.05);
		}
	});

	test('a later iteration, and one after a checkpoint, are the same numbers', () => {
		expectTrainerValues(tutorial, 500);
		const trainer = new Trainer(tutorial);
		trainer.step(200);
		const resumed = explain(runOf(tutorial, trainer.saveTraining()), 500, 'json');
		expect(resumed).toBe(explain(runOf(tutorial), 500, 'json'));
	});
});

describe.each(goldenRuns().map(run => [run.name, run] as const))('--explain on reference run %s', (_name, run: GoldenRun) => {
	const n = Math.min(3, run.iterations);
	test(`iteration ${n}: the trainer’s values, and all of them in the text when the batch is shown whole`, () => {
		const worked = expectTrainerValues(setupOf(run), n);
		if (worked.outputActivation === 'softmax') {
			for (const sample of worked.samples) {
				for (const [name, predicted] of Object.entries(sample.predicted)) {
					expectSame([sample.neurons[name]!.delta], [predicted - sample.targets[name]!]);
				}
			}
		}

		if (worked.samples.length <= SHOWN_SAMPLES) {
			expectTextHoldsJson(setupOf(run), n);
		}
	});
});

describe('the classic hand-worked example: 2-2-2, bias, inputs 0.05 and 0.10, targets 0.01 and 0.99', () => {
	const example = readFixture<WorkedExample>('worked-example-2-2-2.json');
	const worked = json(setupOf(example), 1);
	const neurons = Object.values(worked.samples[0]!.neurons);
	const weights = Object.values(worked.weights);
	const close = (actual: number, reference: number) => expect(relativeError(actual, reference, 1e-12)).toBeLessThan(1e-12);

	test('equals the independent numpy script’s iteration 1', () => {
		const reference = example.iteration1;
		reference.sops.flat().forEach((sop, k) => close(neurons[k]!.sop, sop));
		reference.activations
			.slice(1)
			.flat()
			.forEach((activation, k) => close(neurons[k]!.activation, activation));
		close(worked.error, reference.error);
		close(worked.error / 2, reference.halfError);
		reference.dErrorDOutput.forEach((d, k) => close(neurons[2 + k]!.dErrorDActivation!, d));
		[...reference.deltas.hidden.flat(), ...reference.deltas.output].forEach((delta, k) => close(neurons[k]!.delta, delta));
		reference.gradients.flat(2).forEach((gradient, k) => close(weights[k]!.gradient, gradient));
		reference.newWeights.flat(2).forEach((weight, k) => close(weights[k]!.newWeight, weight));
	});

	// the published digits; its loss is ½ Σ (t − o)², ours Σ (p − t)²: its error and gradients are half ours, its lr 0.5 our 0.25
	const published = (value: number, digits: string) => expect(value.toFixed(digits.split('.')[1]!.length)).toBe(digits);
	const w = (name: string) => worked.weights[name]!;

	test('gives the published numbers, to the published digits', () => {
		const {h1, h2, out1, out2} = worked.samples[0]!.neurons;
		published(h1!.sop, '0.3775');
		published(h1!.activation, '0.593269992');
		published(h2!.activation, '0.596884378');
		published(out1!.sop, '1.105905967');
		published(out1!.activation, '0.75136507');
		published(out2!.activation, '0.772928465');
		published(out1!.error! / 2, '0.274811083');
		published(out2!.error! / 2, '0.023560026');
		published(worked.error / 2, '0.298371109');
		published(out1!.delta / 2, '0.138498562');
		published(h1!.dErrorDActivation! / 2, '0.036350306');
		published(w('w2[1,1]').gradient / 2, '0.082167041');
		published(w('w1[1,1]').gradient / 2, '0.000438568');
		const newWeights = {'w2[1,1]': '0.35891648', 'w2[1,2]': '0.408666186', 'w2[2,1]': '0.511301270', 'w2[2,2]': '0.561370121'};
		const hidden = {'w1[1,1]': '0.149780716', 'w1[1,2]': '0.19956143', 'w1[2,1]': '0.24975114', 'w1[2,2]': '0.29950229'};
		for (const [name, digits] of Object.entries({...newWeights, ...hidden})) {
			published(w(name).newWeight, digits);
		}
	});

	test('its text writes the hand calculation out', () => {
		const written = text(setupOf(example), 1);
		expect(written).toContain('SOP(h1) = x1·w1[1,1] + x2·w1[1,2] + 1·b1[1] = 0.05·0.150000 + 0.1·0.200000 + 1·0.350000 = 0.377500');
		expect(written).toContain('Error = (0.751365 − 0.01)² + (0.772928 − 0.99)² = 0.549622 + 0.0471201 = 0.596742');
		expect(written).toContain('dError/dActiv(h1) = w2[1,1]·δ(out1) + w2[2,1]·δ(out2) = 0.400000·0.276997 + 0.500000·(-0.0761965) = 0.0727006');
		expect(written).toContain('w2[1,1] = w2[1,1] − lr·gradient = 0.400000 − 0.25·0.164334 = 0.358916');
		expectTextHoldsJson(setupOf(example), 1);
	});

	test('through the built program: the teacher’s one line, --weights from a file', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-explain-'));
		const file = path.join(folder, 'w.json');
		fs.writeFileSync(file, JSON.stringify({weights: example.initialWeights}));
		const line = ['--layers', '2,2,2', '--bias', '--weights', file, '--inputs', '0.05,0.10', '--target', '0.01,0.99', '--lr', '0.25', '--explain', '1'];
		const [asJson, asText] = await Promise.all([runCli([...line, '--json']), runCli(line)]);
		expect(asJson.stderr).toBe('');
		expect(asJson.code).toBe(0);
		const fromCli = JSON.parse(asJson.stdout) as Explained;
		expect({...fromCli, seed: 0}).toEqual({...worked, seed: 0});
		expect(asText.code).toBe(0);
		expect(asText.stdout).toContain('w1[1,1] = w1[1,1] − lr·gradient = 0.150000 − 0.25·8.77135e-4 = 0.149781');
		const late = await runCli([...line, '--iterations', '5', '--explain', '6']);
		expect(late.code).toBe(2);
		expect(late.stderr).toBe('descent: --explain 6: the run stops at iteration 5 (--iterations sets where)\n');
	});
});

describe('several samples, every choice, and iterations out of reach', () => {
	test('a batch larger than the text shows: the first ones worked out, the rest counted, all in --json', () => {
		const gauss = {...PRESETS.get('gauss')!.setup, seed: 1};
		const worked = expectTrainerValues(gauss, 2);
		expect(worked.samples).toHaveLength(160);
		const written = text(gauss, 2);
		expect(written).toContain(
			`the first ${SHOWN_SAMPLES} (samples ${worked.batch.slice(0, SHOWN_SAMPLES).join(', ')}) are worked out here, 156 more are left out: --json has every one`,
		);
		expect(written.match(/^### Sample \d+$/gm)).toHaveLength(2 * SHOWN_SAMPLES);
		expect(written).toContain(`mean of the 160 samples’ errors = ${formatNumber(worked.error, 6)}`);
	});

	test.each([
		['momentum, L1 and L2, mini-batches', {...PRESETS.get('xor')!.setup, seed: 2, optimizer: 'momentum', momentum: 0.5, l1: 0.001, l2: 0.01, batch: 3}, 4],
		['adam, tanh and a linear output', {...PRESETS.get('xor')!.setup, seed: 3, optimizer: 'adam', activation: 'tanh', outputActivation: 'linear'}, 3],
		['relu, 4 layers, cross-entropy', {...PRESETS.get('xor')!.setup, seed: 4, layers: [2, 3, 2, 1], activation: 'relu', loss: 'cross-entropy'}, 2],
	] as const)('%s: the trainer’s values, all in the text', (_name, setup: Setup, n) => {
		expectTrainerValues(setup, n);
		expectTextHoldsJson(setup, n);
	});

	test('adam and momentum write their steps with the numbers', () => {
		const xor = PRESETS.get('xor')!.setup;
		const adam = text({...xor, seed: 1, optimizer: 'adam', learningRate: 0.05}, 3);
		expect(adam).toMatch(/^ {2}- m = 0\.9·m \+ 0\.1·gradient = 0\.9·\S+ \+ 0\.1·\S+ = \S+$/m);
		expect(adam).toContain('m̂ = m / (1 − 0.9^3)');
		const momentum = text({...xor, seed: 1, optimizer: 'momentum', momentum: 0.5}, 2);
		expect(momentum).toMatch(/^- W11: v = 0\.5·v − lr·gradient = 0\.5·\S+ − 1·\S+ = \S+; W11 = \S+ \+ \S+ = \S+$/m);
	});

	test('beyond the limit, before a checkpoint, after divergence or after --until-error: one line', () => {
		const problem = (setup: Setup, n: number, resume?: RunOptions['resume']) => {
			try {
				explain(runOf(setup, resume), n, 'text');
			} catch (error) {
				expect(error).toBeInstanceOf(InputError);
				return (error as Error).message;
			}

			throw new Error('no InputError');
		};

		expect(problem({...tutorial, limit: 10}, 11)).toBe('--explain 11: the run stops at iteration 10 (--iterations sets where)');
		const trainer = new Trainer(tutorial);
		trainer.step(20);
		expect(problem(tutorial, 20, trainer.saveTraining())).toBe('--explain 20: the checkpoint is at iteration 20 already; explain a later one');
		const wild: Setup = {...tutorial, activation: 'linear', outputActivation: 'linear', learningRate: 5, limit: 10_000};
		const diverging = new Trainer(wild);
		diverging.step(10_000);
		const at = diverging.divergedAt!;
		expect(at).toBeGreaterThan(1);
		expect(problem(wild, at + 1)).toBe(`--explain ${at + 1}: the run diverged at iteration ${at}, before iteration ${at + 1}`);
		expect(text(wild, at)).toContain('the run diverges at this iteration');
		expect(json(wild, at).error, 'an error that is not finite is null in JSON').toBeNull();
		expect(problem({...tutorial, untilError: 1}, 2)).toBe('--explain 2: the run is done at iteration 1, its error at most --until-error 1');
	});
});
