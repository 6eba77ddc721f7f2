import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {DATASET_NAMES, DATASETS, DEFAULT_SAMPLES, type DatasetName, generateDataset, isDatasetName} from '../../source/core/data/datasets.js';
import {applyFeatures, FEATURE_NAMES, FEATURES, parseFeatureList} from '../../source/core/data/features.js';
import type {Sample} from '../../source/core/data/samples.js';

type Entry = {name: DatasetName; dataSeed: number; samples: number; noise: number; x: number[][]; label: number[]};

/** Written by test/reference/datasets.py: numpy, scalar draws in the documented order. */
const fixture = JSON.parse(readFileSync(new URL('../fixtures/datasets.json', import.meta.url), 'utf8')) as {datasets: Entry[]};

/** Equal within 1e-12 of the data's scale (1): sin and cos may differ by an ulp between libm and V8. */
function close(actual: number, expected: number): boolean {
	return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
}

const classification = DATASET_NAMES.filter(name => DATASETS[name].kind === 'classification');

describe('generated datasets against numpy', () => {
	test('the fixture covers every dataset, data seeds 0 and 3, 200 and 37 samples, noise 0 and 0.2', () => {
		expect(new Set(fixture.datasets.map(entry => entry.name))).toEqual(new Set(DATASET_NAMES));
		expect(fixture.datasets).toHaveLength(DATASET_NAMES.length * 8);
	});

	test.each(fixture.datasets.map(entry => [`${entry.name} seed ${entry.dataSeed}, ${entry.samples} samples, noise ${entry.noise}`, entry] as const))(
		'%s',
		(_, entry) => {
			const samples = generateDataset(entry.name, {samples: entry.samples, noise: entry.noise, dataSeed: entry.dataSeed});
			expect(samples).toHaveLength(entry.samples);
			let exact = 0;
			for (const [i, sample] of samples.entries()) {
				const expected = [...entry.x[i]!, entry.label[i]!];
				const actual = [...sample.x, ...sample.t];
				expect(actual).toHaveLength(expected.length);
				for (const [k, value] of actual.entries()) {
					if (!close(value, expected[k]!)) {
						expect.fail(`sample ${i} value ${k}: ${value} !== numpy's ${expected[k]}`);
					}

					exact += value === expected[k] ? 1 : 0;
				}
			}

			// plane uses no sin or cos: it must be bit for bit; the others nearly all
			const total = samples.length * (DATASETS[entry.name].inputs + 1);
			expect(exact).toBeGreaterThanOrEqual(entry.name === 'plane' ? total : total * 0.9);
		},
	);
});

