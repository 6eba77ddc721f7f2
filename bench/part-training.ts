/** Part 1: training speed in-process, each group in a child process of its own. */
import path from 'node:path';
import {node, run} from './processes.js';
import {count, decimal, pairedRatios, ratio, spreadOf, spreadText, table, type PartContext, type Spread} from './report.js';
import type {SpeedReport} from './measure.js';
import type {GroupReport} from './training.js';
import {DIGITS_NAME, MNIST_NAME} from './training-matrix.js';

export const TRAINING_GOALS = [
	'generic Trainer >= 0.7x the hand-written 3-2-1 loop',
	"generic Trainer >= 100x the tutorial's numpy listing",
	`descent >= 1.0x a vectorised numpy trainer, ${DIGITS_NAME}`,
	`descent >= 1.0x a vectorised numpy trainer, ${MNIST_NAME}`,
];

const GROUPS = ['tutorial-3', 'tutorial-10', 'wide', 'kernel-tutorial-3', 'kernel-limit', 'xor', 'softmax', 'matrix'] as const;

async function measureGroup(context: PartContext, name: string): Promise<GroupReport | string> {
	try {
		const result = await run(node, [path.join(context.tree.bench, 'bench.js'), '--measure', name], {cwd: context.tree.root, timeoutMs: 90_000});
		return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as GroupReport;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

type Comparison = {readonly label: string; readonly a: string; readonly b: string; readonly goal?: number; readonly goalName?: string};

const COMPARISONS: Comparison[] = [
	{label: 'generic / hand, tutorial-3', a: 'generic Trainer, tutorial-3', b: 'hand-written 3-2-1 loop', goal: 0.7, goalName: TRAINING_GOALS[0]},
	{label: 'generic / numpy listing, tutorial-3', a: 'generic Trainer, tutorial-3', b: "tutorial's numpy listing", goal: 100, goalName: TRAINING_GOALS[1]},
	{label: 'generic / hand, xor 2-3-1 Adam', a: 'generic Trainer, xor 2-3-1 Adam', b: 'hand-written xor loop'},
	{label: 'generic / hand, 2-16-16-3 softmax batch 10', a: 'generic Trainer, 2-16-16-3 softmax, batch 10', b: 'hand-written 2-16-16-3 loop'},
	{label: 'Network unrolled / loops, tutorial-3', a: 'tutorial-3 unrolled', b: 'tutorial-3 loops'},
	{label: 'Network unrolled / loops, 14-8-2 (the limit)', a: '14-8-2 unrolled', b: '14-8-2 loops'},
	{label: `descent / numpy, ${DIGITS_NAME}`, a: `descent, ${DIGITS_NAME}`, b: `numpy, ${DIGITS_NAME}`, goal: 1, goalName: TRAINING_GOALS[2]},
	{label: `descent / numpy, ${MNIST_NAME}`, a: `descent, ${MNIST_NAME}`, b: `numpy, ${MNIST_NAME}`, goal: 1, goalName: TRAINING_GOALS[3]},
	{label: 'matrix path / scalar path, 64-32-10', a: `descent, ${DIGITS_NAME}`, b: `descent scalar path, ${DIGITS_NAME}`},
];

function speedRows(speeds: readonly SpeedReport[]): string[][] {
	return speeds.map(speed => {
		const wall = spreadOf(speed.rates);
		const cpu = spreadOf(speed.cpuRates);
		return [
			speed.name,
			count(speed.terms),
			spreadText(wall, count),
			count(cpu.median),
			decimal(1e9 / wall.median, 1),
			decimal(1e9 / wall.median / speed.terms, 2),
			count(speed.iterations),
		];
	});
}

function compare(context: PartContext, speeds: ReadonlyMap<string, SpeedReport>, comparison: Comparison): string[] {
	const a = speeds.get(comparison.a);
	const b = speeds.get(comparison.b);
	if (!a || !b) {
		if (comparison.goalName) {
			context.goal(comparison.goalName, {met: undefined, text: `${a ? comparison.b : comparison.a} was not measured`});
		}

		return [comparison.label, 'not measured', '', ''];
	}

	const wall: Spread = pairedRatios(a.rates, b.rates);
	const cpu = pairedRatios(a.cpuRates, b.cpuRates);
	const {goal} = comparison;
	if (goal !== undefined && comparison.goalName) {
		context.goal(comparison.goalName, {
			met: wall.median >= goal,
			text: `${ratio(wall.median)} [${ratio(wall.min)} … ${ratio(wall.max)}] by wall clock, ${ratio(cpu.median)} by CPU time (goal >= ${goal}x)`,
		});
	}

	return [comparison.label, spreadText(wall, ratio), ratio(cpu.median), goal === undefined ? '' : `>= ${goal}x`];
}

export async function trainingPart(context: PartContext): Promise<void> {
	const {print} = context;
	print('Each group runs in a child process of its own (no group slows another through shared code paths): every candidate');
	print('is sized to ~150 ms a run, warmed up (at least 1 s), then timed in 7 interleaved rounds; ratios are per round (same round, same load).');
	const speeds = new Map<string, SpeedReport>();
	const notes: string[] = [];
	for (const name of GROUPS) {
		const report = await measureGroup(context, name);
		if (typeof report === 'string') {
			notes.push(`${name}: not measured (${report})`);
			continue;
		}

		for (const speed of report.speeds) {
			speeds.set(speed.name, speed);
		}

		notes.push(...report.notes);
	}

	print();
	print(table(['run', 'terms', 'it/s median [min … max]', 'CPU it/s', 'ns/it', 'ns/term', 'it/run'], speedRows([...speeds.values()]), 'lrrrrrr'));
	print();
	print(
		table(
			['ratio (iterations per second)', 'wall clock, median [min … max]', 'CPU time', 'goal'],
			COMPARISONS.map(c => compare(context, speeds, c)),
			'lrrl',
		),
	);
	print();
	print('  terms: weight x sample products of one iteration. CPU it/s: iterations per CPU-second of the measuring process.');
	print('  xor: tanh hidden, sigmoid output, squared loss, Adam, lr 0.03. softmax: 300 samples in 3 classes, tanh hidden, SGD lr 0.1,');
	print("  mini-batches in numpy's permutation order (the hand loop draws them with NumpyRandom.permutation, as the Trainer does).");
	print('  The Network alone: kernelFor(network, fixedBatch, "always" | "never") called in a loop, no Trainer around it.');
	print('  matrix: the Trainer on the matrix path (dist/matrix.node) against bench/matrix_numpy.py (X @ W.T, OpenBLAS on every core),');
	print('  the same maths, choices, seed, batches and test-error measurements; mnist: the first 2,000 digits, a fifth held out.');
	for (const note of notes) {
		print(`  ${note}`);
	}
}
