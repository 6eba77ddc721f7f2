/** Part 3: the dashboard against headless on 3,000,000 tutorial-3 iterations at --speed max, interleaved. */
import fs from 'node:fs';
import {node, run, TIME, timedNode, timeFile, timeReportOf} from './processes.js';
import {milliseconds, pairedRatios, ratio, seconds, spreadOf, spreadText, table, type PartContext} from './report.js';
import {doneLine, open, quit, trainingTime, using} from './terminal-runs.js';

export const DASHBOARD_GOALS = [
	'dashboard training speed >= 0.95x headless (the trainer’s clock)',
	'dashboard spawn to done on screen <= headless spawn to exit / 0.7',
];

const ITERATIONS = '3000000';
const SHOWN = '3,000,000';
const ARGS = ['--seed', '0', '--iterations', ITERATIONS, '--speed', 'max'];

type Run = {readonly total: number; readonly training: number; readonly cpu: number | undefined};

async function headless(context: PartContext): Promise<Run> {
	const args = [context.tree.cli, '--headless', ...ARGS];
	const result = TIME ? await timedNode(args, context.tree.root, 60_000) : await run(node, args, {cwd: context.tree.root, timeoutMs: 60_000});
	const time = trainingTime(result.stdout.split('\n'));
	if (!time) {
		throw new Error(`headless printed no 'done: … in X s': ${result.stdout.slice(0, 200)}`);
	}

	return {total: result.ms, training: time.ms, cpu: 'cpuMs' in result ? result.cpuMs : undefined};
}

/** In the pseudo-terminal under /usr/bin/time -v (when there is one) for its CPU time: spawn to 'done' on the screen, then q. */
async function dashboard(context: PartContext): Promise<Run> {
	const file = timeFile();
	const session = open(context.tree, ARGS, TIME ? {command: [TIME, '-v', '-o', file, node, context.tree.cli]} : {});
	try {
		return await using(session, async () => {
			const total = await session.timeTo(doneLine(SHOWN), 60_000);
			const lines = await quit(session);
			const time = trainingTime(lines);
			if (!time) {
				throw new Error(`the dashboard printed no 'done: … in X s' after q: ${lines.slice(0, 3).join(' / ')}`);
			}

			return {total, training: time.ms, cpu: timeReportOf(file)?.cpuMs};
		});
	} finally {
		fs.rmSync(file, {force: true});
	}
}

export async function dashboardPart(context: PartContext): Promise<void> {
	const {print} = context;
	const runs = {headless: [] as Run[], dashboard: [] as Run[]};
	const started = performance.now();
	// at least 3 rounds; up to 5 while the part is under 25 s
	for (let round = 0; round < 5 && (round < 3 || performance.now() - started < 25_000); round++) {
		runs.headless.push(await headless(context));
		runs.dashboard.push(await dashboard(context));
	}

	const field = (list: Run[], key: keyof Run) => list.map(entry => entry[key] ?? Number.NaN);
	const cpu = (list: Run[]) => (list.every(entry => entry.cpu !== undefined) ? spreadText(spreadOf(field(list, 'cpu')), seconds) : 'n/a');
	const speed = pairedRatios(field(runs.headless, 'training'), field(runs.dashboard, 'training'));
	const total = pairedRatios(field(runs.dashboard, 'total'), field(runs.headless, 'total'));
	print(
		table(
			[
				`${SHOWN} iterations of tutorial-3 (${runs.headless.length} interleaved rounds)`,
				'spawn to end, median [min … max]',
				'training (its summary)',
				'CPU, start to exit',
			],
			[
				[
					'node dist/cli.js --headless (spawn to exit)',
					spreadText(spreadOf(field(runs.headless, 'total')), milliseconds),
					spreadText(spreadOf(field(runs.headless, 'training')), milliseconds),
					cpu(runs.headless),
				],
				[
					"dashboard at 120x40 (spawn to 'done' on screen)",
					spreadText(spreadOf(field(runs.dashboard, 'total')), milliseconds),
					spreadText(spreadOf(field(runs.dashboard, 'training')), milliseconds),
					cpu(runs.dashboard),
				],
			],
			'lrrr',
		),
	);
	print();
	print(`  training speed, dashboard / headless (headless time / dashboard time, per round): ${spreadText(speed, ratio)}`);
	print(`  spawn to end, dashboard / headless (per round): ${spreadText(total, ratio)}`);
	print('  training: the trainer’s own clock as each summary prints it (`done: 3,000,000 iterations in X s`, to 0.1 s)');
	print('  CPU: user + system time of the whole process (the dashboard’s worker thread included), /usr/bin/time -v; the dashboard’s');
	print('  includes drawing until q. The pseudo-terminal’s reader (this bench, parsing every frame) is a third busy thread on 2 cores.');
	context.goal(DASHBOARD_GOALS[0]!, {met: speed.median >= 0.95, text: `${ratio(speed.median)} [${ratio(speed.min)} … ${ratio(speed.max)}] (goal >= 0.95x)`});
	context.goal(DASHBOARD_GOALS[1]!, {
		met: total.median <= 1 / 0.7,
		text: `${ratio(total.median)} [${ratio(total.min)} … ${ratio(total.max)}] of headless (goal <= ${ratio(1 / 0.7)})`,
	});
}