describe('generateDataset', () => {
	test.each(DATASET_NAMES)('%s: the same data seed gives the same data, another seed other data', name => {
		const options = {noise: 0.1, samples: 50};
		expect(generateDataset(name, {...options, dataSeed: 5})).toEqual(generateDataset(name, {...options, dataSeed: 5}));
		expect(generateDataset(name, {...options, dataSeed: 6})).not.toEqual(generateDataset(name, {...options, dataSeed: 5}));
	});

	test.each(DATASET_NAMES)('%s: defaults are 200 samples, data seed 0, noise 0; fewer samples are a prefix', name => {
		const all = generateDataset(name);
		expect(all).toHaveLength(DEFAULT_SAMPLES);
		expect(all).toEqual(generateDataset(name, {samples: 200, dataSeed: 0, noise: 0}));
		expect(generateDataset(name, {samples: 37})).toEqual(all.slice(0, 37));
		expect(all.every(sample => sample.x.length === DATASETS[name].inputs && sample.t.length === 1)).toBe(true);
	});

	test.each(classification)('%s: classes balanced and alternating, inputs within [-1, 1] at noise 0', name => {
		for (const samples of [200, 37]) {
			const data = generateDataset(name, {samples, dataSeed: 3});
			const ones = data.filter(sample => sample.t[0] === 1).length;
			expect(ones).toBe(Math.floor(samples / 2));
			expect(data.every((sample, i) => sample.t[0] === i % 2)).toBe(true);
			expect(data.flatMap(sample => sample.x).every(value => value >= -1 && value <= 1)).toBe(true);
		}
	});

	test.each(classification)('%s: noise moves each coordinate by at most F, the same points underneath', name => {
		const clean = generateDataset(name, {dataSeed: 2});
		const noisy = generateDataset(name, {dataSeed: 2, noise: 0.2});
		const moves = clean.flatMap((sample, i) => sample.x.map((value, k) => Math.abs(noisy[i]!.x[k]! - value)));
		expect(Math.max(...moves)).toBeLessThanOrEqual(0.2);
		expect(Math.max(...moves)).toBeGreaterThan(0.15);
		expect(noisy.map(sample => sample.t)).toEqual(clean.map(sample => sample.t));
	});

	test('each class lies where its formula puts it', () => {
		const radius = (sample: Sample) => Math.hypot(sample.x[0]!, sample.x[1]!);
		for (const sample of generateDataset('circle')) {
			expect(sample.t[0] ? radius(sample) <= 0.5 : radius(sample) >= 0.7 && radius(sample) <= 1).toBe(true);
		}

		for (const sample of generateDataset('xor')) {
			const [x1, x2] = sample.x as [number, number];
			expect(Math.min(Math.abs(x1), Math.abs(x2))).toBeGreaterThanOrEqual(0.1);
			expect(x1 * x2 < 0 ? 1 : 0).toBe(sample.t[0]);
		}

		for (const sample of generateDataset('gauss')) {
			expect(Math.sign(sample.x[0]! + sample.x[1]!)).toBe(sample.t[0] ? 1 : -1);
		}

		for (const sample of generateDataset('plane')) {
			expect(sample.t[0]).toBe((sample.x[0]! + sample.x[1]!) / 2);
		}

		for (const sample of generateDataset('sine')) {
			expect(Math.abs(sample.x[0]!)).toBeLessThanOrEqual(2 * Math.PI);
			expect(sample.t[0]).toBe(Math.sin(sample.x[0]!));
		}
	});

	test('spiral: the two arms are each other turned half a turn', () => {
		for (const sample of generateDataset('spiral')) {
			const [x1, x2] = sample.x as [number, number];
			const r = Math.hypot(x1, x2);
			const turned = sample.t[0] ? Math.PI : 0;
			expect(x1).toBeCloseTo(r * Math.sin(3.5 * Math.PI * r + turned), 12);
			expect(x2).toBeCloseTo(r * Math.cos(3.5 * Math.PI * r + turned), 12);
		}
	});

	test('sine covers about two periods, regression noise moves only the target', () => {
		const xs = generateDataset('sine').map(sample => sample.x[0]!);
		expect(Math.min(...xs)).toBeLessThan(-5.5);
		expect(Math.max(...xs)).toBeGreaterThan(5.5);
		const noisy = generateDataset('sine', {noise: 0.3});
		expect(noisy.map(sample => sample.x)).toEqual(generateDataset('sine').map(sample => sample.x));
		const moves = noisy.map(sample => Math.abs(sample.t[0]! - Math.sin(sample.x[0]!)));
		expect(Math.max(...moves)).toBeLessThanOrEqual(0.3);
		expect(Math.max(...moves)).toBeGreaterThan(0.2);
	});

	test('one-hot targets are [1 - label, label]', () => {
		const plain = generateDataset('xor', {samples: 20, dataSeed: 4});
		const oneHot = generateDataset('xor', {samples: 20, dataSeed: 4, oneHot: true});
		expect(oneHot.map(sample => sample.x)).toEqual(plain.map(sample => sample.x));
		expect(oneHot.map(sample => sample.t)).toEqual(plain.map(sample => [1 - sample.t[0]!, sample.t[0]]));
		expect(oneHot[0]!.t).toEqual([1, 0]);
		expect(oneHot[1]!.t).toEqual([0, 1]);
	});

	test('rejects bad sizes, noise out of range and one-hot regression', () => {
		expect(() => generateDataset('circle', {samples: 0})).toThrow(RangeError);
		expect(() => generateDataset('circle', {samples: 2.5})).toThrow(RangeError);
		expect(() => generateDataset('circle', {noise: 0.6})).toThrow(/noise must be from 0 to 0.5/);
		expect(() => generateDataset('circle', {noise: -0.1})).toThrow(RangeError);
		expect(() => generateDataset('circle', {noise: Number.NaN})).toThrow(RangeError);
		expect(() => generateDataset('sine', {oneHot: true})).toThrow(/regression/);
		expect(() => generateDataset('circle', {dataSeed: -1})).toThrow(RangeError);
		expect(generateDataset('circle', {noise: 0.5, samples: 3})).toHaveLength(3);
	});

	test('the registry: names, one-line descriptions, ranges', () => {
		expect(DATASET_NAMES).toEqual(['circle', 'xor', 'gauss', 'spiral', 'plane', 'sine']);
		expect(DATASET_NAMES.filter(name => DATASETS[name].kind === 'regression')).toEqual(['plane', 'sine']);
		for (const name of DATASET_NAMES) {
			const dataset = DATASETS[name];
			expect(dataset.name).toBe(name);
			expect(dataset.description.length).toBeLessThanOrEqual(45);
			expect(dataset.description).not.toMatch(/\n/);
			expect(dataset.range.x2 === undefined).toBe(dataset.inputs === 1);
		}

		expect(isDatasetName('spiral')).toBe(true);
		expect(isDatasetName('toString')).toBe(false);
		expect(isDatasetName('moons')).toBe(false);
	});
});

