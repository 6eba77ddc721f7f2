/**
 * The dashboard in a pseudo-terminal, through the end-to-end tests' harness
 * (test/harness/terminal.ts): start, time what shows, quit, read the summary it prints.
 */
import {afterDashboard, startTerminal, type TerminalOptions, type TerminalSession} from '../test/harness/terminal.js';
import {node} from './processes.js';
import type {BenchTree} from './report.js';

/** The status line of the first frame of `--seed 0 --paused` (tutorial-3's 80,000 iterations). */
export const FIRST_FRAME = / · iteration 0 \/ 80,000 · /;

/** The status line once a run of `iterations` is done. */
export const doneLine = (iterations: string) => new RegExp(`done · iteration ${iterations} / ${iterations} · `);

/** `node dist/cli.js args…` (or `options.command args…`) at 120×40 in a temporary folder. */
export function open(tree: BenchTree, args: readonly string[], options: TerminalOptions = {}): TerminalSession {
	return startTerminal(args, {command: [node, tree.cli], cols: 120, rows: 40, ...options});
}

/** Presses q and waits for the exit; returns the lines printed after the dashboard. Closes the session in any case. */
export async function quit(session: TerminalSession, timeoutMs = 10_000): Promise<string[]> {
	try {
		await session.press('q');
		const result = await session.exit(timeoutMs);
		return afterDashboard(result.output);
	} finally {
		await session.close();
	}
}

/** Runs `work` on a session and closes it, whatever happens. */
export async function using<T>(session: TerminalSession, work: (session: TerminalSession) => Promise<T>): Promise<T> {
	try {
		return await work(session);
	} finally {
		await session.close();
	}
}

/** Milliseconds from spawn to the first frame of `--seed 0 --paused`; then quits. */
export async function firstFrame(tree: BenchTree, options: TerminalOptions = {}): Promise<number> {
	const session = open(tree, ['--seed', '0', '--paused'], options);
	return using(session, async () => {
		const ms = await session.timeTo(FIRST_FRAME, 30_000);
		await quit(session);
		return ms;
	});
}

/** The summary's time: `done: 3,000,000 iterations in 1.2 s` or `stopped at iteration N / M after 1.2 s of training`. */
export function trainingTime(lines: readonly string[]): {iterations: number; ms: number} | undefined {
	const text = lines.join('\n');
	const done = /done: ([\d,]+) iterations in ([\d.]+) s/.exec(text);
	const stopped = /(?:stopped|paused) at iteration ([\d,]+) \/ [\d,]+ after ([\d.]+) s of training/.exec(text);
	const match = done ?? stopped;
	return match ? {iterations: Number(match[1]!.replaceAll(',', '')), ms: Number(match[2]) * 1000} : undefined;
}

/** The first line of an error's message: the harness adds whole screens. */
export function reason(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
