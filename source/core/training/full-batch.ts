import {manyFor, type Iterate, type RunMany} from './kernel.js';
import type {Network} from '../maths/network.js';
import type {Records} from './records.js';

/** Iterations a call of `runMany` at most: the length of its records. */
const MANY = 4096;

/** Where a run of the loop ended: the iteration reached, and whether that one diverged. */
export type Reached = {readonly iteration: number; readonly diverged: boolean};

/**
 * The trainer's common case in a tight loop: every training sample in every batch, none
 * held out, no error bound to watch. Records each iteration's error and outputs, and asks
 * for a rewind point where one is due. Many iterations a call where the network allows it
 * (see manyFor), else one.
 */
export class FullBatchLoop {
	private readonly network: Network;
	private readonly records: Records;
	private readonly iterate: Iterate;
	private readonly many: {readonly run: RunMany; readonly errors: Float64Array; readonly outputs: Float64Array} | undefined;

	constructor(network: Network, records: Records, iterate: Iterate) {
		this.network = network;
		this.records = records;
		this.iterate = iterate;
		const recorded = records.outputs.length;
		const run = manyFor(network, iterate, recorded);
		this.many = run && {run, errors: new Float64Array(MANY), outputs: new Float64Array(MANY * recorded)};
	}

	/**
	 * Runs from `iteration` up to `end`, stopping after an iteration that diverged. At each
	 * multiple of `interval` (after its iteration is recorded) calls `point(iteration)`.
	 */
	run(iteration: number, end: number, learningRate: number, interval: number, point: (iteration: number) => void): Reached {
		return this.many ? this.runMany(iteration, end, learningRate, interval, point) : this.runOne(iteration, end, learningRate, interval, point);
	}

	private runOne(from: number, end: number, learningRate: number, interval: number, point: (iteration: number) => void): Reached {
		const {records, network, iterate} = this;
		const outputs = network.activations[network.depth]!;
		let iteration = from;
		while (iteration < end) {
			const finite = iterate(learningRate);
			iteration++;
			records.record(iteration, network.error, outputs, 0);
			if (!finite) {
				return {iteration, diverged: true};
			}

			if (iteration % interval === 0) {
				point(iteration);
			}
		}

		return {iteration, diverged: false};
	}

	/** Up to the next point (or MANY iterations) a call, then the histories from its records. */
	private runMany(from: number, end: number, learningRate: number, interval: number, point: (iteration: number) => void): Reached {
		const {records} = this;
		const {run, errors, outputs} = this.many!;
		const recorded = records.outputs.length;
		let iteration = from;
		while (iteration < end) {
			const next = (Math.floor(iteration / interval) + 1) * interval;
			const ran = run(Math.min(end, next, iteration + MANY) - iteration, learningRate, errors, outputs);
			for (let n = 0; n < Math.abs(ran); n++) {
				records.record(++iteration, errors[n]!, outputs, n * recorded);
			}

			if (ran < 0) {
				return {iteration, diverged: true};
			}

			if (iteration % interval === 0) {
				point(iteration);
			}
		}

		return {iteration, diverged: false};
	}
}
