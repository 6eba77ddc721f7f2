import {EventEmitter} from 'node:events';
import {chainOf, type Chain} from './chain.js';
import {BucketHistory} from './history.js';
import {Network, type NestedWeights, type NetworkSpec} from './network.js';
import {weightRefs, type WeightRef} from './names.js';
import {randomSeed} from './random.js';

export type TrainerState = 'paused' | 'running' | 'done' | 'diverged';

export type TrainerEvents = {
	/** Some iterations ran (emitted once per time slice or step, not per iteration). */
	progress: [iteration: number];
	state: [state: TrainerState];
	/** Weights went back to a seed's initial weights, at iteration 0. */
	reset: [seed: number];
	learningRate: [learningRate: number];
	speed: [speed: number];
};

export type TrainerOptions = {
	readonly spec: NetworkSpec;
	readonly learningRate: number;
	/** The iteration limit: the trainer stops there in state `done`. */
	readonly iterations: number;
	readonly seed: number;
	/** Iterations per second while running; `Infinity` for as fast as it goes. */
	readonly speed?: number;
	/** Resume from a checkpoint instead of the seed's initial weights. */
	readonly resume?: {readonly weights: NestedWeights; readonly iteration: number};
	readonly historyCapacity?: number;
};

export type LearningRateChange = {readonly iteration: number; readonly learningRate: number};

/** Outputs whose predicted value is recorded over time (of the first sample). */
export const MAX_OUTPUT_HISTORIES = 8;
// one time slice of training; a key press waits at most about this long
const SLICE_MS = 10;
const FRAME_MS = 16;
const MAX_RATE_CHANGES = 256;

/**
 * Runs gradient descent on a Network in time-sliced chunks so that the event loop stays
 * free, and emits what changed. Holds everything a dashboard needs about the last iteration.
 */
export class Trainer extends EventEmitter<TrainerEvents> {
	readonly network: Network;
	readonly weights: readonly WeightRef[];
	/** Loss of every iteration so far, bounded. */
	readonly errorHistory: BucketHistory;
	/** Predicted value of each output (first sample) over the iterations, bounded. */
	readonly outputHistories: readonly BucketHistory[];
	readonly learningRateChanges: LearningRateChange[] = [];
	readonly limit: number;
	state: TrainerState = 'paused';
	/** Updates done so far; after iteration k the network holds iteration k's forward pass. */
	iteration = 0;
	learningRate: number;
	/** The learning rate the run started with (before any live change). */
	readonly initialLearningRate: number;
	seed: number;
	speed: number;
	divergedAt: number | undefined;
	/** Measured over the last half second or so of running. */
	iterationsPerSecond = 0;
	initialWeights: NestedWeights;

	private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
	private runningSince: number | undefined;
	private elapsedBefore = 0;
	private rateAnchorTime = 0;
	private rateAnchorIteration = 0;
	private batch = 256;
	private meterTime = 0;
	private meterIteration = 0;

	constructor(options: TrainerOptions) {
		super();
		this.network = new Network(options.spec);
		this.weights = weightRefs(options.spec.layers, options.spec.bias);
		this.limit = options.iterations;
		this.learningRate = options.learningRate;
		this.initialLearningRate = options.learningRate;
		this.seed = options.seed;
		this.speed = options.speed ?? Number.POSITIVE_INFINITY;
		const capacity = options.historyCapacity ?? 1024;
		this.errorHistory = new BucketHistory(capacity);
		const outputs = Math.min(options.spec.layers.at(-1)!, MAX_OUTPUT_HISTORIES);
		this.outputHistories = Array.from({length: outputs}, () => new BucketHistory(capacity));
		this.network.initialise(this.seed);
		this.initialWeights = this.network.getWeights();
		if (options.resume) {
			this.network.setWeights(options.resume.weights);
			this.iteration = options.resume.iteration;
			this.clearHistories();
		}

		if (this.iteration >= this.limit) {
			this.state = 'done';
		}
	}

	/** Milliseconds spent running, pauses excluded. */
	get elapsed(): number {
		return this.elapsedBefore + (this.runningSince === undefined ? 0 : performance.now() - this.runningSince);
	}

	get finished(): boolean {
		return this.state === 'done' || this.state === 'diverged';
	}

	start(): void {
		if (this.state !== 'paused') {
			return;
		}

		this.setState('running');
		this.runningSince = performance.now();
		this.anchorRate();
		this.meterTime = this.runningSince;
		this.meterIteration = this.iteration;
		this.schedule(0);
	}

	/** Same as start: runs from where it was paused. */
	resume(): void {
		this.start();
	}

	pause(): void {
		if (this.state !== 'running') {
			return;
		}

		this.stopClock();
		this.setState('paused');
	}

	/** Runs when paused, pauses when running. */
	toggle(): void {
		if (this.state === 'running') {
			this.pause();
		} else {
			this.start();
		}
	}

	/** Pauses, then runs `count` iterations at once (fewer at the limit). Returns how many ran. */
	step(count = 1): number {
		if (!Number.isSafeInteger(count) || count < 0) {
			throw new RangeError('step takes a whole number of iterations');
		}

		this.pause();
		if (this.finished) {
			return 0;
		}

		const ran = this.run(count);
		this.emit('progress', this.iteration);
		return ran;
	}

