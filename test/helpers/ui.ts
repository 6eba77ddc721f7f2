import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {createElement, Fragment, type ReactElement} from 'react';
import {expect} from 'vitest';
import {buildOptions, type Loaded} from '../../source/cli/build.js';
import {parseArgv} from '../../source/cli/parse.js';
import {raceLanes} from '../../source/cli/race.js';
import type {RaceLane} from '../../source/session/race.js';
import {LocalSession} from '../../source/session/client.js';
import type {RunOptions} from '../../source/session/options.js';
import {App} from '../../source/ui/App.js';

/** Keystrokes as a terminal sends them. */
export const KEY = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	escape: '\u001B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
} as const;

/** A number cut by an ellipsis: what the screen must never show. */
export const CUT_NUMBER = /\d…|…\d/;

/** How long a frame may take to show what a test waits for: generous, for a loaded machine. */
const TIMEOUT_MS = 5000;
const POLL_MS = 2;
// the real timer, kept from before a test fakes timers: polling goes on under vi.useFakeTimers
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/** The run options the command line's pure steps make of these flags (and of files "read", given as `loaded`). */
export function runOptions(flags: readonly string[], loaded: Partial<Loaded> = {}): RunOptions {
	return buildOptions(parseArgv(flags), {randomSeed: 0, ...loaded}).run;
}

export const plain = (text: string) => stripVTControlCharacters(text);

/** The lanes `--race` makes of these flags (as the command line does), undefined without --race. */
export function raceOptions(flags: readonly string[], loaded: Partial<Loaded> = {}): RaceLane[] | undefined {
	return raceLanes(parseArgv(flags), {randomSeed: 0, ...loaded})?.map(lane => ({flags: lane.flags, label: lane.label, run: lane.options.run}));
}

/** Polls `read` until `condition` holds of what it returns; fails with the last value and what was awaited. */
export async function waitFor<T>(read: () => T, condition: (value: T) => boolean, what: string, timeout = TIMEOUT_MS): Promise<T> {
	const end = performance.now() + timeout;
	for (;;) {
		const value = read();
		if (condition(value)) {
			return value;
		}

		if (performance.now() > end) {
			throw new Error(`timed out after ${timeout} ms waiting for ${what}; the last value:\n${String(value)}`);
		}

		await new Promise(resolve => realSetTimeout(resolve, POLL_MS));
	}
}

export type FrameTest = string | RegExp | ((frame: string) => boolean);

const describeTest = (test: FrameTest) => (typeof test === 'function' ? 'a frame' : String(test));
const holds = (test: FrameTest, frame: string) => (typeof test === 'string' ? frame.includes(test) : test instanceof RegExp ? test.test(frame) : test(frame));

export type Dashboard = {
	readonly session: LocalSession;
	/** The last frame written, escape codes included. */
	readonly raw: () => string;
	/** The last frame as text (escape codes stripped). */
	readonly frame: () => string;
	/** Every frame written so far. */
	readonly frames: readonly string[];
	/** Waits until the last frame (as text) passes `test`, and returns it. */
	readonly until: (test: FrameTest) => Promise<string>;
	/** Types `keys` (one keystroke after the other, each a write) then waits for `test`. */
	readonly press: (keys: string | readonly string[], test: FrameTest) => Promise<string>;
	/** Types keystrokes and does not wait. */
	readonly type: (...keys: string[]) => void;
	/** Resizes the terminal and waits for a frame of that width. */
	readonly resize: (columns: number, rows: number) => Promise<string>;
	readonly close: () => Promise<void>;
};

export type DashboardOptions = {
	readonly columns?: number;
	readonly rows?: number;
	readonly colour?: boolean;
	readonly loaded?: Partial<Loaded>;
};

const open: Dashboard[] = [];

/**
 * The App over a real session in this thread (`LocalSession`), in ink-testing-library's
 * terminal set to `columns` × `rows` before the App's first frame.
 */
