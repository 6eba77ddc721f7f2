import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect} from 'vitest';

/** The built program, as `node build.mjs` leaves it (tests run it as a user would). */
export const cli = path.join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export type CliResult = {readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string};

type RunOptions = {readonly cwd?: string | undefined; readonly env?: NodeJS.ProcessEnv | undefined};

/**
 * Runs `node dist/cli.js ...args` with pipes for stdin, stdout and stderr (so never a
 * terminal), and resolves when it exits.
 */
export async function runCli(args: readonly string[], {cwd, env, nodeOptions = []}: RunOptions & {nodeOptions?: readonly string[]} = {}): Promise<CliResult> {
	return runNode([...nodeOptions, cli, ...args], {cwd, env});
}

/** Runs `node ...args`; stdin is an empty pipe. */
export async function runNode(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
	return startNode(args, options).done;
}

/** A running program: its output so far, and a promise of how it ended. */
export type Running = {
	readonly child: ChildProcessWithoutNullStreams;
	readonly stdout: () => string;
	readonly stderr: () => string;
	/** Resolves once stdout holds text that `test` accepts (rejects if the program ends first). */
	readonly waitForStdout: (test: (stdout: string) => boolean) => Promise<string>;
	readonly done: Promise<CliResult>;
};

/** Starts `node dist/cli.js ...args` with pipes, for tests that read its output while it runs or send it a signal. */
export function startCli(args: readonly string[], {nodeOptions = [], ...options}: RunOptions & {nodeOptions?: readonly string[]} = {}): Running {
	return startNode([...nodeOptions, cli, ...args], options);
}

function startNode(args: readonly string[], {cwd, env}: RunOptions): Running {
	const child = spawn(process.execPath, args, {cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	const waiting = new Set<() => void>();
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
		for (const wake of waiting) {
			wake();
		}
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const done = new Promise<CliResult>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => {
			resolve({code, signal, stdout, stderr});
			for (const wake of waiting) {
				wake();
			}
		});
	});
	child.stdin.end();
	const waitForStdout = async (test: (text: string) => boolean) =>
		new Promise<string>((resolve, reject) => {
			const wake = () => {
				if (test(stdout)) {
					waiting.delete(wake);
					resolve(stdout);
				} else if (child.exitCode !== null || child.signalCode !== null) {
					waiting.delete(wake);
					reject(new Error(`the program ended first; stdout: ${stdout.slice(0, 500)} stderr: ${stderr.slice(0, 500)}`));
				}
			};

			waiting.add(wake);
			wake();
		});
	return {child, stdout: () => stdout, stderr: () => stderr, waitForStdout, done};
}

/** The contract for every bad input: exit code 2, one line on stderr naming the problem, no stack trace, nothing on stdout. */
export function expectOneLineError(result: CliResult, ...mentions: string[]): void {
	expect(result.code, result.stderr).toBe(2);
	expect(result.stdout).toBe('');
	const lines = result.stderr.split('\n');
	expect(lines, result.stderr).toHaveLength(2);
	expect(lines[1]).toBe('');
	expect(lines[0]).toMatch(/^descent: \S/);
	expect(result.stderr).not.toMatch(/^\s+at /m);
	expect(result.stderr).not.toMatch(/Error:|node:internal|file:\/\/|unexpected error/);
	for (const mention of mentions) {
		expect(lines[0]).toContain(mention);
	}
}

/** A new empty folder under the system's temporary folder. */
export function temporaryFolder(name: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), `descent-${name}-`));
}

/** `work` over every item, at most `limit` at a time, results in the items' order. */
export async function mapLimited<Item, Result>(items: readonly Item[], limit: number, work: (item: Item) => Promise<Result>): Promise<Result[]> {
	const results: Result[] = [];
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const k = next++;
			results[k] = await work(items[k]!);
		}
	};

	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

/** Whether this process runs as root, which reads and writes files whatever their modes. */
export const isRoot = process.getuid?.() === 0;
