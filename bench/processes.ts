import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {ProbeReport} from './memory-probe.js';
import {median} from './report.js';

export type WallTimes = {
	readonly label: string;
	readonly median: number;
	readonly min: number;
	readonly max: number;
};

/** Wall time of a whole process, spawn to exit, `repeats` times after one untimed run. */
export function wallTime(label: string, command: string, args: readonly string[], cwd: string, repeats = 10): WallTimes {
	const once = () => {
		const start = performance.now();
		const result = spawnSync(command, args, {cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000});
		const took = performance.now() - start;
		if (result.error || result.status !== 0) {
			throw new Error(`${label} failed: ${result.error?.message ?? String(result.stderr).trim()}`);
		}

		return took;
	};

	once();
	const times = Array.from({length: repeats}, once);
	return {label, median: median(times), min: Math.min(...times), max: Math.max(...times)};
}

export type ModuleCensus = {
	readonly modules: number;
	readonly ink: number;
	readonly react: number;
};

/** Which modules a command resolves, through the module-trace hook. */
export function moduleCensus(args: readonly string[], cwd: string, hook: string): ModuleCensus {
	const log = path.join(os.tmpdir(), `descent-bench-modules-${process.pid}.txt`);
	fs.rmSync(log, {force: true});
	const register = `import {register} from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)});`;
	spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, ...args], {
		cwd,
		stdio: 'ignore',
		env: {...process.env, DESCENT_BENCH_MODULE_LOG: log},
		timeout: 30_000,
	});
	const urls = fs.existsSync(log) ? [...new Set(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean))] : [];
	fs.rmSync(log, {force: true});
	return {
		modules: urls.length,
		ink: urls.filter(url => url.includes('/node_modules/ink/')).length,
		react: urls.filter(url => url.includes('/node_modules/react/')).length,
	};
}

export type MemoryRun = {
	readonly iterations: number;
	/** From /usr/bin/time -v around the real CLI, when available. */
	readonly cli?: {readonly maxRss: number; readonly seconds: number};
	readonly probe: ProbeReport;
};

/** Peak memory of `descent --headless` and an in-process probe, for one iteration count. */
export function memoryRun(iterations: number, root: string, probe: string): MemoryRun {
	let cli: MemoryRun['cli'];
	if (fs.existsSync('/usr/bin/time')) {
		const args = ['-v', process.execPath, 'dist/cli.js', '--headless', '--iterations', String(iterations), '--seed', '0'];
		const start = performance.now();
		const result = spawnSync('/usr/bin/time', args, {cwd: root, encoding: 'utf8', timeout: 120_000});
		const seconds = (performance.now() - start) / 1000;
		const kilobytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '')?.[1];
		if (result.status === 0 && kilobytes) {
			cli = {maxRss: Number(kilobytes) * 1024, seconds};
		}
	}

	const result = spawnSync(process.execPath, ['--expose-gc', probe, String(iterations)], {cwd: root, encoding: 'utf8', timeout: 120_000});
	if (result.error || result.status !== 0) {
		throw new Error(`memory probe failed: ${result.error?.message ?? result.stderr}`);
	}

	return {iterations, ...(cli && {cli}), probe: JSON.parse(result.stdout) as ProbeReport};
}
