/** Part 6: the map, spiral 2-8-8-1 in the dashboard at 120×40 with and without it; its cost per frame in-process. */
import path from 'node:path';
import {sleep, type TerminalSession} from '../test/harness/terminal.js';
import {node, run} from './processes.js';
import {count, decimal, milliseconds, pairedRatios, ratio, spreadOf, spreadText, table, type PartContext} from './report.js';
import type {MapCostReport} from './session-probes.js';
import {open, quit, trainingTime, using} from './terminal-runs.js';

export const MAP_GOALS = ['spiral training speed with the map >= 0.8x without it (120x40)'];

const SPIRAL =
	'--dataset spiral --samples 500 --layers 2,8,8,1 --activation tanh --output-activation sigmoid --loss cross-entropy --bias --init xavier --optimizer adam --lr 0.01'.split(
		' ',
	);
const ARGS = [...SPIRAL, '--speed', 'max', '--iterations', '10000000', '--seed', '0', '--paused'];
const RUN_MS = 2000;

const MAP = /╭─ Map ─/;

type Rate = {readonly rate: number; readonly mapShown: boolean; readonly quitMs: number};

/** Iterations per second on the trainer's clock over about RUN_MS of training, the map shown or hidden (m); and how long q took. */
async function rate(context: PartContext, withMap: boolean): Promise<Rate> {
	const session = open(context.tree, ARGS);
	return using(session, async (s: TerminalSession) => {
		await s.timeTo(/ · iteration 0 \/ 10,000,000 · /, 30_000);
		await s.waitForRawMode();
		// the map comes with the snapshot that answers the screen's first view
		await s.waitFor(MAP, 10_000);
		if (!withMap) {
			await s.press('m');
			await s.waitForAbsence(MAP, 10_000);
		}

		const mapShown = MAP.test(await s.screen());
		await s.press('space');
		await s.waitFor(/running · iteration/, 10_000);
		await sleep(RUN_MS);
		const quitting = performance.now();
		const time = trainingTime(await quit(s, 60_000));
		if (!time || time.ms === 0) {
			throw new Error('no training time in the summary');
		}

		return {rate: (time.iterations * 1000) / time.ms, mapShown, quitMs: performance.now() - quitting};
	});
}

async function mapCost(context: PartContext): Promise<MapCostReport> {
	const result = await run(node, [path.join(context.tree.bench, 'bench.js'), '--measure', 'map'], {cwd: context.tree.root, timeoutMs: 60_000});
	return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as MapCostReport;
}

export async function mapPart(context: PartContext): Promise<void> {
	const {print} = context;
	const runs = {map: [] as Rate[], none: [] as Rate[]};
	const started = performance.now();
	// 3 rounds, or 2 when quitting is slow
	for (let round = 0; round < 3 && (round < 2 || performance.now() - started < 45_000); round++) {
		runs.map.push(await rate(context, true));
		runs.none.push(await rate(context, false));
	}

	const rates = {map: runs.map.map(entry => entry.rate), none: runs.none.map(entry => entry.rate)};
	const shown = {map: runs.map.every(entry => entry.mapShown), none: runs.none.some(entry => entry.mapShown)};
	const relative = pairedRatios(rates.map, rates.none);
	print(
		table(
			[`spiral 2-8-8-1 tanh, 500 samples, Adam, --speed max at 120x40 (${runs.map.length} interleaved rounds)`, 'it/s median [min … max]', 'q to exit'],
			[
				[
					`map shown${shown.map ? '' : ' (NOT seen on screen)'}`,
					spreadText(spreadOf(rates.map), count),
					spreadText(spreadOf(runs.map.map(entry => entry.quitMs)), milliseconds),
				],
				[
					`map hidden with m${shown.none ? ' (still seen on screen)' : ''}`,
					spreadText(spreadOf(rates.none), count),
					spreadText(spreadOf(runs.none.map(entry => entry.quitMs)), milliseconds),
				],
			],
			'lrr',
		),
	);
	print(`  with / without the map, per round: ${spreadText(relative, ratio)}`);
	print(`  each run: --paused, (m,) space, ${RUN_MS / 1000} s, q; it/s = iterations / training time of the summary ('stopped at … after X s');`);
	print('  training goes on until the session gets the quit: a slow q adds to both');
	context.goal(MAP_GOALS[0]!, {
		met: relative.median >= 0.8,
		text: `${ratio(relative.median)} [${ratio(relative.min)} … ${ratio(relative.max)}] (goal >= 0.8x)`,
	});
	const cost = await mapCost(context);
	const worker = spreadOf(cost.workerMs);
	const screen = spreadOf(cost.screenMs);
	print();
	print(
		table(
			[
				`the map's cost per frame, ${cost.columns}x${cost.rows} pixels (120x40), ${cost.workerMs.length} frames in-process`,
				'median [min … max]',
				'of a 33 ms frame',
			],
			[
				['session side: mapOf (its costMs), a forward pass per pixel', spreadText(worker, milliseconds), `${decimal((100 * worker.median) / 33, 1)}%`],
				['screen side: drawGrid, the lines of text', spreadText(screen, milliseconds), `${decimal((100 * screen.median) / 33, 1)}%`],
				...[
					['a whole snapshot with the map (the session answering a view)', spreadOf(cost.snapshotMs)] as const,
					['a whole snapshot without it', spreadOf(cost.snapshotWithoutMapMs)] as const,
				].map(([label, spread]) => [label, spreadText(spread, milliseconds), `${decimal((100 * spread.median) / 33, 1)}%`]),
			],
			'lrr',
		),
	);
}
