import {NumpyRandom} from '../maths/random.js';
import type {Sample} from './samples.js';

/**
 * Generated datasets, modelled on TensorFlow Playground's but scaled so that every 2-D
 * input lies in [-1, 1] at noise 0. Each generator draws from numpy's legacy generator,
 * one scalar at a time, sample by sample (i = 0 … count - 1), in the order its comment
 * states, so numpy reproduces it bit for bit after `np.random.seed(data_seed)`:
 * `uniform(lo, hi)` is `np.random.uniform(lo, hi)`, `normal()` is `np.random.standard_normal()`.
 * Classes alternate, `L = i % 2`, so they are balanced (class 0 gets the odd one out).
 * Noise F: 2-D classification adds `F * uniform(-1, 1)` to x1, then to x2, after the point's
 * own draws; regression adds `F * uniform(-1, 1)` to the target y. These draws are made even
 * at F = 0, so a data seed gives the same points at every noise level, only moved.
 * No formula depends on the count: `count` samples are the first `count` of any larger set.
 */
export const DEFAULT_SAMPLES = 200;
export const MAX_NOISE = 0.5;

export type RawPoint = {x: number[]; label: number};

export type Dataset = {
	readonly name: string;
	/** One line for --help. */
	readonly description: string;
	readonly kind: 'classification' | 'regression';
	readonly inputs: 1 | 2;
	/** The input plane's extent, for plotting. */
	readonly range: {readonly x1: readonly [number, number]; readonly x2?: readonly [number, number]};
	generate(random: NumpyRandom, count: number, noise: number): RawPoint[];
};

const unit = {x1: [-1, 1], x2: [-1, 1]} as const;

/** A 2-D class point moved by noise: x1's draw, then x2's. */
function classPoint(random: NumpyRandom, noise: number, x1: number, x2: number, label: number): RawPoint {
	return {x: [x1 + noise * random.uniform(-1, 1), x2 + noise * random.uniform(-1, 1)], label};
}

function points(count: number, point: (i: number) => RawPoint): RawPoint[] {
	return Array.from({length: count}, (_, i) => point(i));
}