	/** Back to a seed's initial weights at iteration 0; a new random seed when `seed` is 'new'. */
	reset(seed: number | 'new' = this.seed): void {
		const wasRunning = this.state === 'running';
		this.stopClock();
		this.elapsedBefore = 0;
		this.seed = seed === 'new' ? randomSeed() : seed;
		this.network.initialise(this.seed);
		this.initialWeights = this.network.getWeights();
		this.iteration = 0;
		this.divergedAt = undefined;
		this.iterationsPerSecond = 0;
		this.clearHistories();
		this.state = 'paused';
		this.emit('reset', this.seed);
		this.emit('state', this.state);
		if (wasRunning) {
			this.start();
		}

		this.emit('progress', this.iteration);
	}

	setLearningRate(learningRate: number): void {
		if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
			throw new RangeError('the learning rate must be a positive number');
		}

		this.learningRate = learningRate;
		if (this.learningRateChanges.length === MAX_RATE_CHANGES) {
			this.learningRateChanges.shift();
		}

		this.learningRateChanges.push({iteration: this.iteration, learningRate});
		this.emit('learningRate', learningRate);
	}

	/** Iterations per second; `Infinity` runs as fast as the machine goes. */
	setSpeed(speed: number): void {
		if (!(speed > 0)) {
			throw new RangeError('the speed must be a positive number of iterations per second');
		}

		this.speed = speed;
		this.anchorRate();
		this.emit('speed', speed);
	}

	/** Trains to the limit without yielding (headless mode); `onSlice` is called now and then. */
	runToEnd(onSlice?: (iteration: number) => void): void {
		if (this.state === 'paused') {
			this.setState('running');
			this.runningSince = performance.now();
		}

		while (this.state === 'running') {
			this.run(65_536);
			onSlice?.(this.iteration);
		}

		this.emit('progress', this.iteration);
	}

	/** The factors of a weight's gradient at the last iteration. */
	chain(weight: WeightRef): Chain {
		return chainOf(this.network, weight);
	}

	/** Stops the timers; the trainer can be dropped afterwards. */
	dispose(): void {
		this.stopClock();
		if (this.state === 'running') {
			this.state = 'paused';
		}

		this.removeAllListeners();
	}

	/** Runs up to `count` iterations now, recording history; stops at the limit or on divergence. */
	private run(count: number): number {
		const {network, errorHistory, outputHistories} = this;
		const end = Math.min(this.limit, this.iteration + count);
		const start = this.iteration;
		const outputs = network.activations[network.depth]!;
		while (this.iteration < end) {
			const finite = network.iterate(this.learningRate);
			const iteration = ++this.iteration;
			errorHistory.push(iteration, network.loss);
			for (let k = 0; k < outputHistories.length; k++) {
				outputHistories[k]!.push(iteration, outputs[k]!);
			}

			if (!finite) {
				this.divergedAt = iteration;
				this.finish('diverged');
				return iteration - start;
			}
		}

		if (this.iteration >= this.limit) {
			this.finish('done');
		}

		return this.iteration - start;
	}

	private readonly tick = (): void => {
		this.timer = undefined;
		if (this.state !== 'running') {
			return;
		}

		const sliceStart = performance.now();
		const due =
			this.speed === Number.POSITIVE_INFINITY
				? Number.POSITIVE_INFINITY
				: this.rateAnchorIteration + Math.floor(((sliceStart - this.rateAnchorTime) * this.speed) / 1000) - this.iteration;
		let ran = 0;
		while (ran < due && this.state === 'running') {
			const batchStart = performance.now();
			ran += this.run(Math.min(this.batch, due - ran));
			const took = performance.now() - batchStart;
			// keep each batch near a millisecond so that the slice ends on time
			if (took < 0.5 && this.batch < 1_048_576) {
				this.batch *= 2;
			} else if (took > 2 && this.batch > 1) {
				this.batch = Math.ceil(this.batch / 2);
			}

			if (performance.now() - sliceStart > SLICE_MS) {
				break;
			}
		}

		this.measureRate();
		if (ran > 0) {
			this.emit('progress', this.iteration);
		}

		if (this.state === 'running') {
			this.schedule(this.speed === Number.POSITIVE_INFINITY ? 0 : FRAME_MS);
		}
	};

	private schedule(delay: number): void {
		this.timer = delay === 0 ? setImmediate(this.tick) : setTimeout(this.tick, delay);
	}

	private measureRate(): void {
		const now = performance.now();
		if (now - this.meterTime >= 500) {
			this.iterationsPerSecond = ((this.iteration - this.meterIteration) * 1000) / (now - this.meterTime);
			this.meterTime = now;
			this.meterIteration = this.iteration;
		}
	}

	private anchorRate(): void {
		this.rateAnchorTime = performance.now();
		this.rateAnchorIteration = this.iteration;
	}

	private finish(state: 'done' | 'diverged'): void {
		this.stopClock();
		this.setState(state);
	}

	private stopClock(): void {
		if (this.timer !== undefined) {
			clearTimeout(this.timer as NodeJS.Timeout);
			clearImmediate(this.timer as NodeJS.Immediate);
			this.timer = undefined;
		}

		if (this.runningSince !== undefined) {
			this.elapsedBefore += performance.now() - this.runningSince;
			this.runningSince = undefined;
		}
	}

	private clearHistories(): void {
		this.errorHistory.clear(this.iteration + 1);
		for (const history of this.outputHistories) {
			history.clear(this.iteration + 1);
		}

		this.learningRateChanges.length = 0;
	}

	private setState(state: TrainerState): void {
		if (this.state !== state) {
			this.state = state;
			this.emit('state', state);
		}
	}
}
