import type {Setup} from '../core/setup.js';
import type {PreviousRun} from './views/snapshot.js';
import type {Trainer} from '../core/training/trainer.js';

/**
 * The run being reset, kept for comparison: its error curve, labelled with what it had
 * that the next run has not (seed, learning rate, optimizer, batch, initialisation).
 */
export function previousRunOf(old: Trainer, next: Setup): PreviousRun {
	const {setup} = old;
	const parts: string[] = [];
	if (setup.seed !== next.seed) {
		parts.push(`seed ${setup.seed}`);
	}

	const changes = old.learningRates.changes.filter(change => change.iteration > 0);
	const startRate = old.learningRateAt(0);
	if (changes.length > 0 || startRate !== next.learningRate) {
		const later = changes.map(change => `${change.learningRate} from ${change.iteration.toLocaleString('en-US')}`);
		parts.push(`lr ${[startRate, ...later].join(', ')}`);
	}

	if (setup.optimizer !== next.optimizer) {
		parts.push(setup.optimizer);
	}

	if (setup.batch !== next.batch) {
		parts.push(setup.batch === undefined ? 'full batch' : `batch ${setup.batch}`);
	}

	if (setup.init !== next.init) {
		parts.push(`${setup.init} init`);
	}

	return {error: old.records.error.series(), label: parts.length > 0 ? parts.join(', ') : `the same choices, seed ${setup.seed}`};
}
