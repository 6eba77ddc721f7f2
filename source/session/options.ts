import type {PackagedInfo} from '../core/data/packaged.js';
import type {Plane} from '../core/data/plane.js';
import type {Setup} from '../core/setup.js';
import type {TrainingState} from '../core/training/trainer-state.js';

export type {Plane} from '../core/data/plane.js';

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
	/** --export-code: the run as a numpy script. */
	readonly code?: string;
	/** --export-onnx: the trained network as ONNX. */
	readonly onnx?: string;
	readonly plane?: Plane;
	/** The packaged dataset the samples are (iris, mnist): its class names, image shape, what was done to it. */
	readonly packaged?: PackagedInfo;
};

/** Lets a person watch tutorial-3's 80,000 iterations in about 8 seconds. */
export const DEFAULT_SPEED = 10_000;
