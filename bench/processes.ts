/**
 * Child processes of the bench: each with a timeout, each remembered until it exits so
 * that an abandoned part can end them; spawn-to-exit times; the modules a command resolves;
 * peak memory through /usr/bin/time -v.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

const live = new Set<ChildProcess>();

export type Finished = {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	/** Spawn to exit, wall clock. */
	readonly ms: number;
	readonly stdout: string;
	readonly stderr: string;
};

export type RunOptions = {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	readonly timeoutMs?: number;
};

/** Runs a command to its end; rejects when it fails to start, exits non-zero, or outlives its timeout (then it is killed). */
export async function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Finished> {
	const {timeoutMs = 60_000} = options;
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(command, args, {cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe']});
		live.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (data: Buffer) => {
			stdout += data.toString();
		});
		child.stderr.on('data', (data: Buffer) => {
			stderr += data.toString();
		});
		const timer = setTimeout(() => {
			killTree(child);
			reject(new Error(`${path.basename(command)} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s`));
		}, timeoutMs);
		child.on('error', error => {
			clearTimeout(timer);
			live.delete(child);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			const ms = performance.now() - start;
			clearTimeout(timer);
			live.delete(child);
			// the streams may still hold the last output: wait for them to close
			child.on('close', () => {
				if (code === 0) {
					resolve({code, signal, ms, stdout, stderr});
				} else {
					const last = stderr.trim().split('\n').at(-1) ?? '';
					reject(new Error(`${path.basename(command)} ${args.slice(0, 4).join(' ')} … exited with ${code ?? signal}: ${last}`));
				}
			});
		});
	});
}

function killTree(child: ChildProcess): void {
	try {
		child.kill('SIGTERM');
		setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 2000).unref();
	} catch {
		// gone already
	}
}

/** Ends every child process still running (an abandoned part's). */
export function killAll(): void {
	for (const child of live) {
		killTree(child);
	}
}

/** The node running the bench: every child runs the same. */
export const node = process.execPath;

/** The machine's own /usr/bin/time (GNU time), when there is one: `-v` reports the peak RSS. */
export const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** What /usr/bin/time -v wrote to `file`: the peak RSS in bytes and the CPU time (user + system) in ms. */
export type TimeReport = {readonly maxRss: number; readonly cpuMs: number};

export function timeReportOf(file: string): TimeReport | undefined {
	const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const kilobytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1];
	const user = /User time \(seconds\): ([\d.]+)/.exec(text)?.[1];
	const system = /System time \(seconds\): ([\d.]+)/.exec(text)?.[1];
	if (kilobytes === undefined || user === undefined || system === undefined) {
		return undefined;
	}

	return {maxRss: Number(kilobytes) * 1024, cpuMs: (Number(user) + Number(system)) * 1000};
}

/** A fresh file name for /usr/bin/time -o. */
export const timeFile = () => path.join(os.tmpdir(), `descent-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);

/** `node args…` under /usr/bin/time -v: its peak RSS, CPU time and wall time (spawn to exit). */
export async function timedNode(args: readonly string[], cwd: string, timeoutMs: number): Promise<TimeReport & {ms: number; stdout: string}> {
	if (!TIME) {
		throw new Error('/usr/bin/time is not installed');
	}

	const file = timeFile();
	try {
		const result = await run(TIME, ['-v', '-o', file, node, ...args], {cwd, timeoutMs});
		const report = timeReportOf(file);
		if (!report) {
			throw new Error('/usr/bin/time -v reported no maximum resident set size');
		}

		return {...report, ms: result.ms, stdout: result.stdout};
	} finally {
		fs.rmSync(file, {force: true});
	}
}

export type ModuleCensus = {readonly modules: number; readonly dashboard: number; readonly dashboardFiles: readonly string[]};

/** Whether a file of the bundle (or of node_modules) holds React or ink: their element symbols and host element names. */
export function holdsDashboard(url: string): boolean {
	if (/\/node_modules\/(ink|react|react-reconciler)\//.test(url)) {
		return true;
	}

	if (!url.startsWith('file:')) {
		return false;
	}

	try {
		return /react\.transitional\.element|ink-text|ink-box/.test(fs.readFileSync(new URL(url), 'utf8'));
	} catch {
		return false;
	}
}

/** The modules `node args…` resolves (through bench/module-trace.ts), and how many of them are ink's or React's. */
export async function moduleCensus(args: readonly string[], cwd: string, hook: string): Promise<ModuleCensus> {
	const log = path.join(os.tmpdir(), `descent-bench-modules-${process.pid}.txt`);
	fs.rmSync(log, {force: true});
	const register = `import {register} from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)});`;
	try {
		await run(node, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, ...args], {
			cwd,
			env: {...process.env, DESCENT_BENCH_MODULE_LOG: log},
			timeoutMs: 30_000,
		});
		// no log at all: nothing was resolved (node -e 0)
		const urls = fs.existsSync(log) ? [...new Set(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean))] : [];
		const dashboard = urls.filter(url => holdsDashboard(url));
		return {modules: urls.length, dashboard: dashboard.length, dashboardFiles: dashboard.map(url => path.basename(url))};
	} finally {
		fs.rmSync(log, {force: true});
	}
}