describe('features', () => {
	const point = {x: [0.3, -0.7], t: [1]};

	test('each feature in closed form', () => {
		const values = applyFeatures([point], FEATURE_NAMES)[0]!;
		expect(FEATURE_NAMES).toEqual(['x1', 'x2', 'x1^2', 'x2^2', 'x1x2', 'sin(x1)', 'sin(x2)']);
		expect(values.x).toEqual([0.3, -0.7, 0.3 * 0.3, -0.7 * -0.7, 0.3 * -0.7, Math.sin(0.3), Math.sin(-0.7)]);
		expect(values.x[5]).toBeCloseTo(0.295_520_206_661_339_6, 15);
		expect(values.t).toEqual([1]);
		expect(FEATURES['x1x2'].compute(2, -3)).toBe(-6);
		expect(FEATURE_NAMES.every(name => FEATURES[name].description.length > 0 && !FEATURES[name].description.includes('\n'))).toBe(true);
	});

	test('the order of the list is the order of the inputs, targets kept', () => {
		const data = generateDataset('circle', {samples: 30, oneHot: true});
		const featured = applyFeatures(data, ['sin(x2)', 'x1^2']);
		expect(featured.map(sample => sample.x)).toEqual(data.map(sample => [Math.sin(sample.x[1]!), sample.x[0]! ** 2]));
		expect(featured.map(sample => sample.t)).toEqual(data.map(sample => sample.t));
	});

	test('parses a list, spaces allowed', () => {
		expect(parseFeatureList('x1,x2,x1x2')).toEqual(['x1', 'x2', 'x1x2']);
		expect(parseFeatureList(' sin(x1) , x2^2 ')).toEqual(['sin(x1)', 'x2^2']);
		expect(parseFeatureList(FEATURE_NAMES.join(','))).toEqual(FEATURE_NAMES);
	});

	test.each([
		['x1,x3', /unknown feature 'x3'.*choose from x1, x2, x1\^2, x2\^2, x1x2, sin\(x1\), sin\(x2\)/],
		['x1,,x2', /an empty entry/],
		['', /an empty entry/],
		['x1,X2', /unknown feature 'X2'/],
		['x1,x2,x1', /feature 'x1' is listed twice/],
		['cos(x1)', /unknown feature 'cos\(x1\)'/],
	])('rejects %j', (text, message) => {
		const result = parseFeatureList(text);
		expect(Array.isArray(result)).toBe(false);
		const {error} = result as {error: string};
		expect(error).toMatch(message);
		expect(error).not.toMatch(/\n/);
	});

	test('rejects samples without exactly 2 inputs', () => {
		expect(() => applyFeatures([point, {x: [1, 2, 3], t: [0]}], ['x1'])).toThrow(/need samples of 2 inputs, but sample 2 has 3/);
		expect(() => applyFeatures(generateDataset('sine', {samples: 3}), ['x1'])).toThrow(RangeError);
		expect(applyFeatures([], ['x1'])).toEqual([]);
	});
});
