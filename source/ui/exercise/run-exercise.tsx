import process from 'node:process';
import {render} from 'ink';
import type {Exercise} from '../../session/exercise/types.js';
import {ExerciseApp} from './ExerciseApp.js';
import {isDone, scoreText, type ExerciseState} from './state.js';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs the exercise screen until the learner quits (or a signal); returns the lines to print after: the score, and the flags of this exercise. */
export async function runExercise(exercise: Exercise, flags: string): Promise<string[]> {
	const {stdout} = process;
	let last: ExerciseState | undefined;
	stdout.write(ENTER_ALTERNATE_SCREEN);
	stdout.on('error', () => {});
	const instance = render(<ExerciseApp exercise={exercise} onQuit={state => (last = state)} />, {exitOnCtrlC: false, patchConsole: false});
	const handlers = SIGNALS.map(name => {
		const handler = () => instance.unmount();
		process.on(name, handler);
		return () => process.off(name, handler);
	});
	try {
		await instance.waitUntilExit();
	} finally {
		for (const remove of handlers) {
			remove();
		}

		instance.cleanup();
		stdout.write(`${LEAVE_ALTERNATE_SCREEN}\r\u001B[2K`);
	}

	const asked = exercise.asked.length;
	const where =
		last === undefined
			? 'stopped'
			: isDone(last)
				? `done: ${scoreText(last)}`
				: `left at question ${last.index + 1} of ${asked}${last.outcomes.length > 0 ? ` (${scoreText(last)})` : ''}`;
	return [`descent exercise ${flags}: ${where}`];
}
