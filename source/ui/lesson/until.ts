/** Whether a step's end is reached, from what the screen sees of the run, and what ends it in words. */
import type {Until} from '../../session/lesson/types.js';
import {formatCount} from '../../session/format.js';
import type {Snapshot} from '../../session/views/snapshot.js';
import {BINDINGS} from '../keys.js';
import {LESSON_KEYS} from './keys.js';

/** What a step's end reads of the run and the screen. */
export type Observed = {
	readonly iteration: number;
	/** Phases of the next iteration walked. */
	readonly phase: number;
	readonly selected: number;
	readonly error: number;
	readonly errorRecorded: boolean;
	readonly done: boolean;
};

export const observed = (snapshot: Snapshot, selected: number): Observed => ({
	iteration: snapshot.status.iteration,
	phase: snapshot.phase?.done ?? 0,
	selected,
	error: snapshot.status.error,
	errorRecorded: snapshot.status.errorRecorded,
	done: snapshot.status.state === 'done',
});

/** Whether the learner has done what ends the step, since `start` (the run as the step found it). */
export function isMet(until: Until, now: Observed, start: Observed): boolean {
	switch (until.kind) {
		case 'key': {
			return true;
		}

		case 'step': {
			return now.iteration > start.iteration;
		}

		case 'phase': {
			return now.iteration > start.iteration || now.phase > start.phase;
		}

		case 'select': {
			return now.selected === until.index;
		}

		case 'error': {
			return now.errorRecorded && now.error < until.below;
		}

		case 'iteration': {
			return now.iteration >= until.at;
		}

		case 'done': {
			return now.done;
		}

		case 'questions': {
			return false;
		}
	}
}

/** A key of the dashboard as the lesson names it (`s`, `space`): from the keys table, without the keys the lesson takes. */
export function keyNamed(short: string): string {
	const binding = BINDINGS.find(candidate => candidate.short === short);
	return (binding?.keys ?? short)
		.split(' ')
		.filter(key => !LESSON_KEYS.includes(key))
		.join(' ');
}

/** What the learner does to end the step. */
export function todo(until: Until): string {
	switch (until.kind) {
		case 'key': {
			return 'read, then go on';
		}

		case 'step': {
			return `step one iteration (${keyNamed('step')})`;
		}

		case 'phase': {
			return `walk a phase of the next iteration (${keyNamed('phase')})`;
		}

		case 'select': {
			return `select ${until.weight} (${keyNamed('select')})`;
		}

		case 'error': {
			return `train until the error is below ${until.below} (${keyNamed('run/pause')} runs and pauses)`;
		}

		case 'iteration': {
			return `train to iteration ${formatCount(until.at)} (${keyNamed('run/pause')} runs and pauses)`;
		}

		case 'done': {
			return `train until the run stops (${keyNamed('run/pause')} runs and pauses)`;
		}

		case 'questions': {
			return 'answer the question (Enter checks it)';
		}
	}
}

/** The ending line: what to do, or that it is done and how to go on. */
export function endingText(until: Until, met: boolean, last: boolean): string {
	if (!met) {
		return `To go on: ${todo(until)}.`;
	}

	if (last) {
		return `${until.kind === 'key' ? '' : 'Done. '}The end of the lesson: ← goes back, q quits.`;
	}

	return `${until.kind === 'key' ? '' : 'Done. '}→ next step.`;
}
