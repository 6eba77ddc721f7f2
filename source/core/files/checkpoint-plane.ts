import {FEATURES, type FeatureName} from '../data/features.js';
import type {Plane} from '../data/plane.js';
import type {Sample} from '../data/samples.js';

/**
 * The map's plane as a checkpoint keeps it, so that a loaded run's map is the run's: the box of
 * a generated dataset, and with --features the features and the coordinates they were
 * computed from (the samples hold the computed inputs).
 */
export type PlaneJson = {
	readonly x1: readonly [number, number];
	readonly x2?: readonly [number, number];
	readonly features?: readonly FeatureName[];
	readonly coordinates?: ReadonlyArray<readonly number[]>;
};

export function planeJson(plane: Plane): PlaneJson {
	return {x1: plane.x1, ...(plane.x2 && {x2: plane.x2}), ...(plane.features && {features: plane.features, coordinates: plane.coordinates})};
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isRange = (value: unknown): value is [number, number] => Array.isArray(value) && value.length === 2 && value.every(finite) && value[0]! < value[1]!;

/** A checkpoint's plane read back, undefined when it keeps none; without features the samples' inputs are its coordinates. */
export function readPlane(raw: unknown, samples: readonly Sample[]): Plane | undefined | {readonly problem: string} {
	if (raw === undefined) {
		return undefined;
	}

	const {x1, x2, features, coordinates} = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const dimensions = x2 === undefined ? 1 : 2;
	const names = Array.isArray(features) && features.length === samples[0]!.x.length && features.every(name => typeof name === 'string' && name in FEATURES);
	const points = features === undefined ? samples.map(sample => sample.x) : coordinates;
	const pointsFit =
		Array.isArray(points) &&
		points.length === samples.length &&
		points.every(point => Array.isArray(point) && point.length === dimensions && point.every(finite));
	if (!isRange(x1) || !(x2 === undefined || isRange(x2)) || !(features === undefined || (names && dimensions === 2)) || !pointsFit) {
		return {problem: '"plane" must hold the range of x1 (and of x2) as [low, high] and fit the samples, with "features" their coordinates'};
	}

	return {x1, ...(isRange(x2) && {x2}), features: features as FeatureName[] | undefined, coordinates: points as number[][]};
}