const registry = {
	/**
	 * Class 1 inside radius 0.5, class 0 in the ring 0.7 to 1:
	 * `r = uniform(0, 0.5) if L else uniform(0.7, 1); a = uniform(0, 2*pi)`,
	 * `x1 = r*cos(a) + F*uniform(-1, 1); x2 = r*sin(a) + F*uniform(-1, 1)`.
	 */
	circle: {
		name: 'circle',
		description: 'a disc (class 1) inside a ring (class 0)',
		kind: 'classification',
		inputs: 2,
		range: unit,
		generate: (random, count, noise) =>
			points(count, i => {
				const label = i % 2;
				const r = label ? random.uniform(0, 0.5) : random.uniform(0.7, 1);
				const a = random.uniform(0, 2 * Math.PI);
				return classPoint(random, noise, r * Math.cos(a), r * Math.sin(a), label);
			}),
	},
	/**
	 * Quadrants in turn (+,+) 0, (+,-) 1, (-,-) 0, (-,+) 1, kept 0.1 off the axes:
	 * `s = 1 if (i // 2) % 2 == 0 else -1`,
	 * `x1 = s*uniform(0.1, 1) + F*uniform(-1, 1); x2 = s*(1 - 2*L)*uniform(0.1, 1) + F*uniform(-1, 1)`,
	 * both magnitudes drawn before the noise.
	 */
	xor: {
		name: 'xor',
		description: 'class 1 where x1 and x2 differ in sign',
		kind: 'classification',
		inputs: 2,
		range: unit,
		generate: (random, count, noise) =>
			points(count, i => {
				const label = i % 2;
				const s = Math.floor(i / 2) % 2 === 0 ? 1 : -1;
				const x1 = s * random.uniform(0.1, 1);
				const x2 = s * (1 - 2 * label) * random.uniform(0.1, 1);
				return classPoint(random, noise, x1, x2, label);
			}),
	},
	/**
	 * Two normal clusters, sd 0.15, at c = (0.5, 0.5) for class 1 and (-0.5, -0.5) for class 0:
	 * `c = 0.5 if L else -0.5`, `x1 = clip(c + 0.15*standard_normal(), -1, 1)`, the same for x2
	 * (numpy's second polar value), then `+ F*uniform(-1, 1)` on x1 and on x2.
	 */
	gauss: {
		name: 'gauss',
		description: 'two normal clusters, sd 0.15',
		kind: 'classification',
		inputs: 2,
		range: unit,
		generate: (random, count, noise) =>
			points(count, i => {
				const label = i % 2;
				const c = label ? 0.5 : -0.5;
				const x1 = Math.min(Math.max(c + 0.15 * random.standardNormal(), -1), 1);
				const x2 = Math.min(Math.max(c + 0.15 * random.standardNormal(), -1), 1);
				return classPoint(random, noise, x1, x2, label);
			}),
	},
	/**
	 * Two arms of 1.75 turns, class 1 turned half a turn from class 0:
	 * `r = uniform(0, 1); t = 3.5*pi*r + pi*L`,
	 * `x1 = r*sin(t) + F*uniform(-1, 1); x2 = r*cos(t) + F*uniform(-1, 1)`.
	 */
	spiral: {
		name: 'spiral',
		description: 'two interleaved spiral arms',
		kind: 'classification',
		inputs: 2,
		range: unit,
		generate: (random, count, noise) =>
			points(count, i => {
				const label = i % 2;
				const r = random.uniform(0, 1);
				const t = 3.5 * Math.PI * r + Math.PI * label;
				return classPoint(random, noise, r * Math.sin(t), r * Math.cos(t), label);
			}),
	},
	/**
	 * A tilted plane, y in [-1, 1]:
	 * `x1 = uniform(-1, 1); x2 = uniform(-1, 1); y = (x1 + x2)/2 + F*uniform(-1, 1)`.
	 */
	plane: {
		name: 'plane',
		description: 'regression: y = (x1 + x2) / 2',
		kind: 'regression',
		inputs: 2,
		range: unit,
		generate: (random, count, noise) =>
			points(count, () => {
				const x1 = random.uniform(-1, 1);
				const x2 = random.uniform(-1, 1);
				return {x: [x1, x2], label: (x1 + x2) / 2 + noise * random.uniform(-1, 1)};
			}),
	},
	/**
	 * Two periods of a sine, x in [-2π, 2π]:
	 * `x = uniform(-2*pi, 2*pi); y = sin(x) + F*uniform(-1, 1)`.
	 */
	sine: {
		name: 'sine',
		description: 'regression: y = sin x, x in [-2pi, 2pi]',
		kind: 'regression',
		inputs: 1,
		range: {x1: [-2 * Math.PI, 2 * Math.PI]},
		generate: (random, count, noise) =>
			points(count, () => {
				const x = random.uniform(-2 * Math.PI, 2 * Math.PI);
				return {x: [x], label: Math.sin(x) + noise * random.uniform(-1, 1)};
			}),
	},
} as const satisfies Record<string, Dataset>;

export type DatasetName = keyof typeof registry;

/** One entry per dataset, keyed by its name. */
export const DATASETS: Readonly<Record<DatasetName, Dataset>> = registry;

export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

export function isDatasetName(text: string): text is DatasetName {
	return Object.hasOwn(DATASETS, text);
}

export type DatasetOptions = {
	/** Default DEFAULT_SAMPLES. */
	readonly samples?: number;
	/** A fraction of the data's scale, 0 to MAX_NOISE; default 0. */
	readonly noise?: number;
	/** Seeds the data's own generator, apart from the weights'; default 0. */
	readonly dataSeed?: number;
	/** Targets `[1 - label, label]` (two classes, for softmax) instead of `[label]`. */
	readonly oneHot?: boolean;
};

/** The dataset's samples: inputs as generated, targets `[label]` or one-hot `[1 - label, label]`. */
export function generateDataset(name: DatasetName, options: DatasetOptions = {}): Sample[] {
	const {samples = DEFAULT_SAMPLES, noise = 0, dataSeed = 0, oneHot = false} = options;
	const dataset = DATASETS[name];
	if (!Number.isInteger(samples) || samples < 1) {
		throw new RangeError(`samples must be a whole number of at least 1, not ${samples}`);
	}

	if (!(noise >= 0 && noise <= MAX_NOISE)) {
		throw new RangeError(`noise must be from 0 to ${MAX_NOISE}, not ${noise}`);
	}

	if (oneHot && dataset.kind !== 'classification') {
		throw new RangeError(`one-hot targets need a classification dataset, and ${name} is regression`);
	}

	const raw = dataset.generate(new NumpyRandom(dataSeed), samples, noise);
	return raw.map(({x, label}) => ({x, t: oneHot ? [1 - label, label] : [label]}));
}
