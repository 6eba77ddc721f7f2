/**
 * The dashboard in tmux: a terminal a person uses, written in C, that draws the dashboard
 * for about a hundredth of a core. The harness's pseudo-terminal parses every frame in
 * JavaScript and takes half a core of the machine's two, so the training speed is
 * measured here when tmux is installed. A server of its own (`-L`), ended at the close.
 */
import {spawnSync} from 'node:child_process';
import {node} from './processes.js';
import type {BenchTree} from './report.js';

const SOCKET = `descent-bench-${process.pid}`;
// each look spawns a tmux client: 5 a second cost the run 1-2 % of a core, 50 a second 20 %
const POLL_MS = 200;
let sessions = 0;

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], {encoding: 'utf8'});
const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
const sleep = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

/**
 * Runs `node dist/cli.js args…` at 120×40 until `done` shows (looked for every 0.2 s), presses
 * q, and returns the milliseconds from starting tmux to `done` and the lines it printed.
 */
export async function inTmux(tree: BenchTree, args: readonly string[], done: RegExp, timeoutMs: number): Promise<{total: number; lines: string[]}> {
	const name = `run${sessions++}`;
	// CI unset: Ink draws only the last frame when it sees CI; the pane stays open for the summary
	const command = `cd ${quote(tree.root)} && env -u CI ${[node, tree.cli, ...args].map(word => quote(word)).join(' ')}; sleep 60`;
	const start = performance.now();
	const created = tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '40', command);
	if (created.status !== 0) {
		throw new Error(`tmux new-session failed: ${created.stderr.trim()}`);
	}

	try {
		const screen = () => tmux('capture-pane', '-p', '-t', name).stdout;
		const until = async (test: (text: string) => boolean, what: string) => {
			for (;;) {
				const text = screen();
				if (test(text)) {
					return text;
				}

				if (performance.now() - start > timeoutMs) {
					throw new Error(`tmux: no ${what} within ${timeoutMs / 1000} s: ${text.split('\n').slice(0, 2).join(' / ')}`);
				}

				await sleep(POLL_MS);
			}
		};

		await until(text => done.test(text), String(done));
		const total = performance.now() - start;
		tmux('send-keys', '-t', name, 'q');
		const after = await until(text => /^reproduce: /m.test(text), 'summary after q');
		return {total, lines: after.split('\n')};
	} finally {
		tmux('kill-session', '-t', name);
	}
}

/** Ends the bench's tmux server, if it started one. */
export function closeTmux(): void {
	if (hasTmux) {
		tmux('kill-server');
	}
}
