/**
 * `npm run bench`: training speed against a hand-written loop and the tutorial's numpy
 * listing, start-up time, memory over long runs, and the dashboard against headless.
 * One run of about a minute; every part reports instead of hanging.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {memoryRun, moduleCensus, wallTime, type MemoryRun} from './processes.js';
import {runInTerminal, type TerminalRun} from './pseudo-terminal.js';
import {count, decimal, heading, megabytes, megabytesChange, median, milliseconds, ratio, seconds, table} from './report.js';
import {
	compareHandToGeneric,
	genericRun,
	handRun,
	limitSpec,
	measureNumpy,
	measureTogether,
	networkRun,
	tutorial10,
	tutorial3,
	wideSpec,
	type Speed,
} from './training.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const benchSource = path.join(root, 'bench');
// the tutorial's listing timed on this machine when python3 had numpy
const NUMPY_REFERENCE = 45_000;
const HAND_GOAL = 0.5;
const NUMPY_GOAL = 100;
const DASHBOARD_GOAL = 0.7;
const DASHBOARD_ITERATIONS = 3_000_000;
const DASHBOARD_TIMEOUT_MS = 60_000;

const print = (text = '') => process.stdout.write(text + '\n');
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
const goals: string[] = [];

function machine(): string {
	let cpu = os.cpus()[0]?.model ?? 'unknown';
	try {
		cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
	} catch {}

	const load = os
		.loadavg()
		.map(n => decimal(n, 2))
		.join(' ');
	return [
		`node ${process.version} (${process.platform} ${process.arch}, V8 ${process.versions.v8})`,
		`CPU  ${cpu}, ${os.cpus().length} logical cores; kernel ${os.release()}; load average ${load}`,
		`date ${new Date().toISOString()}`,
	].join('\n');
}

/** Busy CPU ticks of the whole machine and of this process with its waited-for children (Linux). */
function cpuTicks(): {machine: number; ours: number} | undefined {
	try {
		const [, ...machine] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
		const idle = (machine[3] ?? 0) + (machine[4] ?? 0);
		// the fields after the command name, which is in parentheses
		const self = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ').map(Number);
		const ours = self.slice(11, 15).reduce((sum, ticks) => sum + ticks, 0);
		return {machine: machine.slice(0, 8).reduce((sum, ticks) => sum + ticks, 0) - idle, ours};
	} catch {
		return undefined;
	}
}

