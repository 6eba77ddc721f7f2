import fs from 'node:fs';
import path from 'node:path';
import type {Activation, NestedWeights, Sample} from '../../source/core/network.js';

export type GoldenRun = {
	name: string;
	layers: number[];
	activation: Activation;
	bias: boolean;
	learningRate: number;
	iterations: number;
	seed: number;
	samples: Sample[];
	initialWeights: NestedWeights;
	finalWeights: NestedWeights;
	trace: Record<string, {error: number; outputs: number[][]}>;
};

export const fixtures = path.join(import.meta.dirname, '..', 'fixtures');

/** Every numpy reference run in test/fixtures (all but the generator streams). */
export function goldenRuns(): GoldenRun[] {
	return fs
		.readdirSync(fixtures)
		.filter(file => file.endsWith('.json') && file !== 'numpy-rand-streams.json')
		.sort()
		.map(file => JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8')) as GoldenRun);
}

/** Relative difference as the golden README asks: against max(|reference|, floor). */
export function relativeError(actual: number, reference: number, floor: number): number {
	return Math.abs(actual - reference) / Math.max(Math.abs(reference), floor);
}

/** Largest relative difference between two nested weight arrays of the same shape. */
export function maxWeightError(actual: NestedWeights, reference: NestedWeights): number {
	const a = actual.flat(2);
	const r = reference.flat(2);
	if (a.length !== r.length) {
		return Number.POSITIVE_INFINITY;
	}

	return Math.max(0, ...a.map((value, k) => relativeError(value, r[k]!, 1e-6)));
}
