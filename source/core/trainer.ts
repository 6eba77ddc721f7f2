import {BatchSchedule, splitSamples, type Split} from './batches.js';
import {Evaluator} from './evaluate.js';
import {BucketHistory, SampledHistory} from './history.js';
import {INITIALISATIONS} from './initialisations.js';
import {phasesOf, runPhase, type Phase} from './iteration.js';
import {kernelFor, type Iterate} from './kernel.js';
import {Network} from './network.js';
import {NumpyRandom} from './random.js';
import {Rewind} from './rewind.js';
import {sampleData, type SampleData} from './samples.js';
import type {Setup} from './setup.js';
import {flatten, shapeOf, weightCount} from './shape.js';
import {rewindBytes, type LearningRateChange, type RewindState, type TrainerStatus, type TrainingState} from './trainer-state.js';

/** Outputs whose predicted value is recorded over time (of the first training sample). */
export const MAX_OUTPUT_HISTORIES = 8;
const MAX_RATE_CHANGES = 256;

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
	/** The error of every iteration, bounded. */
	readonly errorHistory = new BucketHistory();
	/** Predicted value of each output for the first training sample, whenever it was in the batch. */
	readonly outputHistories: readonly BucketHistory[];
	/** The test error, now and then (with test samples). */
	readonly testHistory = new SampledHistory();
	readonly learningRateChanges: LearningRateChange[] = [];
	readonly phases: readonly Phase[];
	/** The weights the run started from. */
	readonly initialWeights: Float64Array;
	iteration = 0;
	learningRate: number;
	divergedAt: number | undefined;
	/** The iteration whose error reached `untilError`, when one did. */
	reachedAt: number | undefined;
	/** Phases of the next iteration already run (`stepPhase`); 0 when none. */
	phase = 0;

	private random: NumpyRandom;
	private readonly iterateFast: Iterate;
	private readonly rewind: Rewind<RewindState>;
	private readonly batchSamples: Int32Array;
	// where the first training sample sits in the current epoch's order, and in the batch (-1: not in it)
	private firstInOrder = 0;
	private firstInBatch = 0;

	constructor(setup: Setup, resume?: TrainingState) {
		this.setup = setup;
		const {layers, samples} = setup;
		this.data = sampleData(samples, layers[0]!, layers.at(-1)!);
		this.random = new NumpyRandom(setup.seed);
		const drawn = new Float64Array(weightCount(layers, setup.bias));
		this.initialWeights = setup.weights ? flattenGiven(setup, drawn) : drawWeights(setup, this.random, drawn);
		this.split = splitSamples(this.random, samples.length, setup.test);
		this.schedule = new BatchSchedule(this.split.train.length, setup.batch);
		this.network = new Network(setup, setup, this.schedule.batchSize);
		this.evaluator = new Evaluator(this.network);
		this.learningRate = setup.learningRate;
		this.phases = phasesOf(layers.length - 1);
		const outputs = Math.min(layers.at(-1)!, MAX_OUTPUT_HISTORIES);
		this.outputHistories = Array.from({length: outputs}, () => new BucketHistory());
		this.network.weights.set(this.initialWeights);
		this.network.clearIteration();
		this.batchSamples = this.schedule.fullBatch ? this.split.train : new Int32Array(this.schedule.batchSize);
		if (this.schedule.fullBatch) {
			this.network.load(this.data, this.split.train, this.split.train.length);
		}

		this.iterateFast = kernelFor(this.network, this.schedule.fullBatch);
		const histories = 1 + outputs + 1;
		const bytes = rewindBytes(drawn.length, this.network.optimizer.buffers.length, histories, this.split.train.length);
		this.rewind = new Rewind(bytes, drawn.length * this.schedule.batchSize);
		if (resume) {
			this.restoreTraining(resume);
		}

		this.clearHistories();
		this.rewind.capture(this.iteration, this.saveRewind());
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
		const earliest = this.rewind.earliest ?? this.iteration;
		return earliest === 0 ? 0 : earliest + 1;
	}

	/** Runs up to `count` whole iterations (a phase walk in progress completes first); returns how many ran. */
	step(count = 1): number {
		const start = this.iteration;
		if (this.phase > 0 && count > 0 && !this.finished) {
			while (this.phase > 0) {
				this.stepPhase();
			}
		}

		const end = Math.min(this.setup.limit, start + count);
		if (this.schedule.fullBatch && this.split.test.length === 0 && this.setup.untilError === undefined) {
			this.runFullBatch(end);
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

	/** One phase of the next iteration (see iteration.ts); the update completes it. */
	stepPhase(): Phase | undefined {
		if (this.finished) {
			return undefined;
		}

		if (this.phase === 0 && !this.schedule.fullBatch) {
			this.loadBatch();
		}

		const phase = this.phases[this.phase]!;
		const finite = runPhase(this.network, phase, this.learningRate);
		this.phase++;
		if (phase.kind === 'update') {
			this.phase = 0;
			this.afterIteration(finite);
		}

		return phase;
	}

	/** Back to the iteration before (or to the start of this one, mid-walk); false when it is out of reach. */
	back(): boolean {
		const target = this.phase > 0 ? this.iteration : this.iteration - 1;
		if (target < this.earliestReachable) {
			return false;
		}

		const point = target === 0 ? this.rewind.atOrBefore(0) : this.rewind.atOrBefore(target - 1);
		if (!point) {
			return false;
		}

		this.rewind.forgetAfter(target);
		this.restoreRewind(point.state);
		while (this.learningRateChanges.length > 0 && this.learningRateChanges.at(-1)!.iteration > target) {
			this.learningRateChanges.pop();
		}

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
		const last = this.learningRateChanges.at(-1);
		if (last?.iteration === this.iteration) {
			this.learningRateChanges.pop();
		} else if (this.learningRateChanges.length === MAX_RATE_CHANGES) {
			this.learningRateChanges.shift();
		}

		this.learningRateChanges.push({iteration: this.iteration, learningRate});
	}

	/** The learning rate of update `iteration + 1`. */
	learningRateAt(iteration: number): number {
		return this.learningRateChanges.findLast(change => change.iteration <= iteration)?.learningRate ?? this.setup.learningRate;
	}

	/** The sample at position `b` of the last batch. */
	batchSampleAt(b: number): number {
		return this.batchSamples[b]!;
	}

	/** Mean data loss of the current weights over the training samples (a checkpoint's `trainError`). */
	trainError(): number {
		return this.evaluator.errorOver(this.network.weights, this.data, this.split.train);
	}

	testError(): number {
		return this.evaluator.errorOver(this.network.weights, this.data, this.split.test);
	}

	/** What a checkpoint holds to continue exactly. */
	saveTraining(): TrainingState {
		const {network, schedule} = this;
		return {
			iteration: this.iteration,
			learningRate: this.learningRate,
			weights: network.weights.slice(),
			optimizer: {
				buffers: network.optimizer.buffers.map(name => network.optimizerState.buffers[name]!.slice()),
				step: network.optimizerState.step,
			},
			random: this.random.state,
			epoch: schedule.state,
			divergedAt: this.divergedAt,
		};
	}

	private restoreTraining(state: TrainingState): void {
		const {network} = this;
		this.iteration = state.iteration;
		this.learningRate = state.learningRate;
		this.divergedAt = state.divergedAt;
		this.reachedAt = undefined;
		network.weights.set(state.weights);
		for (const [k, name] of network.optimizer.buffers.entries()) {
			network.optimizerState.buffers[name]!.set(state.optimizer.buffers[k]!);
		}

		network.optimizerState.step = state.optimizer.step;
		this.random = NumpyRandom.fromState(state.random);
		this.schedule.restore(state.epoch);
		this.firstInOrder = this.schedule.order.indexOf(0);
		this.phase = 0;
		network.clearIteration();
	}

	private saveRewind(): RewindState {
		return {
			...this.saveTraining(),
			learningRateChanges: this.learningRateChanges.length,
			histories: {
				error: this.errorHistory.save(),
				outputs: this.outputHistories.map(history => history.save()),
				test: this.testHistory.save(),
			},
		};
	}

	private restoreRewind(state: RewindState): void {
		this.restoreTraining(state);
		this.errorHistory.restore(state.histories.error);
		for (const [k, history] of this.outputHistories.entries()) {
			history.restore(state.histories.outputs[k]!);
		}

		this.testHistory.restore(state.histories.test);
		if (this.schedule.fullBatch) {
			this.network.load(this.data, this.split.train, this.split.train.length);
		}
	}

	private loadBatch(): void {
		const {schedule, split, batchSamples} = this;
		const {start, count} = schedule.next(this.random);
		if (start === 0) {
			this.firstInOrder = schedule.order.indexOf(0);
		}

		for (let b = 0; b < count; b++) {
			batchSamples[b] = split.train[schedule.order[start + b]!]!;
		}

		this.network.load(this.data, batchSamples, count);
		const position = this.firstInOrder - start;
		this.firstInBatch = position >= 0 && position < count ? position : -1;
	}

	private afterIteration(finite: boolean): void {
		const iteration = ++this.iteration;
		const {network} = this;
		this.errorHistory.push(iteration, network.error);
		if (this.firstInBatch >= 0) {
			const outputs = network.activations[network.depth]!;
			const first = this.firstInBatch * network.shape.layers[network.depth]!;
			for (let k = 0; k < this.outputHistories.length; k++) {
				this.outputHistories[k]!.push(iteration, outputs[first + k]!);
			}
		}

		if (this.split.test.length > 0 && this.testHistory.due(iteration)) {
			this.testHistory.push(iteration, this.testError());
		}

		if (!finite) {
			this.divergedAt = iteration;
		} else if (this.rewind.due(iteration)) {
			this.rewind.capture(iteration, this.saveRewind());
		}

		if (this.setup.untilError !== undefined && network.error <= this.setup.untilError) {
			this.reachedAt = iteration;
		}
	}

	/** `afterIteration` for the common case (every sample in the batch, none for testing), kept in locals: the tutorial's hot loop. */
	private runFullBatch(end: number): void {
		const {errorHistory, outputHistories, network, iterateFast, learningRate, rewind} = this;
		const outputs = network.activations[network.depth]!;
		const recorded = outputHistories.length;
		let iteration = this.iteration;
		while (iteration < end && this.divergedAt === undefined) {
			const finite = iterateFast(learningRate);
			iteration++;
			errorHistory.push(iteration, network.error);
			for (let k = 0; k < recorded; k++) {
				outputHistories[k]!.push(iteration, outputs[k]!);
			}

			if (!finite) {
				this.divergedAt = iteration;
			} else if (rewind.due(iteration)) {
				this.iteration = iteration;
				rewind.capture(iteration, this.saveRewind());
			}
		}

		this.iteration = iteration;
	}

	private clearHistories(): void {
		this.errorHistory.clear(this.iteration + 1);
		for (const history of this.outputHistories) {
			history.clear(this.iteration + 1);
		}

		this.testHistory.clear();
	}
}

/** Row by row, layer by layer, one draw a weight, as numpy's `rand(row)` calls in turn. */
function drawWeights(setup: Setup, random: NumpyRandom, into: Float64Array): Float64Array {
	const {draw} = INITIALISATIONS.entries[setup.init];
	const {layers, bias} = setup;
	let k = 0;
	for (let l = 0; l + 1 < layers.length; l++) {
		const row = layers[l]! + (bias ? 1 : 0);
		for (let j = 0; j < layers[l + 1]!; j++) {
			for (let i = 0; i < row; i++) {
				into[k++] = draw(random, layers[l]!, layers[l + 1]!);
			}
		}
	}

	return into;
}

function flattenGiven(setup: Setup, into: Float64Array): Float64Array {
	flatten(shapeOf(setup.layers, setup.bias), setup.weights!, into);
	return into;
}
