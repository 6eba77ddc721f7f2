import {OPTIMIZERS, type OptimizerName} from '../core/maths/optimizers.js';
import type {RunFacts} from './views/snapshot.js';

/** Choices waiting for the next reset (o, B): a batch of `undefined` is every training sample. */
export type NextRun = {readonly optimizer?: OptimizerName; readonly batch?: number | undefined};

/** The choice `o` or `B` steps. */
export type NextChoice = 'optimizer' | 'batch';

/** Batch sizes `B` steps through for the next run: all, then powers of two below the training samples. */
export function nextBatch(current: number | undefined, trainCount: number): number | undefined {
	const sizes = [undefined, ...[1, 2, 4, 8, 16, 32, 64, 128, 256].filter(size => size < trainCount)];
	return sizes[(sizes.indexOf(current) + 1) % sizes.length];
}

type Run = Pick<RunFacts, 'optimizer' | 'batchSize' | 'fullBatch' | 'trainCount'>;

/**
 * One step of `o` or `B`: from the choice already waiting for the next run (else this run's),
 * to the next of its list, round again after the last; and what the screen says of it.
 */
export function stepNext(next: NextRun, choice: NextChoice, run: Run): {readonly next: NextRun; readonly said: string} {
	if (choice === 'optimizer') {
		const {names} = OPTIMIZERS;
		const optimizer = names[(names.indexOf(next.optimizer ?? run.optimizer) + 1) % names.length]!;
		return {next: {...next, optimizer}, said: `the next run (r or R) trains with ${optimizer}`};
	}

	if (run.trainCount <= 1) {
		return {next, said: 'B has nothing to choose: this run has one training sample, every batch is all of it'};
	}

	const batch = nextBatch('batch' in next ? next.batch : run.fullBatch ? undefined : run.batchSize, run.trainCount);
	const words = batch === undefined ? 'every training sample in each batch' : `batches of ${batch}`;
	return {next: {...next, batch}, said: `the next run (r or R) trains with ${words}`};
}

/** The choices waiting for the next run in a few words (`adam, batch 4`), undefined when none. */
export function nextWords(next: NextRun): string | undefined {
	const parts = [next.optimizer, 'batch' in next ? (next.batch === undefined ? 'full batch' : `batch ${next.batch}`) : undefined].filter(Boolean);
	return parts.length > 0 ? parts.join(', ') : undefined;
}
