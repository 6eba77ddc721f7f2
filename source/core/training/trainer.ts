import {BatchSchedule, splitSamples, type Split} from './batches.js';
import {Evaluator} from '../maths/evaluate.js';
import {startingWeights} from '../maths/initialisations.js';
import {PhaseWalk, type Phase} from './iteration.js';
import {FullBatchLoop} from './full-batch.js';
import {kernelFor, type Iterate} from './kernel.js';
import {LearningRates} from './learning-rates.js';
import {Network} from '../maths/network.js';
import {NumpyRandom} from '../maths/random.js';
import {Records} from './records.js';
import type {Rewind} from './rewind.js';
import {WeightPath} from './weight-path.js';
import {sampleData, type SampleData} from '../data/samples.js';
import type {Setup} from '../setup.js';
import {restoreState, resumePast, rewindFor, trainingStateOf} from './trainer-state.js';
import type {InitialWeightsFrom, RewindState, TrainerStatus, TrainingState} from './trainer-state.js';

export {MAX_OUTPUT_HISTORIES} from './records.js';

/**
 * Gradient descent on one setup, synchronously: `step` runs iterations, `stepPhase` one
 * phase of an iteration, `back` returns to the iteration before. Keeps the histories the
 * screen draws. Knows nothing of time: the scheduler decides when to step.
 */
export class Trainer {
	readonly setup: Setup;
	readonly network: Network;
	readonly data: SampleData;
	readonly split: Split;
	readonly schedule: BatchSchedule;
	readonly evaluator: Evaluator;
	/** The error, the first sample's outputs and the test error over the run, bounded. */
	readonly records: Records;
	readonly learningRates: LearningRates;
	/** Every weight now and then: the path on the error surface. */
	readonly path: WeightPath;
	/** The phase walk of the next iteration (`stepPhase`). */
	readonly walk: PhaseWalk;
	/** The weights the run started from (see `initialWeightsFrom`). */
	readonly initialWeights: Float64Array;
	readonly initialWeightsFrom: InitialWeightsFrom;
	/** A loaded run's state before its first iteration, which was run again from it (see `restoreState`), as `back` does there. */
	readonly resumedFrom: TrainingState | undefined;
	iteration = 0;
	learningRate: number;
	divergedAt: number | undefined;
	/** The iteration whose error reached `untilError`, when one did. */
	reachedAt: number | undefined;
	private random: NumpyRandom;
	private readonly iterateFast: Iterate;
	/** With every training sample in every batch, none held out and no error bound: the tight loop. */
	private readonly fullBatch: FullBatchLoop | undefined;
	private readonly rewind: Rewind<RewindState>;

	constructor(setup: Setup, resume?: TrainingState) {
		this.setup = setup;
		const {layers, samples} = setup;
		this.data = sampleData(samples, layers[0]!, layers.at(-1)!);
		this.random = new NumpyRandom(setup.seed);
		this.initialWeights = startingWeights(setup, this.random);
		this.split = splitSamples(this.random, samples.length, setup.test);
		this.schedule = new BatchSchedule(this.split.train, setup.batch);
		this.network = new Network(setup, setup, this.schedule.batchSize);
		this.evaluator = new Evaluator(this.network);
		this.learningRate = setup.learningRate;
		this.learningRates = new LearningRates(setup.learningRate);
		this.walk = new PhaseWalk(layers.length - 1);
		this.records = new Records(layers.at(-1)!);
		this.path = new WeightPath(this.initialWeights.length);
		this.network.weights.set(this.initialWeights);
		this.network.clearIteration();
		if (this.schedule.fullBatch) {
			this.network.load(this.data, this.split.train, this.split.train.length);
		}

		this.iterateFast = kernelFor(this.network, this.schedule.fullBatch);
		const tight = this.schedule.fullBatch && this.split.test.length === 0 && setup.untilError === undefined;
		this.fullBatch = tight ? new FullBatchLoop(this.network, this.records, this.iterateFast) : undefined;
		this.rewind = rewindFor(this.network, this.records.outputs.length, this.split.train.length);
		if (resume) {
			this.restoreTraining(resume);
		}

		this.resumedFrom = this.network.hasIteration ? resume?.previous : undefined;
		this.records.clear(this.iteration + 1);
		this.initialWeightsFrom = resumePast(this, resume, setup.weights !== undefined);
		this.path.start(this.iteration, this.network.weights);
		this.rewind.capture(this.iteration, reuse => ({...this.saveRewind(reuse), previous: this.resumedFrom}));
	}

	get status(): TrainerStatus {
		if (this.divergedAt !== undefined) {
			return 'diverged';
		}

		return this.iteration >= this.setup.limit || this.reachedAt !== undefined ? 'done' : 'training';
	}

	get finished(): boolean {
		return this.status !== 'training';
	}

	/** Completed passes over the training samples: every iteration is one with a full batch. */
	get epoch(): number {
		return this.schedule.fullBatch ? this.iteration : this.schedule.epoch;
	}

	/** The earliest iteration `back` can reach. */
	get earliestReachable(): number {
		return this.rewind.reachable ?? this.iteration;
	}