// ---------------------------------------------------------------------------------------
function trainingSpeed(): void {
	print(heading('1. Training speed (iterations per second; warm-up, then 5 interleaved rounds of ~250 ms runs)'));
	const [hand, generic3, generic10, genericWide] = measureTogether([
		{name: 'hand-specialised 3-2-1 loop', run: handRun},
		{name: 'generic Trainer, tutorial-3', run: genericRun(tutorial3, tutorial3.learningRate)},
		{name: 'generic Trainer, tutorial-10', run: genericRun(tutorial10, tutorial10.learningRate)},
		{name: 'generic Trainer, 64-32-4 x 16 samples', run: genericRun(wideSpec(), 0.001)},
	]) as [Speed, Speed, Speed, Speed];
	const numpy = measureNumpy(benchSource, 5);
	const numpyRate = numpy.available ? numpy.speed.median : NUMPY_REFERENCE;

	// the ratios compare the same network: the 3-2-1 of the tutorial
	type Row = {speed: Speed; weights: number; samples: number; tutorial: boolean};
	const rows: Row[] = [
		{speed: hand, weights: 8, samples: 1, tutorial: true},
		{speed: generic3, weights: 8, samples: 1, tutorial: true},
		{speed: generic10, weights: 22, samples: 1, tutorial: false},
		{speed: genericWide, weights: 64 * 32 + 32 * 4, samples: 16, tutorial: false},
	];
	const cells = rows.map(({speed, weights, samples, tutorial}) => [
		speed.name,
		count(weights),
		count(samples),
		count(speed.median),
		count(speed.best),
		count(speed.cpuMedian),
		decimal(1e9 / speed.median, 1),
		tutorial ? ratio(speed.median / hand.median) : '',
		tutorial ? ratio(speed.median / numpyRate) : '',
	]);
	if (numpy.available) {
		const {speed} = numpy;
		cells.push([
			`tutorial's numpy listing (${numpy.versions})`,
			'8',
			'1',
			count(speed.median),
			count(speed.best),
			count(speed.cpuMedian),
			decimal(1e9 / speed.median, 0),
			ratio(speed.median / hand.median),
			'1.00x',
		]);
	} else {
		cells.push([
			`tutorial's numpy listing: reference figure`,
			'8',
			'1',
			count(NUMPY_REFERENCE),
			'',
			'',
			decimal(1e9 / NUMPY_REFERENCE, 0),
			ratio(NUMPY_REFERENCE / hand.median),
			'1.00x',
		]);
	}

	print(table(['run', 'weights', 'samples', 'median it/s', 'best it/s', 'CPU it/s', 'ns/iteration', 'vs hand', 'vs numpy'], cells, 'lrrrrrrrr'));
	print();
	print(`  runs timed: ${rows.map(({speed}) => `${speed.name.replace('generic Trainer, ', '')} ${count(speed.iterations)}`).join('; ')} iterations`);
	print(`  spread (min..max it/s): ${rows.map(({speed}) => `${count(Math.min(...speed.rates))}..${count(speed.best)}`).join('; ')}`);
	print('  ratios use the wall-clock medians; CPU it/s is iterations per CPU-second of the process (median), less disturbed by other load');
	if (numpy.available) {
		print(
			`  numpy: 80,000 iterations per run, ${numpy.speed.rates.length} runs after a 2,000-iteration warm-up, without the listing's per-iteration print(predicted)`,
		);
	} else {
		print(`  numpy: not available (${numpy.reason}); using the reference figure of about ${count(NUMPY_REFERENCE)} iterations/s measured here`);
	}

	const agreement = compareHandToGeneric(80_000);
	const same = agreement.maxWeightDifference === 0;
	print(
		`  check: after 80,000 iterations the hand loop and the generic trainer ${same ? 'agree bit for bit' : `differ by up to ${agreement.maxWeightDifference.toExponential(2)} in a weight`}` +
			` (predicted ${agreement.hand.predicted} / ${agreement.genericPredicted})`,
	);
	if (numpy.available) {
		const difference = Math.abs(numpy.predicted - agreement.genericPredicted);
		print(`  check: the numpy listing's last predicted is ${numpy.predicted} (differs from the generic trainer's by ${difference.toExponential(2)})`);
	}

	// small networks run Network.iterate written out for their shape: is that still the faster form?
	const unrolling = measureTogether([
		{name: 'tutorial-3 unrolled', run: networkRun(tutorial3, tutorial3.learningRate, 'always')},
		{name: 'tutorial-3 loops', run: networkRun(tutorial3, tutorial3.learningRate, 'never')},
		{name: '14-8-2 unrolled', run: networkRun(limitSpec(), 0.01, 'always')},
		{name: '14-8-2 loops', run: networkRun(limitSpec(), 0.01, 'never')},
	]);
	print();
	print('  the Network alone, unrolled for its shape vs with loops (source/core/unrolled.ts):');
	for (let k = 0; k < unrolling.length; k += 2) {
		const [unrolled, loops] = [unrolling[k]!, unrolling[k + 1]!];
		print(
			`    ${unrolled.name.replace(' unrolled', '').padEnd(12)} unrolled ${count(unrolled.median)} it/s, loops ${count(loops.median)} it/s: ${ratio(unrolled.median / loops.median)}`,
		);
	}

	print('    (14-8-2, one sample, is 128 terms: the largest network that is unrolled; below 1.00x the limit is too high)');

	const handRatio = generic3.median / hand.median;
	const numpyRatio = generic3.median / numpyRate;
	const cpuHandRatio = generic3.cpuMedian / hand.cpuMedian;
	const byCpu = (value: number, goal: number) => `; by CPU time ${ratio(value)}: ${verdict(value >= goal)}`;
	goals.push(
		`generic tutorial-3 = ${ratio(handRatio)} the hand loop (goal >= ${HAND_GOAL}x): ${verdict(handRatio >= HAND_GOAL)}${byCpu(cpuHandRatio, HAND_GOAL)}`,
		`generic tutorial-3 = ${ratio(numpyRatio)} the numpy listing${numpy.available ? '' : ' (reference figure)'} (goal >= ${NUMPY_GOAL}x): ${verdict(numpyRatio >= NUMPY_GOAL)}` +
			(numpy.available ? byCpu(generic3.cpuMedian / numpy.speed.cpuMedian, NUMPY_GOAL) : ''),
	);
}

