import type {Trainer} from '../core/training/trainer.js';
import {formatCount} from './format.js';

/** Commands that would train: at the end of a run they do nothing, and say why. */
export const TRAINING_COMMANDS: ReadonlySet<string> = new Set(['toggle', 'step', 'phase']);

/** Why a finished run trains no more, and what to do: the line a key that trains says. */
export function finishedLine(trainer: Trainer): string {
	const {divergedAt, reachedAt, setup} = trainer;
	if (divergedAt !== undefined) {
		return `diverged at iteration ${formatCount(divergedAt)}, the weights not finite numbers: r resets (b goes back; [ halves the learning rate)`;
	}

	if (reachedAt !== undefined) {
		return `done at iteration ${formatCount(reachedAt)}, the error at --until-error ${String(setup.untilError)}: r resets`;
	}

	return `done at the limit, ${formatCount(setup.limit)}: r resets; --iterations sets a longer run`;
}
