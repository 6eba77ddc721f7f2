import {describe, expect, test} from 'vitest';
import {MAX_SEED, NumpyRandom} from '../../source/core/maths/random.js';
import {bitDifference, readFixture} from '../helpers/golden.js';

type Streams = {streams: Record<string, number[]>};
type PermutationStream = {rand3: number[]; permutation: number[]; rand2: number[]; uniform: number[]};

const draw = (count: number, next: () => number) => Array.from({length: count}, next);

describe('numpy generator', () => {
	const {streams} = readFixture<Streams>('numpy-rand-streams.json');

	test.each(Object.entries(streams))('seed %s: numpy.random.rand(8) bit for bit', (seed, expected) => {
		const random = new NumpyRandom(Number(seed));
		expect(
			bitDifference(
				draw(expected.length, () => random.rand()),
				expected,
			),
		).toBeUndefined();
	});

	const permutations = Object.entries(readFixture<Record<string, PermutationStream | string>>('numpy-permutation-streams.json')).filter(
		(entry): entry is [string, PermutationStream] => typeof entry[1] !== 'string',
	);

	test('the permutation fixture covers several seeds and sizes', () => {
		expect(permutations.length).toBeGreaterThanOrEqual(12);
	});

	test.each(permutations)('seed/n %s: rand(3), permutation(n), rand(2), uniform(-0.7, 0.7, 4) bit for bit', (key, expected) => {
		const [seed, n] = key.split('/').map(Number) as [number, number];
		const random = new NumpyRandom(seed);
		expect(
			bitDifference(
				draw(3, () => random.rand()),
				expected.rand3,
			),
		).toBeUndefined();
		expect(Array.from(random.permutation(n))).toEqual(expected.permutation);
		expect(
			bitDifference(
				draw(2, () => random.rand()),
				expected.rand2,
			),
		).toBeUndefined();
		expect(
			bitDifference(
				draw(4, () => random.uniform(-0.7, 0.7)),
				expected.uniform,
			),
		).toBeUndefined();
	});

	test('permutation(1) and permutation(0) draw nothing', () => {
		const random = new NumpyRandom(3);
		expect(Array.from(random.permutation(1))).toEqual([0]);
		expect(Array.from(random.permutation(0))).toEqual([]);
		// numpy: seed(3); permutation(1); rand() (the first value of seed 3)
		expect(random.rand()).toBe(0.5507979025745755);
	});

	test("standardNormal equals numpy's legacy standard_normal", () => {
		const random = new NumpyRandom(0);
		// numpy.random.seed(0); numpy.random.standard_normal(5)
		expect(draw(5, () => random.standardNormal())).toEqual([1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675]);
	});

	test('the kept second value of a pair survives a rand() in between, as in numpy', () => {
		const random = new NumpyRandom(7);
		// numpy.random.seed(7); standard_normal(); rand(); standard_normal(); standard_normal()
		expect([random.standardNormal(), random.rand(), random.standardNormal(), random.standardNormal()]).toEqual([
			1.690525703800356, 0.9779895119966027, -0.4659373705408328, 0.09316606097975175,
		]);
	});

	test.each([
		['before the first draw', 0],
		['mid block', 100],
		['at the end of a block (position 624)', 312],
		['past a twist', 1000],
	])('state saved %s and restored continues identically', (_where, before) => {
		const random = new NumpyRandom(42);
		draw(before, () => random.rand());
		random.standardNormal(); // leaves a kept value in the state
		const saved = random.state;
		// a copy through JSON, as a checkpoint holds it
		const restored = NumpyRandom.fromState(JSON.parse(JSON.stringify({...saved, key: Array.from(saved.key)})) as typeof saved);
		const mix = (r: NumpyRandom) => [r.standardNormal(), ...draw(700, () => r.rand()), ...r.permutation(50), r.uniform(-1, 1), r.standardNormal()];
		expect(bitDifference(mix(restored), mix(random))).toBeUndefined();
	});

	test('the state is a copy: drawing on does not change a saved state', () => {
		const random = new NumpyRandom(1);
		const saved = random.state;
		const key = Array.from(saved.key);
		draw(2000, () => random.rand());
		expect(Array.from(saved.key)).toEqual(key);
		expect(NumpyRandom.fromState(saved).rand()).toBe(new NumpyRandom(1).rand());
	});

	test.each([-1, MAX_SEED + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('seed %s is rejected', seed => {
		expect(() => new NumpyRandom(seed)).toThrow(RangeError);
	});

	test('the largest seed is accepted', () => {
		expect(MAX_SEED).toBe(2 ** 32 - 1);
		expect(new NumpyRandom(MAX_SEED).rand()).toBe(streams[String(MAX_SEED)]![0]);
	});
});
