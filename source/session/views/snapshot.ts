import type {Series} from '../../core/training/history.js';
import type {Phase} from '../../core/training/iteration.js';
import type {Setup} from '../../core/setup.js';
import type {LearningRateChange} from '../../core/training/trainer-state.js';
import type {RaceStatus} from './lanes.js';
import type {PanelData, PanelId, PanelRequests} from './panels.js';

/**
 * What the screen shows, as plain data: made by the session (in its own thread), sent as
 * a message, rendered by the UI. Never a view into the trainer's buffers: a snapshot stays
 * true to the moment it was made.
 */
export type Snapshot = {
	/** Counts up on every reset: a new run. */
	readonly runId: number;
	/** Commands the session had handled when it made this snapshot. */
	readonly handled: number;
	readonly run: RunFacts;
	readonly status: Status;
	/** The data of each panel the screen asked for (View.panels), by panel id. */
	readonly panels: PanelData;
	readonly history: History;
	readonly previous: PreviousRun | undefined;
	/** Choices waiting for the next reset (`o`, `B`), in a few words. */
	readonly next: string | undefined;
	readonly check: CheckStatus | undefined;
	readonly phase: PhaseStatus | undefined;
	/** Messages the screen should show: a saturated network, a finished check. */
	readonly notices: readonly string[];
	/** In a race: every lane's name and curve, and which lane the panels show. */
	readonly race?: RaceStatus;
};

/** What does not change during a run. */
export type RunFacts = Omit<Setup, 'samples' | 'weights' | 'batch'> & {
	readonly sampleCount: number;
	readonly trainCount: number;
	readonly testCount: number;
	/** Samples per update, as used (the training samples when the batch is all of them). */
	readonly batchSize: number;
	readonly fullBatch: boolean;
	readonly weightCount: number;
	/** Each choice that differs from the tutorial's, in a few words: `adam`, `L2 0.01`. */
	readonly choices: readonly string[];
	/** Whether targets are classes (0/1 or one-hot), so that accuracy means something. */
	readonly classes: boolean;
	/** The panels this run has something for (the map: data with an input plane). */
	readonly panels: readonly PanelId[];
};

export type RunState = 'running' | 'paused' | 'done' | 'diverged';

export type Status = {
	readonly state: RunState;
	/** Running towards a stop (after `n`): pauses there. */
	readonly stopAt: number | undefined;
	readonly divergedAt: number | undefined;
	/** The iteration whose error reached --until-error, and that error bound. */
	readonly reached: {readonly iteration: number; readonly error: number} | undefined;
	readonly iteration: number;
	readonly epoch: number;
	readonly learningRate: number;
	readonly speed: number;
	readonly iterationsPerSecond: number;
	readonly elapsedMs: number;
	/** The last iteration's error (its batch, before its update); before the first (or after loading a checkpoint without the state before it), the current weights' error over the training samples. */
	readonly error: number;
	/** Whether `error` is an iteration's (false: the current weights', at iteration 0 or just after such a load). */
	readonly errorRecorded: boolean;
	readonly trainError: number | undefined;
	readonly testError: number | undefined;
	readonly accuracy: number | undefined;
	readonly testAccuracy: number | undefined;
	/** The earliest iteration `b` can go back to. */
	readonly earliestReachable: number;
	/** Changes of the learning rate during the run: the flags alone no longer reproduce it. */
	readonly learningRateChanges: readonly LearningRateChange[];
};

export type History = {
	/** The first iteration recorded (after a checkpoint is loaded it is not 1). */
	readonly start: number;
	readonly error: Series;
	/** Of the first output, for the first training sample (`outputSample`, from 0). */
	readonly output: Series;
	readonly outputSample: number;
	readonly target: number;
	readonly test: Series;
	/** The error is of a mini-batch, not of all training samples. */
	readonly batchError: boolean;
};

/** The run before the last reset, kept for comparison, with what it was. */
export type PreviousRun = {readonly error: Series; readonly label: string};

export type CheckStatus =
	| {readonly state: 'running'; readonly checked: number; readonly of: number}
	| {
			readonly state: 'done';
			readonly iteration: number;
			readonly checked: number;
			readonly of: number;
			readonly worst: {readonly name: string; readonly relativeDifference: number};
			/** The selected weight's numeric gradient, when it was checked. */
			readonly selected: {readonly numeric: number; readonly relativeDifference: number} | undefined;
	  };

export type PhaseStatus = {
	/** Phases of the next iteration done. */
	readonly done: number;
	readonly total: number;
	/** The phase just run, and what it computes in words. */
	readonly last: Phase;
	readonly description: string;
	/** The layers whose backward phase is done, 0 once the gradients are, UPDATE_REACHED once the update is: the chain's parts known so far. */
	readonly reached: readonly number[];
	/** What the phase computed for the followed sample, named as the tutorial names it (SOP1, Activ1, …). */
	readonly values: readonly PhaseValue[];
};

/** In `PhaseStatus.reached`: the update has run (its steps and change are known). */
export const UPDATE_REACHED = -1;

/** A number a phase computed; `text` when it is written otherwise than with 6 digits (an update's old and new weight, with digits enough to tell them apart; the learning rate). */
export type PhaseValue = {readonly name: string; readonly value: number; readonly text?: string};

/** What the screen asks for: the selected weight and sample, which panels it shows, and what each panel needs (its rows, its size). */
export type View = {
	/** Flat index of the selected weight. */
	readonly selected: number;
	/** Index of the sample the chain and the diagram follow. */
	readonly sample: number;
	readonly panels: PanelRequests;
};

export const DEFAULT_VIEW: View = {selected: 0, sample: 0, panels: {weights: {start: 0, rows: 64}, samples: {start: 0, rows: 16}, chain: {}, diagram: {}}};
