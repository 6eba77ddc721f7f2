import {BucketHistory, SampledHistory, type HistorySave, type SampledSave} from './history.js';

/** Outputs whose predicted value is recorded over time (of the first training sample). */
export const MAX_OUTPUT_HISTORIES = 8;

export type RecordsSave = {readonly error: HistorySave; readonly outputs: readonly HistorySave[]; readonly test: SampledSave};

/**
 * What a run keeps of its past for the chart and the history CSV: the error of every
 * iteration, the first training sample's predicted outputs whenever it was in the batch,
 * and the test error now and then. Bounded however long the run.
 */
export class Records {
	readonly error = new BucketHistory();
	readonly outputs: readonly BucketHistory[];
	readonly test = new SampledHistory();

	constructor(outputCount: number) {
		this.outputs = Array.from({length: Math.min(outputCount, MAX_OUTPUT_HISTORIES)}, () => new BucketHistory());
	}

	/** An iteration's error, and its outputs from `offset` of `activations` (-1: the first sample was not in the batch). */
	record(iteration: number, error: number, activations: Float64Array, offset: number): void {
		this.error.push(iteration, error);
		if (offset >= 0) {
			for (let k = 0; k < this.outputs.length; k++) {
				this.outputs[k]!.push(iteration, activations[offset + k]!);
			}
		}
	}

	/** Empty, the next iteration recorded being `first`. */
	clear(first: number): void {
		this.error.clear(first);
		for (const history of this.outputs) {
			history.clear(first);
		}

		this.test.clear();
	}

	/** A copy, into the buffers of `reuse` when given (see BucketHistory.save). */
	save(reuse?: RecordsSave): RecordsSave {
		return {
			error: this.error.save(reuse?.error),
			outputs: this.outputs.map((history, k) => history.save(reuse?.outputs[k])),
			test: this.test.save(),
		};
	}

	restore(saved: RecordsSave): void {
		this.error.restore(saved.error);
		for (const [k, history] of this.outputs.entries()) {
			history.restore(saved.outputs[k]!);
		}

		this.test.restore(saved.test);
	}
}
