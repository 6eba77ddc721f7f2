import type {OptimizerName} from '../core/maths/optimizers.js';
import type {Setup} from '../core/setup.js';
import {Trainer} from '../core/training/trainer.js';
import {Lockstep} from './lockstep.js';
import type {RunOptions} from './options.js';
import type {RaceLane} from './race.js';
import type {Steppable} from './scheduler.js';
import type {LaneContext} from './views/context.js';
import {evaluationOf, type Evaluation} from './views/snapshot-of.js';

/** Above this many sample × weight terms, the errors over all samples are measured at most every EVALUATE_MS while running. */
const CHEAP_EVALUATION = 200_000;
const EVALUATE_MS = 500;
/** A lane's errors over all samples before the first snapshot has measured them. */
const NOT_MEASURED = {testError: undefined, accuracy: undefined, testAccuracy: undefined};

/**
 * The runs a session trains: one, or the lanes of a race, one of them shown. Each run's
 * errors over all samples are measured as often as their cost allows. The lanes step
 * together (lockstep.ts): the scheduler runs `stepper`, the keys act on every lane.
 */
export class HostLanes {
	/** Index of the lane the panels show. */
	selected = 0;
	private trainers: Trainer[];
	private group: Lockstep | undefined;
	private readonly labels: readonly string[] | undefined;
	private evaluations: Evaluation[] = [];
	private evaluated: Array<{runId: number; iteration: number; at: number}> = [];

	constructor(options: RunOptions, race: readonly RaceLane[] | undefined) {
		this.labels = race?.map(lane => lane.label);
		this.trainers = (race ?? [{run: options}]).map(lane => new Trainer(lane.run.setup, lane.run.resume));
		this.group = race ? new Lockstep(this.trainers) : undefined;
	}

	get trainer(): Trainer {
		return this.trainers[this.selected]!;
	}

	get count(): number {
		return this.trainers.length;
	}

	/** What the scheduler runs: the trainer, or every lane in lockstep. */
	get stepper(): Steppable {
		return this.group ?? this.trainer;
	}

	/** One phase of the next iteration, in every lane. */
	stepPhase(): void {
		if (this.group) {
			this.group.stepPhase();
		} else {
			this.trainer.stepPhase();
		}
	}

	/** Every lane back an iteration; false when one cannot go back. */
	back(): boolean {
		return (this.group ?? this.trainer).back();
	}

	/**
	 * A new run in every lane, all from one start (`seed`), each lane's learning rate as it is
	 * now; the choices waiting for the next run (o, B) are the shown lane's. Returns the shown
	 * lane's old trainer (for the previous run's curve).
	 */
	reset(seed: number, next: {readonly optimizer?: OptimizerName; readonly batch?: number | undefined}): Trainer {
		const old = this.trainer;
		const setupOf = (lane: Trainer, shown: boolean): Setup => ({
			...lane.setup,
			seed,
			learningRate: lane.learningRate,
			optimizer: (shown ? next.optimizer : undefined) ?? lane.setup.optimizer,
			batch: shown && 'batch' in next ? next.batch : lane.setup.batch,
		});
		this.trainers = this.trainers.map((trainer, k) => new Trainer(setupOf(trainer, k === this.selected)));
		this.group = this.group ? new Lockstep(this.trainers) : undefined;
		this.evaluated = [];
		return old;
	}

	every(): readonly Trainer[] {
		return this.trainers;
	}

	/** Measures each lane's errors over all samples when stale and affordable; returns the shown lane's. */
	measure(runId: number, running: boolean, classes: boolean): Evaluation {
		const now = performance.now();
		for (const [k, trainer] of this.trainers.entries()) {
			const last = this.evaluated[k];
			const stale = last?.runId !== runId || last.iteration !== trainer.iteration;
			const cheap = trainer.data.count * trainer.network.shape.weightCount <= CHEAP_EVALUATION;
			if (stale && (cheap || !running || last === undefined || now - last.at > EVALUATE_MS)) {
				this.evaluations[k] = evaluationOf(trainer, classes);
				this.evaluated[k] = {runId, iteration: trainer.iteration, at: now};
			}
		}

		return this.evaluations[this.selected]!;
	}

	/** The lanes for the views, in a race. */
	contexts(): LaneContext[] | undefined {
		return this.labels?.map((label, k) => ({label, trainer: this.trainers[k]!, measured: this.evaluations[k] ?? NOT_MEASURED}));
	}
}
