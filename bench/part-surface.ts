/** Part 7: the error surface's cost a frame at 120×40, and a race of 3 lanes against its 3 single runs. */
import path from 'node:path';
import {node, run} from './processes.js';
import {milliseconds, pairedRatios, ratio, spreadOf, spreadText, table, decimal, type PartContext} from './report.js';
import type {RaceSpeedReport, SurfaceCostReport} from './surface-probes.js';

export const SURFACE_GOALS = [
	'error surface adds <= 3 ms a frame at 120x40 (tutorial-3, spiral; median)',
	'a race of 3 lanes trains >= 0.9x the speed of its 3 single runs one after another',
];

async function measure<Report>(context: PartContext, name: string): Promise<Report> {
	const result = await run(node, [path.join(context.tree.bench, 'bench.js'), '--measure', name], {cwd: context.tree.root, timeoutMs: 120_000});
	return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Report;
}

export async function surfacePart(context: PartContext): Promise<void> {
	const {print} = context;
	const costs = await measure<SurfaceCostReport>(context, 'surface');
	const added = costs.map(cost => pairedRatios(cost.withMs, cost.withoutMs));
	const rows = costs.map(cost => {
		const extra = spreadOf(cost.withMs.map((ms, k) => ms - cost.withoutMs[k]!));
		return [
			`${cost.name}, ${cost.columns}x${cost.rows} pixels`,
			spreadText(extra, milliseconds),
			spreadText(spreadOf(cost.screenMs), milliseconds),
			decimal(cost.framesPerSurface, 1),
		];
	});
	print(table(['the error surface a frame (session: snapshot with it less without it)', 'session', 'screen (drawSurface)', 'frames a surface'], rows, 'lrrr'));
	print(
		`  with / without, per frame: ${added.map(spread => ratio(spread.median)).join(' · ')}; a surface costing more than 2 ms (SURFACE_BUDGET_MS) is spread over frames`,
	);
	const worst = Math.max(...costs.map(cost => spreadOf(cost.withMs.map((ms, k) => ms - cost.withoutMs[k]!)).median));
	context.goal(SURFACE_GOALS[0]!, {met: worst <= 3, text: `${milliseconds(worst)} at most (goal <= 3 ms)`});
	const races = await measure<RaceSpeedReport>(context, 'race');
	print();
	print(
		table(
			['3 lanes raced / 3 single runs one after another (in-process, headless)', 'race', 'singles', 'speed ratio', 'in CPU time'],
			races.map(race => [
				race.name,
				spreadText(spreadOf(race.raceMs), milliseconds),
				spreadText(spreadOf(race.singlesMs), milliseconds),
				spreadText(pairedRatios(race.singlesMs, race.raceMs), ratio),
				spreadText(pairedRatios(race.singlesCpuMs, race.raceCpuMs), ratio),
			]),
			'lrrrr',
		),
	);
	// the speed of training in this thread's CPU time: the wall clock's ratio moves by a tenth between runs when other processes take the cores in bursts
	const lowest = Math.min(...races.map(race => pairedRatios(race.singlesCpuMs, race.raceCpuMs).median));
	const wall = Math.min(...races.map(race => pairedRatios(race.singlesMs, race.raceMs).median));
	context.goal(SURFACE_GOALS[1]!, {met: lowest >= 0.9, text: `${ratio(lowest)} at the least in CPU time, ${ratio(wall)} by the wall clock (goal >= 0.9x)`});
}
