/**
 * `npm run bench`: speed, start-up and memory of descent as ratios measured in one run,
 * interleaved, with their spread; the CPU other processes took meanwhile; and the goals,
 * each met or not. Every part has a timeout and reports instead of hanging.
 *
 * `bench.js --measure NAME` is one in-process measurement, in a child process of its own.
 */
import path from 'node:path';
import process from 'node:process';
import {closeAll} from '../test/harness/terminal.js';
import {benchSourceOf, measureMain} from './in-process.js';
import {copyTree, cpuAccount, machineLines, removeTree} from './machine.js';
import {DASHBOARD_GOALS, dashboardPart} from './part-dashboard.js';
import {KEYS_GOALS, keysPart} from './part-keys.js';
import {MAP_GOALS, mapPart} from './part-map.js';
import {MEMORY_GOALS, memoryPart} from './part-memory.js';
import {SURFACE_GOALS, surfacePart} from './part-surface.js';
import {STARTUP_GOALS, startupPart} from './part-startup.js';
import {TRAINING_GOALS, trainingPart} from './part-training.js';
import {killAll} from './processes.js';
import {decimal, goalLine, heading, seconds, type BenchTree, type GoalResult, type PartContext} from './report.js';
import {reason} from './terminal-runs.js';

type Part = {
	readonly title: string;
	readonly goals: readonly string[];
	readonly timeoutMs: number;
	readonly run: (context: PartContext) => Promise<void>;
};

const PARTS: Part[] = [
	{title: '1. Training speed, in-process (iterations per second)', goals: TRAINING_GOALS, timeoutMs: 240_000, run: trainingPart},
	{title: '2. Start-up', goals: STARTUP_GOALS, timeoutMs: 150_000, run: startupPart},
	{
		title: '3. Dashboard vs headless, 3,000,000 and 20,000,000 tutorial-3 iterations at --speed max',
		goals: DASHBOARD_GOALS,
		timeoutMs: 120_000,
		run: dashboardPart,
	},
	{title: '4. Keys on a slow network', goals: KEYS_GOALS, timeoutMs: 120_000, run: keysPart},
	{title: '5. Memory', goals: MEMORY_GOALS, timeoutMs: 150_000, run: memoryPart},
	{title: '6. The map', goals: MAP_GOALS, timeoutMs: 120_000, run: mapPart},
	{title: '7. The error surface, and races', goals: SURFACE_GOALS, timeoutMs: 240_000, run: surfacePart},
];

const print = (text = '') => process.stdout.write(text + '\n');

/** Runs one part against its timeout; a part that fails or times out is abandoned (its processes ended) and says so. */
async function runPart(part: Part, tree: BenchTree, results: Map<string, GoalResult>): Promise<void> {
	print(heading(part.title));
	const account = cpuAccount();
	const controller = new AbortController();
	let live = true;
	const context: PartContext = {
		print(text) {
			if (live) {
				print(text);
			}
		},
		goal(name, result) {
			if (live) {
				results.set(name, result);
			}
		},
		tree,
		signal: controller.signal,
	};
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<'timeout'>(resolve => {
		timer = setTimeout(() => resolve('timeout'), part.timeoutMs);
	});
	const outcome = await Promise.race([
		part.run(context).then(
			() => 'done' as const,
			(error: unknown) => ({error}),
		),
		timeout,
	]);
	clearTimeout(timer);
	if (outcome !== 'done') {
		live = false;
		controller.abort();
		const why = outcome === 'timeout' ? `not done within ${part.timeoutMs / 1000} s` : `failed: ${reason(outcome.error)}`;
		print(`  this part was abandoned: ${why}`);
		killAll();
		await closeAll();
		for (const name of part.goals) {
			if (!results.has(name)) {
				results.set(name, {met: undefined, text: `the part ${why}`});
			}
		}
	}

	const cpu = account.end();
	print(`  this part took ${cpu ? cpu.text : 'n/a (no /proc)'}`);
}

async function main(): Promise<void> {
	const root = path.resolve(import.meta.dirname, '..', '..');
	const started = performance.now();
	print('descent bench');
	for (const line of machineLines()) {
		print(line);
	}

	const tree = copyTree(root);
	const cleanUp = () => removeTree(tree);
	process.once('exit', cleanUp);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			killAll();
			process.exit(130);
		});
	}

	print(`runs the program from a copy of the built tree (others rebuild dist/ on this machine): ${tree.root}`);
	const account = cpuAccount();
	const results = new Map<string, GoalResult>();
	// `npm run bench -- 4 6`: only those parts
	const chosen = process.argv.slice(2).map(Number);
	const parts = chosen.length > 0 ? PARTS.filter((_, k) => chosen.includes(k + 1)) : PARTS;
	for (const part of parts) {
		await runPart(part, tree, results);
	}

	print(heading('Goals'));
	for (const name of parts.flatMap(part => part.goals)) {
		print(`  ${goalLine(name, results.get(name), 'no result')}`);
	}

	const cpu = account.end();
	print();
	print(`bench took ${seconds(performance.now() - started)}${cpu ? `; the parts took ${cpu.text}` : ''}`);
	if (cpu && cpu.share > 0.25) {
		print(
			`note: other processes took ${decimal(100 * cpu.share, 0)}% of the machine's CPU meanwhile: times are pessimistic, ratios (measured interleaved) less so`,
		);
	}
}

if (process.argv[2] === '--measure') {
	await measureMain(process.argv[3] ?? '', benchSourceOf(import.meta.dirname));
} else {
	await main();
}

// nothing may keep the bench alive: a child's stray timer, a closed terminal's handle
process.exit(0);