// ---------------------------------------------------------------------------------------
function startUp(): void {
	print(heading('2. Start-up (wall time, spawn to exit; median of 10 after one untimed run)'));
	const node = process.execPath;
	const hook = path.join(import.meta.dirname, 'module-trace.js');
	const inkImport = "await import('ink'); await import('react');";
	const commands = [
		{label: 'bare node (node -e "")', args: ['-e', '']},
		{label: 'descent --help', args: ['dist/cli.js', '--help']},
		{label: 'descent --headless --iterations 1 --seed 0', args: ['dist/cli.js', '--headless', '--iterations', '1', '--seed', '0']},
		{label: 'import ink + react (node --input-type=module -e)', args: ['--input-type=module', '-e', inkImport]},
	];
	const results = commands.map(({label, args}) => ({
		times: wallTime(label, node, args, root),
		census: moduleCensus(args, root, hook),
	}));
	print(
		table(
			['command', 'median', 'min', 'max', 'modules resolved', 'of ink', 'of react'],
			results.map(({times, census}) => [
				times.label,
				milliseconds(times.median),
				milliseconds(times.min),
				milliseconds(times.max),
				count(census.modules),
				count(census.ink),
				count(census.react),
			]),
			'lrrrrrr',
		),
	);
	const [bare, help, headless, ink] = results.map(result => result.times.median) as [number, number, number, number];
	const headlessInk = results[2]!.census.ink + results[2]!.census.react;
	print();
	print(
		`  ink + react cost ${milliseconds(ink - bare)} above bare node; descent --headless costs ${milliseconds(headless - bare)} above it, --help ${milliseconds(help - bare)}`,
	);
	print(`  the headless run resolves ${count(headlessInk)} ink/react modules (traced with a module resolve hook)`);
	goals.push(
		`headless start-up does not load ink (${count(headlessInk)} ink/react modules, ${milliseconds(headless)} vs ${milliseconds(ink)} for importing ink): ${verdict(headlessInk === 0)}`,
	);
}

// ---------------------------------------------------------------------------------------
function memory(): void {
	print(heading('3. Memory of headless tutorial-3 runs (the error history is bounded)'));
	const probe = path.join(import.meta.dirname, 'memory-probe.js');
	const runs: MemoryRun[] = [100_000, 10_000_000].map(iterations => memoryRun(iterations, root, probe));
	const anyCli = runs.some(run => run.cli);
	print(
		table(
			[
				'iterations',
				...(anyCli ? ['CLI wall', 'CLI max RSS'] : []),
				'training',
				'heap used (after gc)',
				'RSS',
				'max RSS',
				'history buckets',
				'iterations/bucket',
			],
			runs.map(({iterations, cli, probe}) => [
				count(iterations),
				...(anyCli ? [cli ? seconds(cli.seconds * 1000) : 'n/a', cli ? megabytes(cli.maxRss) : 'n/a'] : []),
				seconds(probe.seconds * 1000),
				megabytes(probe.heapUsed),
				megabytes(probe.rss),
				megabytes(probe.maxRss),
				count(probe.historyLength),
				count(probe.iterationsPerBucket),
			]),
			anyCli ? 'rrrrrrrrr' : 'rrrrrrr',
		),
	);
	const [small, large] = runs as [MemoryRun, MemoryRun];
	const growth = large.probe.maxRss - small.probe.maxRss;
	const heapGrowth = large.probe.heapUsed - small.probe.heapUsed;
	print();
	print(`  CLI: /usr/bin/time -v node dist/cli.js --headless --iterations N --seed 0${anyCli ? '' : ' (not available)'}`);
	print('  the rest: node --expose-gc dist/bench/memory-probe.js N (Trainer.runToEnd in-process, then gc, then process.memoryUsage)');
	print(
		`  100x the iterations: max RSS ${megabytesChange(growth)}, heap ${megabytesChange(heapGrowth)}, history ${count(small.probe.historyLength)} -> ${count(large.probe.historyLength)} buckets`,
	);
	const bounded = large.probe.historyLength <= 1024 && growth < 8 * 1_048_576;
	goals.push(`memory does not grow with iterations (10,000,000 vs 100,000: max RSS ${megabytesChange(growth)}): ${verdict(bounded)}`);
}

