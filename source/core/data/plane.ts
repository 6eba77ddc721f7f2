import type {FeatureName} from './features.js';

/**
 * The input plane of data with one or two coordinates: each coordinate's range, the
 * features the network's inputs are computed from them (--features), and each sample's
 * coordinates. What the map draws over.
 */
export type Plane = {
	readonly x1: readonly [number, number];
	readonly x2?: readonly [number, number];
	readonly features: readonly FeatureName[] | undefined;
	/** Each sample's coordinates (x1, or x1 and x2) before any features. */
	readonly coordinates: ReadonlyArray<readonly number[]>;
};