	/** Runs up to `count` whole iterations (a phase walk in progress completes first); returns how many ran. */
	step(count = 1): number {
		const start = this.iteration;
		if (this.walk.count > 0 && count > 0 && !this.finished) {
			while (this.walk.count > 0) {
				this.stepPhase();
			}
		}

		const end = Math.min(this.setup.limit, start + count);
		if (this.fullBatch && this.divergedAt === undefined) {
			const point = (iteration: number) => {
				this.iteration = iteration;
				this.mark(iteration, true);
			};

			// both powers of two: the points of the smaller include the larger's
			const interval = this.path.capacity > 0 ? Math.min(this.rewind.interval, this.path.stride) : this.rewind.interval;
			const reached = this.fullBatch.run(this.iteration, end, this.learningRate, interval, point);
			this.iteration = reached.iteration;
			if (reached.diverged) {
				this.divergedAt = reached.iteration;
			}
		} else {
			while (this.iteration < end && this.divergedAt === undefined && this.reachedAt === undefined) {
				if (!this.schedule.fullBatch) {
					this.loadBatch();
				}

				this.afterIteration(this.iterateFast(this.learningRate));
			}
		}

		return this.iteration - start;
	}

	/**
	 * One phase of the next iteration (see iteration.ts). After the update, one more call
	 * completes the iteration (the counter moves) and returns undefined, as it does when finished.
	 */
	stepPhase(): Phase | undefined {
		if (this.finished) {
			return undefined;
		}

		if (this.walk.updateShown) {
			this.walk.count = 0;
			this.afterIteration(this.walk.updateFinite);
			return undefined;
		}

		if (this.walk.count === 0 && !this.schedule.fullBatch) {
			this.loadBatch();
		}

		return this.walk.next(this.network, this.learningRate);
	}

	/** Back to the iteration before (or to the start of this one, mid-walk); false when it is out of reach. */
	back(): boolean {
		const target = this.walk.count > 0 ? this.iteration : this.iteration - 1;
		if (target < this.earliestReachable) {
			return false;
		}

		const point = this.rewind.pointFor(target);
		if (!point) {
			return false;
		}

		this.rewind.forgetAfter(target);
		this.restoreRewind(point.state);
		this.path.forgetAfter(this.iteration);
		this.learningRates.forgetAfter(target);

		while (this.iteration < target) {
			this.learningRate = this.learningRateAt(this.iteration);
			this.step(1);
		}

		this.learningRate = this.learningRateAt(target);
		return true;
	}

	/** From the next update on. */
	setLearningRate(learningRate: number): void {
		if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
			throw new RangeError('the learning rate must be a positive number');
		}

		this.learningRate = learningRate;
		this.learningRates.set(this.iteration, learningRate);
	}

	/** The learning rate of update `iteration + 1`. */
	learningRateAt(iteration: number): number {
		return this.learningRates.at(iteration);
	}

	/** The sample at position `b` of the last batch. */
	batchSampleAt(b: number): number {
		return this.schedule.samples[b]!;
	}

	/** Mean data loss of the current weights over the training samples (a checkpoint's `trainError`). */
	trainError(): number {
		return this.evaluator.meanError(this.network.weights, this.data, this.split.train);
	}

	testError(): number {
		return this.evaluator.meanError(this.network.weights, this.data, this.split.test);
	}

	/** What a checkpoint holds to continue exactly. */
	saveTraining(): TrainingState {
		return trainingStateOf(this, this.random);
	}

	private restoreTraining(state: TrainingState): void {
		this.iteration = state.iteration;
		this.learningRate = state.learningRate;
		this.divergedAt = state.divergedAt;
		this.reachedAt = undefined;
		this.walk.count = 0;
		this.random = restoreState({network: this.network, schedule: this.schedule, data: this.data, iterate: this.iterateFast}, state);
	}

	private saveRewind(reuse?: RewindState): RewindState {
		return {
			...this.saveTraining(),
			learningRateChanges: this.learningRates.changes.length,
			histories: this.records.save(reuse?.histories),
		};
	}

	private restoreRewind(state: RewindState): void {
		this.restoreTraining(state);
		this.records.restore(state.histories);
	}

	private loadBatch(): void {
		this.network.load(this.data, this.schedule.samples, this.schedule.nextBatch(this.random));
	}

	private afterIteration(finite: boolean): void {
		const iteration = ++this.iteration;
		const {network, records} = this;
		const outputs = network.activations[network.depth]!;
		const first = this.schedule.firstInBatch;
		records.record(iteration, network.error, outputs, first < 0 ? -1 : first * network.shape.layers[network.depth]!);
		if (this.split.test.length > 0 && records.test.due(iteration)) {
			records.test.push(iteration, this.testError());
		}

		this.mark(iteration, finite);
		if (!finite) {
			this.divergedAt = iteration;
		}

		if (this.setup.untilError !== undefined && network.error <= this.setup.untilError) {
			this.reachedAt = iteration;
		}
	}

	/** The points the path and the rewind keep: the rewind only of finite weights. */
	private mark(iteration: number, finite: boolean): void {
		if (this.path.due(iteration)) {
			this.path.push(iteration, this.network.weights);
		}

		if (finite && this.rewind.due(iteration)) {
			this.rewind.capture(iteration, reuse => this.saveRewind(reuse));
		}
	}
}