// ---------------------------------------------------------------------------------------
async function dashboardVersusHeadless(): Promise<void> {
	const iterations = String(DASHBOARD_ITERATIONS);
	const total = count(DASHBOARD_ITERATIONS);
	print(heading(`4. Dashboard vs headless at --speed max (${total} iterations of tutorial-3, 120x40 pseudo-terminal)`));
	const base = {cwd: root, columns: 120, rows: 40};
	const headlessRuns: TerminalRun[] = [];
	for (let k = 0; k < 3; k++) {
		headlessRuns.push(
			await runInTerminal({...base, args: ['dist/cli.js', '--headless', '--speed', 'max', '--iterations', iterations, '--seed', '0'], timeoutMs: 60_000}),
		);
	}

	const headlessOk = headlessRuns.flatMap(run => (run.ok ? [run] : []));
	if (headlessOk.length === 0) {
		const failure = headlessRuns[0]!;
		print(`  headless: not measured (${failure.ok ? '' : failure.reason})`);
		goals.push('dashboard vs headless: not measured (headless failed)');
		return;
	}

	const headless = median(headlessOk.map(run => run.ms));
	// its own summary: `done: 3,000,000 iterations in 0.83 s`
	const trainingTimes = headlessOk.flatMap(run => {
		const match = /done: [\d,]+ iterations in ([\d.]+) s/.exec(run.screen.replaceAll('\n', ' '));
		return match ? [Number(match[1]) * 1000] : [];
	});
	const headlessTraining = trainingTimes.length > 0 ? median(trainingTimes) : undefined;
	const rows = [
		[
			'headless (spawn to exit)',
			milliseconds(headless),
			headlessOk.map(run => count(run.ms)).join(', '),
			headlessTraining === undefined ? '' : `${milliseconds(headlessTraining)} (its summary)`,
			'',
		],
	];

	const dashboardModule = path.join(root, 'dist', 'source', 'ui', 'run-dashboard.js');
	let dashboardNote: string | undefined;
	const dashboardRuns: Array<TerminalRun & {ok: true}> = [];
	let lastScreen = '';
	if (fs.existsSync(dashboardModule)) {
		const started = performance.now();
		for (let k = 0; k < 3; k++) {
			const run = await runInTerminal({
				...base,
				args: ['dist/cli.js', '--speed', 'max', '--iterations', iterations, '--seed', '0'],
				timeoutMs: DASHBOARD_TIMEOUT_MS,
				until: {screen: /\bdone\b/, quit: 'q'},
			});
			lastScreen = run.screen;
			if (!run.ok) {
				dashboardNote = run.reason;
				break;
			}

			dashboardRuns.push(run);
			if (run.exitCode === undefined) {
				dashboardNote = "it showed 'done' but did not exit within 5 s of q (ended by the bench)";
			}

			// one slow run is enough to judge; keep the bench near two minutes
			if (performance.now() - started > 30_000) {
				break;
			}
		}
	} else {
		dashboardNote = `${path.relative(root, dashboardModule)} is not built`;
	}

	if (dashboardRuns.length === 0) {
		print(
			table(
				['run', 'median', 'runs (ms)', 'training'],
				rows.map(row => row.slice(0, 4)),
				'lrrr',
			),
		);
		print();
		print(`  dashboard: not measured (${dashboardNote ?? 'no run'})`);
		const shown = lastScreen
			.split('\n')
			.filter(line => line.trim() !== '')
			.slice(0, 6);
		if (shown.length > 0) {
			print('  its last screen began:');
			for (const line of shown) {
				print(`    | ${line}`);
			}
		}

		goals.push(`dashboard vs headless: not measured (${dashboardNote ?? 'no run'})`);
		return;
	}

	const dashboard = median(dashboardRuns.map(run => run.ms));
	const firstScreens = dashboardRuns.flatMap(run => (run.firstScreenMs === undefined ? [] : [run.firstScreenMs]));
	const firstScreen = firstScreens.length > 0 ? median(firstScreens) : undefined;
	const dashboardTraining = firstScreen === undefined ? undefined : dashboard - firstScreen;
	// the trainer's own clock, from the summary line left after q: `… after 0.81 s of training, …`
	const trainerClocks = dashboardRuns.flatMap(run => {
		const match = /after ([\d.]+) s of training/.exec(run.screen.replaceAll('\n', ' '));
		return match ? [Number(match[1]) * 1000] : [];
	});
	const dashboardTrainerClock = trainerClocks.length > 0 ? median(trainerClocks) : undefined;
	rows.push([
		"dashboard (spawn to screen shows 'done')",
		milliseconds(dashboard),
		dashboardRuns.map(run => count(run.ms)).join(', '),
		dashboardTraining === undefined ? '' : `${milliseconds(dashboardTraining)} (first frame to done)`,
		ratio(dashboard / headless),
	]);
	print(table(['run', 'median', 'runs (ms)', 'training', 'vs headless'], rows, 'lrrrr'));
	print();
	const counted = lastScreen.includes(`${total} / ${total}`);
	print(`  requirement: dashboard time <= headless / ${DASHBOARD_GOAL} = ${milliseconds(headless / DASHBOARD_GOAL)}`);
	if (firstScreen !== undefined) {
		print(`  the dashboard's first frame appears ${milliseconds(firstScreen)} after spawn (node, the CLI and ink loading; see part 2)`);
	}

	if (dashboardTraining !== undefined && headlessTraining !== undefined) {
		print(
			`  first frame to done: dashboard ${milliseconds(dashboardTraining)} vs headless training ${milliseconds(headlessTraining)} = ${ratio(dashboardTraining / headlessTraining)}`,
		);
	}

	if (dashboardTrainerClock !== undefined && headlessTraining !== undefined) {
		const clockRatio = dashboardTrainerClock / headlessTraining;
		print(
			`  the trainer's own clock (start to done, rendering included): dashboard ${milliseconds(dashboardTrainerClock)} vs headless ${milliseconds(headlessTraining)} = ${ratio(clockRatio)}`,
		);
		goals.push(
			`dashboard training ${milliseconds(dashboardTrainerClock)} <= headless training ${milliseconds(headlessTraining)} / ${DASHBOARD_GOAL} (ratio ${ratio(clockRatio)}, at most ${ratio(1 / DASHBOARD_GOAL)}): ${verdict(clockRatio <= 1 / DASHBOARD_GOAL)}`,
		);
	}

	print(`  the final screen ${counted ? 'shows' : 'does NOT show'} 'iteration ${total} / ${total}'`);
	if (dashboardNote) {
		print(`  note: ${dashboardNote}`);
	}

	goals.push(
		`dashboard ${milliseconds(dashboard)} <= headless ${milliseconds(headless)} / ${DASHBOARD_GOAL}, spawn to done (ratio ${ratio(dashboard / headless)}, at most ${ratio(1 / DASHBOARD_GOAL)}): ${verdict(dashboard <= headless / DASHBOARD_GOAL)}` +
			(firstScreen === undefined ? '' : `; ink's loading alone takes ${milliseconds(firstScreen)} before the first frame`),
	);
}

// ---------------------------------------------------------------------------------------
const benchStart = performance.now();
const ticksAtStart = cpuTicks();
print('descent bench');
print(machine());
trainingSpeed();
startUp();
memory();
await dashboardVersusHeadless();
print(heading('Goals'));
for (const goal of goals) {
	print(`  ${goal}`);
}

print();
const took = performance.now() - benchStart;
print(`bench took ${seconds(took)}`);
const ticksAtEnd = cpuTicks();
if (ticksAtStart && ticksAtEnd) {
	// USER_HZ is 100 on Linux
	const others = (ticksAtEnd.machine - ticksAtStart.machine - (ticksAtEnd.ours - ticksAtStart.ours)) * 10;
	const available = took * os.cpus().length;
	print(
		`other processes used ${seconds(Math.max(0, others))} of the ${seconds(available)} CPU time of the bench (${decimal(Math.max(0, (100 * others) / available), 0)}%)`,
	);
	if (others > 0.1 * available) {
		print('note: the machine was shared while measuring; wall-clock figures are pessimistic (compare the CPU it/s column)');
	}
}