export async function openDashboard(flags: readonly string[], {columns = 100, rows = 30, colour = false, loaded}: DashboardOptions = {}): Promise<Dashboard> {
	const session = new LocalSession(runOptions(flags, loaded), raceOptions(flags, loaded));
	// an empty tree first: the terminal gets its size before the App reads it
	const instance = render(createElement(Fragment));
	const setSize = (c: number, r: number) => {
		Object.defineProperty(instance.stdout, 'columns', {value: c, configurable: true, writable: true});
		Object.defineProperty(instance.stdout, 'rows', {value: r, configurable: true, writable: true});
	};

	setSize(columns, rows);
	instance.stdout.emit('resize');
	instance.rerender(createElement(App, {session, colour, frameMs: 0}));
	const frame = () => plain(instance.lastFrame() ?? '');
	const until = async (test: FrameTest) => waitFor(frame, value => holds(test, value), describeTest(test));
	const type = (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
		}
	};

	let closed = false;
	const dashboard: Dashboard = {
		session,
		raw: () => instance.lastFrame() ?? '',
		frame,
		frames: instance.frames,
		until,
		async press(keys, test) {
			type(...(typeof keys === 'string' ? [keys] : keys));
			return until(test);
		},
		type,
		async resize(c, r) {
			setSize(c, r);
			instance.stdout.emit('resize');
			// the status line's first line spans the width it was laid out for, or the too-small message says the size
			return until(text => text.includes(`(now ${c}×${r})`) || text.split('\n').some(line => line.length === c));
		},
		async close() {
			if (closed) {
				return;
			}

			closed = true;
			instance.unmount();
			instance.cleanup();
			await session.close();
		},
	};
	open.push(dashboard);
	await until(text => text !== '' && !text.includes('starting…'));
	return dashboard;
}

/**
 * For `afterEach`: closes every dashboard the test opened, and checks that no frame any of
 * them wrote showed a number cut by an ellipsis.
 */
export async function closeDashboards(): Promise<void> {
	const dashboards = open.splice(0);
	for (const dashboard of dashboards) {
		await dashboard.close();
	}

	for (const dashboard of dashboards) {
		for (const frame of dashboard.frames) {
			expect(plain(frame), 'a number cut by …').not.toMatch(CUT_NUMBER);
		}
	}
}

/** The lines of a frame. */
export const linesOf = (frame: string) => frame.split('\n');

/** The line of the frame that contains `text`, or ''. */
export const lineWith = (frame: string, text: string | RegExp) =>
	linesOf(frame).find(line => (typeof text === 'string' ? line.includes(text) : text.test(line))) ?? '';

/**
 * The lines inside a panel of the frame (between its borders, trailing blanks dropped),
 * the panel found by the start of its title: `panelLines(frame, 'Chain of')`. Empty when
 * no panel has that title.
 */
export function panelLines(frame: string, title: string): string[] {
	const lines = linesOf(frame);
	const top = lines.findIndex(line => line.includes(`╭─ ${title}`));
	if (top < 0) {
		return [];
	}

	const left = lines[top]!.indexOf(`╭─ ${title}`);
	const right = lines[top]!.indexOf('╮', left);
	const inside: string[] = [];
	for (const line of lines.slice(top + 1)) {
		if (line[left] !== '│') {
			break;
		}

		inside.push(line.slice(left + 2, right - 1).trimEnd());
	}

	return inside;
}

/** The number on the status line after `iteration `. */
export function iterationOf(frame: string): number | undefined {
	const match = /iteration ([\d,]+) \//.exec(frame);
	return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}

/** A terminal `columns` wide for components: each `frame` renders an element in it and returns the frame, escape codes kept. */
export function componentTerminal(columns = 100): {frame: (element: ReactElement) => string; close: () => void} {
	const instance = render(createElement(Fragment));
	Object.defineProperty(instance.stdout, 'columns', {value: columns, configurable: true, writable: true});
	instance.stdout.emit('resize');
	return {
		frame(element) {
			instance.rerender(element);
			return instance.lastFrame() ?? '';
		},
		close() {
			instance.unmount();
			instance.cleanup();
		},
	};
}

/** Renders an element once in a terminal `columns` wide and returns the frame, escape codes kept. */
export function frameAt(element: ReactElement, columns = 100): string {
	const terminal = componentTerminal(columns);
	try {
		return terminal.frame(element);
	} finally {
		terminal.close();
	}
}
