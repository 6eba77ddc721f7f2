/** Part 2: start-up, spawn to exit and spawn to the dashboard's first frame, interleaved. */
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {holdsDashboard, moduleCensus, node, run} from './processes.js';
import {count, milliseconds, pairedRatios, ratio, spreadOf, spreadText, table, type PartContext} from './report.js';
import {firstFrame, reason} from './terminal-runs.js';

export const STARTUP_GOALS = [
	'the headless path loads 0 ink/react modules',
	'first frame <= 6x bare node -e 0 (spawn to exit)',
	'npm start first frame <= 2x node dist/cli.js first frame',
];

const COMMANDS = [
	{label: 'node -e 0', args: ['-e', '0']},
	{label: 'node dist/cli.js --help', args: ['CLI', '--help']},
	{label: 'node dist/cli.js --headless --iterations 1 --seed 0', args: ['CLI', '--headless', '--iterations', '1', '--seed', '0']},
];

async function spawnToExit(context: PartContext): Promise<number[][]> {
	const times: number[][] = COMMANDS.map(() => []);
	for (let round = 0; round <= 10; round++) {
		for (const [k, {args}] of COMMANDS.entries()) {
			const result = await run(
				node,
				args.map(arg => (arg === 'CLI' ? context.tree.cli : arg)),
				{cwd: context.tree.root, timeoutMs: 30_000},
			);
			// round 0 warms the file cache
			if (round > 0) {
				times[k]!.push(result.ms);
			}
		}
	}

	return times;
}

async function census(context: PartContext): Promise<string[][]> {
	const hook = path.join(context.tree.bench, 'module-trace.js');
	const rows: string[][] = [];
	for (const {label, args} of COMMANDS) {
		const result = await moduleCensus(
			args.map(arg => (arg === 'CLI' ? context.tree.cli : arg)),
			context.tree.root,
			hook,
		);
		rows.push([label, count(result.modules), count(result.dashboard)]);
		if (label.includes('--headless')) {
			const met = result.dashboard === 0;
			context.goal(STARTUP_GOALS[0]!, {
				met,
				text: `${count(result.dashboard)} of its ${count(result.modules)} modules${met ? '' : `: ${result.dashboardFiles.join(', ')}`}`,
			});
		}
	}

	return rows;
}

/** The detector must see the dashboard somewhere, or its 0 for the headless path means nothing. */
function detectorCheck(context: PartContext): string {
	const chunks = path.join(context.tree.root, 'dist', 'chunks');
	const holding = fs
		.readdirSync(chunks)
		.filter(name => holdsDashboard(pathToFileURL(path.join(chunks, name)).href))
		.map(name => name);
	return `the detector finds ink/react in ${holding.length > 0 ? holding.join(', ') : 'NO chunk (so it cannot be trusted)'}`;
}

async function frames(context: PartContext): Promise<{bare: number[]; cli: number[]; npm: number[]; rebuilt: boolean}> {
	const stamp = () => fs.statSync(context.tree.cli).mtimeMs;
	const before = stamp();
	const npm = {command: ['npm', 'start', '--'], cwd: context.tree.root, env: {npm_config_update_notifier: 'false'}};
	const result = {bare: [] as number[], cli: [] as number[], npm: [] as number[], rebuilt: false};
	for (let round = 0; round <= 5; round++) {
		const bare = (await run(node, ['-e', '0'], {timeoutMs: 30_000})).ms;
		const cli = await firstFrame(context.tree);
		const viaNpm = await firstFrame(context.tree, npm);
		if (round > 0) {
			result.bare.push(bare);
			result.cli.push(cli);
			result.npm.push(viaNpm);
		}
	}

	result.rebuilt = stamp() !== before;
	return result;
}

export async function startupPart(context: PartContext): Promise<void> {
	const {print} = context;
	const times = await spawnToExit(context);
	print(
		table(
			['spawn to exit (1 warm-up round, then 10 interleaved)', 'median [min … max]', 'vs node -e 0'],
			COMMANDS.map(({label}, k) => [label, spreadText(spreadOf(times[k]!), milliseconds), ratio(spreadOf(times[k]!).median / spreadOf(times[0]!).median)]),
			'lrr',
		),
	);
	print();
	try {
		print(table(['modules resolved (a resolve hook: bench/module-trace.ts)', 'all', 'ink/react'], await census(context), 'lrr'));
		print(`  ${detectorCheck(context)}`);
	} catch (error) {
		print(`  modules: not measured (${reason(error)})`);
		context.goal(STARTUP_GOALS[0]!, {met: undefined, text: reason(error)});
	}

	print();
	const measured = await frames(context);
	const toFrame = pairedRatios(measured.cli, measured.bare);
	const npmRatio = pairedRatios(measured.npm, measured.cli);
	print(
		table(
			['to the first frame at 120x40 (--seed 0 --paused; 1 warm-up round, then 5)', 'median [min … max]', 'ratio per round'],
			[
				['node -e 0, spawn to exit', spreadText(spreadOf(measured.bare), milliseconds), ''],
				['node dist/cli.js, spawn to the status line', spreadText(spreadOf(measured.cli), milliseconds), `${spreadText(toFrame, ratio)} of node -e 0`],
				['npm start --, spawn to the status line', spreadText(spreadOf(measured.npm), milliseconds), `${spreadText(npmRatio, ratio)} of node dist/cli.js`],
			],
			'lrr',
		),
	);
	print(
		`  npm start ${measured.rebuilt ? 'REBUILT the tree (its start script found a source newer than dist/cli.js)' : 'did not rebuild (the built tree was unchanged)'}; npm's update check off`,
	);
	context.goal(STARTUP_GOALS[1]!, {met: toFrame.median <= 6, text: `${ratio(toFrame.median)} [${ratio(toFrame.min)} … ${ratio(toFrame.max)}] (goal <= 6x)`});
	context.goal(STARTUP_GOALS[2]!, {
		met: npmRatio.median <= 2 && !measured.rebuilt,
		text: `${ratio(npmRatio.median)} [${ratio(npmRatio.min)} … ${ratio(npmRatio.max)}] (goal <= 2x)${measured.rebuilt ? '; it rebuilt' : ''}`,
	});
}
