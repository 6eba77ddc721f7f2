/** Part 5: memory over long headless runs, the dashboard's peak, and snapshot sizes over a run. */
import fs from 'node:fs';
import path from 'node:path';
import type {ProbeReport} from './memory-probe.js';
import {node, run, TIME, timedNode, timeFile, timeReportOf} from './processes.js';
import {count, megabytes, megabytesChange, milliseconds, ratio, seconds, spreadOf, spreadText, table, type PartContext} from './report.js';
import type {SnapshotSizeReport} from './session-probes.js';
import {doneLine, open, quit, reason, using} from './terminal-runs.js';

export const MEMORY_GOALS = [
	'headless memory kept (heap + ArrayBuffers after gc) does not grow with iterations (10,000,000 vs 100,000)',
	'headless max RSS does not grow with iterations (10,000,000 vs 100,000)',
	'dashboard peak RSS <= 150 MB (tutorial-3, 300,000 iterations)',
	'snapshots do not grow with iterations (1,000 vs 1,000,000)',
];

const COUNTS = [100_000, 1_000_000, 10_000_000];

type Headless = {readonly iterations: number; readonly cli: number | undefined; readonly cliMs: number | undefined; readonly probe: ProbeReport};

async function headlessRuns(context: PartContext): Promise<Headless[]> {
	const runs: Headless[] = [];
	for (const iterations of COUNTS) {
		const args = [context.tree.cli, '--headless', '--seed', '0', '--iterations', String(iterations)];
		const cli = TIME ? await timedNode(args, context.tree.root, 90_000) : undefined;
		const probe = await run(node, ['--expose-gc', path.join(context.tree.bench, 'memory-probe.js'), String(iterations)], {
			cwd: context.tree.root,
			timeoutMs: 90_000,
		});
		runs.push({iterations, cli: cli?.maxRss, cliMs: cli?.ms, probe: JSON.parse(probe.stdout) as ProbeReport});
	}

	return runs;
}

function headlessTable(runs: readonly Headless[]): string {
	const rows = runs.map(({iterations, cli, cliMs, probe}) => [
		count(iterations),
		cli === undefined ? 'n/a' : megabytes(cli),
		cliMs === undefined ? 'n/a' : seconds(cliMs),
		megabytes(probe.maxRss),
		megabytes(probe.peakArrayBuffers),
		megabytes(probe.heapUsed),
		megabytes(probe.arrayBuffers),
		`${count(probe.historyLength)} x ${count(probe.iterationsPerBucket)}`,
	]);
	const header = [
		'tutorial-3 iterations',
		'CLI max RSS',
		'CLI wall',
		'probe max RSS',
		'ArrayBuffers at most',
		'heap after gc',
		'ArrayBuffers after gc',
		'history buckets x width',
	];
	return table(header, rows, 'rrrrrrrr');
}

function headlessGoals(context: PartContext, runs: readonly Headless[]): void {
	const [small, large] = [runs[0]!, runs.at(-1)!];
	const kept = (probe: ProbeReport) => probe.heapUsed + probe.arrayBuffers;
	const keptGrowth = kept(large.probe) - kept(small.probe);
	context.goal(MEMORY_GOALS[0]!, {met: keptGrowth < 2 ** 20, text: `${megabytesChange(keptGrowth)} for 100x the iterations (goal: under +1 MB)`});
	const cli = small.cli !== undefined && large.cli !== undefined;
	const growth = cli ? large.cli - small.cli : large.probe.maxRss - small.probe.maxRss;
	context.goal(MEMORY_GOALS[1]!, {
		met: growth < 8 * 2 ** 20,
		text: `${megabytesChange(growth)}${cli ? '' : ' (probe)'} for 100x the iterations, up to ${megabytes(large.probe.peakArrayBuffers)} of ArrayBuffers not yet collected (goal: under +8 MB)`,
	});
}

/** The dashboard's peak RSS (its worker thread included: one process) through /usr/bin/time -v in the pseudo-terminal. */
async function dashboardPeak(context: PartContext): Promise<number> {
	if (!TIME) {
		throw new Error('/usr/bin/time is not installed');
	}

	const file = timeFile();
	try {
		const session = open(context.tree, ['--seed', '0', '--speed', 'max', '--iterations', '300000'], {
			command: [TIME, '-v', '-o', file, node, context.tree.cli],
		});
		await using(session, async () => {
			await session.timeTo(doneLine('300,000'), 60_000);
			await quit(session);
		});
		const report = timeReportOf(file);
		if (!report) {
			throw new Error('/usr/bin/time -v wrote no maximum resident set size');
		}

		return report.maxRss;
	} finally {
		fs.rmSync(file, {force: true});
	}
}

async function snapshotRows(context: PartContext): Promise<SnapshotSizeReport> {
	const result = await run(node, [path.join(context.tree.bench, 'bench.js'), '--measure', 'snapshots'], {cwd: context.tree.root, timeoutMs: 60_000});
	return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as SnapshotSizeReport;
}

export async function memoryPart(context: PartContext): Promise<void> {
	const {print} = context;
	const runs = await headlessRuns(context);
	print(headlessTable(runs));
	print('  CLI: /usr/bin/time -v node dist/cli.js --headless --seed 0 --iterations N. probe: node --expose-gc dist/bench/memory-probe.js N:');
	print('  one Trainer stepped to N in slices, the largest process.memoryUsage().arrayBuffers between slices, then gc, then its memory');
	headlessGoals(context, runs);
	try {
		const peak = await dashboardPeak(context);
		print(`  dashboard peak RSS (/usr/bin/time -v around node dist/cli.js --seed 0 --speed max --iterations 300000, 120x40, q when done): ${megabytes(peak)}`);
		context.goal(MEMORY_GOALS[2]!, {met: peak <= 150 * 2 ** 20, text: `${megabytes(peak)} (goal <= 150 MB)`});
	} catch (error) {
		print(`  dashboard peak RSS: not measured (${reason(error)})`);
		context.goal(MEMORY_GOALS[2]!, {met: undefined, text: reason(error)});
	}

	const {sizes} = await snapshotRows(context);
	print();
	print(
		table(
			['tutorial-3 snapshot at iteration', 'bytes posted (v8.serialize)', 'error history points', 'made and sent, median [min … max]', 'structuredClone'],
			sizes.map(size => [
				count(size.iteration),
				count(size.bytes),
				count(size.historyPoints),
				spreadText(spreadOf(size.snapshotMs), milliseconds),
				spreadText(spreadOf(size.cloneMs), milliseconds),
			]),
			'rrrrr',
		),
	);
	print(
		"  a SessionHost in-process (the worker's code) asked for the 120x40 view; v8.serialize of the snapshot it sends (what posting it writes); 20 snapshots",
	);
	print('  timed each (the session makes one a frame, 30 a second) and 20 structuredClones (posting one to the screen copies it so)');
	const [early, late] = [sizes[0]!, sizes.at(-1)!];
	const grown = late.bytes / early.bytes;
	context.goal(MEMORY_GOALS[3]!, {
		met: grown <= 1.25,
		text: `${count(early.bytes)} -> ${count(late.bytes)} bytes, ${ratio(grown)} for 1,000x the iterations (goal <= 1.25x)`,
	});
}
