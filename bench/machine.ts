/** The machine the bench runs on: what it is, how busy others keep it, and the copy of the built tree the bench runs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {decimal, seconds, type BenchTree} from './report.js';

export function machineLines(): string[] {
	let cpu = os.cpus()[0]?.model ?? 'unknown';
	try {
		cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
	} catch {
		// not Linux: the model os.cpus() gives
	}

	return [
		`node ${process.version} (${process.platform} ${process.arch}, V8 ${process.versions.v8})`,
		`CPU  ${cpu}, ${os.cpus().length} logical cores, ${decimal(os.totalmem() / 2 ** 30, 1)} GB; kernel ${os.release()}`,
		`load average ${loadAverage()} (1, 5, 15 min)`,
		`date ${new Date().toISOString()}`,
	];
}

export const loadAverage = () =>
	os
		.loadavg()
		.map(n => decimal(n, 2))
		.join(' ');

// USER_HZ: /proc reports CPU time in ticks of 1/100 s on Linux
const TICK_MS = 10;

/** Busy CPU ticks of the whole machine, and of this process with every child it has waited for (Linux). */
function cpuTicks(): {machine: number; ours: number} | undefined {
	try {
		const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
		// user nice system idle iowait irq softirq steal: busy is all but idle and iowait
		const busy = fields.slice(0, 8).reduce((sum, ticks) => sum + ticks, 0) - fields[3]! - fields[4]!;
		// the fields after the command name, which is in parentheses: utime stime cutime cstime are 14-17
		const self = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ').map(Number);
		return {machine: busy, ours: self.slice(11, 15).reduce((sum, ticks) => sum + ticks, 0)};
	} catch {
		return undefined;
	}
}

/** Starts a CPU account; `end()` says how much CPU other processes took meanwhile. */
export function cpuAccount(): {end: () => {text: string; share: number} | undefined} {
	const start = cpuTicks();
	const started = performance.now();
	return {
		end() {
			const end = cpuTicks();
			if (!start || !end) {
				return undefined;
			}

			const wall = performance.now() - started;
			const ours = (end.ours - start.ours) * TICK_MS;
			const others = Math.max(0, (end.machine - start.machine) * TICK_MS - ours);
			const available = wall * os.cpus().length;
			const share = others / available;
			return {
				text: `${seconds(wall)}; the bench and its children used ${seconds(ours)} CPU, other processes ${seconds(others)} of the ${seconds(available)} available (${decimal(100 * share, 0)}%); load average now ${loadAverage()}`,
				share,
			};
		},
	};
}

const TREE_FILES = ['package.json', 'package-lock.json', 'cli.ts', 'build.mjs', 'source', 'bench'];

/**
 * Copies the built program (dist/, with the bench's bundles) and what `npm start` looks at
 * into a temporary folder, node_modules linked: others on this machine rebuild dist/ (which
 * empties it) while the bench runs. The copy's dist/cli.js is made newer than its sources:
 * an unchanged built tree, as `npm start` expects.
 */
export function copyTree(root: string): BenchTree {
	if (!fs.existsSync(path.join(root, 'dist', 'cli.js')) || !fs.existsSync(path.join(root, 'dist', 'bench', 'bench.js'))) {
		throw new Error(`${root}/dist is not built (someone may be rebuilding it): run npm run bench again`);
	}

	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-bench-'));
	for (const name of [...TREE_FILES, 'dist']) {
		fs.cpSync(path.join(root, name), path.join(folder, name), {recursive: true, preserveTimestamps: true});
	}

	fs.symlinkSync(path.join(root, 'node_modules'), path.join(folder, 'node_modules'));
	const now = new Date();
	fs.utimesSync(path.join(folder, 'dist', 'cli.js'), now, now);
	return {root: folder, cli: path.join(folder, 'dist', 'cli.js'), bench: path.join(folder, 'dist', 'bench')};
}

export function removeTree(tree: BenchTree): void {
	// rmSync removes the node_modules link, not what it points to
	fs.rmSync(tree.root, {recursive: true, force: true});
}
