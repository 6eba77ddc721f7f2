import process from 'node:process';
import {render} from 'ink';
import {WorkerSession} from '../../session/client.js';
import type {Lesson} from '../../session/lesson/types.js';
import {hasColour} from '../colour.js';
import {LessonApp} from './LessonApp.js';
import {keptSessions} from './sessions.js';
import type {LessonState} from './state.js';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

export type LessonRun = {
	/** The step to open at, from 0. */
	readonly first: number;
	readonly workerUrl: URL;
	/** Keeps the step reached (from 0), each time it changes. */
	readonly keep: (step: number) => void;
};

export type LessonEnd = {readonly step: number; readonly finished: boolean; readonly signal: Signal | undefined};

/** Runs a lesson until the learner quits (or a signal, or the terminal closing): a training thread per run its steps show. */
export async function runLesson(lesson: Lesson, {first, workerUrl, keep}: LessonRun): Promise<LessonEnd> {
	const {stdout} = process;
	// a step continuing a run finds it as it was left
	const sessions = keptSessions(({options, race}) => {
		const session = new WorkerSession(options, workerUrl, race);
		session.onError(error => {
			failure = error;
			instance.unmount();
		});
		return session;
	});
	let failure: Error | undefined;
	let last: LessonState | undefined;
	let signal: Signal | undefined;
	stdout.write(ENTER_ALTERNATE_SCREEN);
	stdout.on('error', () => {});
	const onState = (state: LessonState) => {
		if (last?.step !== state.step) {
			keep(state.step);
		}

		last = state;
	};

	const instance = render(<LessonApp lesson={lesson} first={first} colour={hasColour(stdout)} sessionFor={sessions.for} onState={onState} />, {
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const handlers = SIGNALS.map(name => {
		const handler = () => {
			signal ??= name;
			instance.unmount();
		};

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
		if (signal !== 'SIGHUP') {
			stdout.write(`${LEAVE_ALTERNATE_SCREEN}\r\u001B[2K`);
		}

		await Promise.all(sessions.all().map(async session => session.close()));
	}

	if (failure) {
		throw failure;
	}

	const step = last?.step ?? first;
	return {step, finished: last !== undefined && last.met && step + 1 === lesson.steps.length, signal};
}
