import type {FeatureName} from '../core/features.js';
import type {Setup} from '../core/setup.js';
import type {TrainingState} from '../core/trainer-state.js';

/** The input plane of data with one or two coordinates, for the map: each coordinate's range, and the features computed from them. */
export type Plane = {
	readonly x1: readonly [number, number];
	readonly x2?: readonly [number, number];
	/** With --features, the network's inputs are these of (x1, x2). */
	readonly features: readonly FeatureName[] | undefined;
};

/** Everything a session needs to run: plain data, so that it can be sent to the training thread. */
export type RunOptions = {
	readonly setup: Setup;
	/** Continue from a checkpoint instead of the setup's start. */
	readonly resume?: TrainingState;
	readonly paused: boolean;
	/** Iterations per second in the dashboard; Infinity for `max`. */
	readonly speed: number;
	readonly save?: string;
	readonly history?: string;
	readonly plane?: Plane;
};

/** Lets a person watch tutorial-3's 80,000 iterations in about 8 seconds. */
export const DEFAULT_SPEED = 10_000;
