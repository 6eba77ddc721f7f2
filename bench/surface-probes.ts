/**
 * In-process measurements of the error surface and of races (`bench.js --measure surface`,
 * `--measure race`): the surface's cost a frame in the session at 120×40 and on the screen;
 * a race of 3 lanes against the 3 single runs one after another.
 */
import process from 'node:process';
import {Writable} from 'node:stream';
import {buildOptions} from '../source/cli/build.js';
import {parseArgv} from '../source/cli/parse.js';
import {raceLanes} from '../source/cli/race.js';
import {SessionHost} from '../source/session/host.js';
import {runHeadless} from '../source/session/headless.js';
import type {HostMessage} from '../source/session/protocol.js';
import {runRace} from '../source/session/race.js';
import type {Snapshot} from '../source/session/views/snapshot.js';
import {screenOf} from '../source/ui/screen.js';
import {INITIAL_STATE} from '../source/ui/state.js';
import {drawSurface} from '../source/ui/surface.js';

export type SurfaceCostReport = ReadonlyArray<{
	readonly name: string;
	readonly columns: number;
	readonly rows: number;
	/** A whole snapshot with the surface and without, a frame each, training an iteration between. */
	readonly withMs: readonly number[];
	readonly withoutMs: readonly number[];
	readonly screenMs: readonly number[];
	/** Frames from one whole surface to the next. */
	readonly framesPerSurface: number;
}>;

const options = (args: readonly string[]) => buildOptions(parseArgv([...args, '--seed', '1', '--paused']), {randomSeed: 1}).run;

/** The error surface at 120×40 (E pressed), tutorial-3 and the spiral (2-8-8-1, 200 samples), `frames` frames. */
export function surfaceCost(frames = 60): SurfaceCostReport {
	return [
		['tutorial-3', ['--preset', 'tutorial-3']],
		['spiral 2-8-8-1, 200 samples (160 train)', ['--preset', 'spiral']],
	].map(([name, args]) => {
		let latest: Snapshot | undefined;
		const send = (message: HostMessage) => {
			if (message.type === 'snapshot') {
				latest = message.snapshot;
			}
		};

		const host = new SessionHost(options(args as string[]), send, new Int32Array(new SharedArrayBuffer(4)));
		const state = {...INITIAL_STATE, shown: {surface: 'on' as const}};
		const viewOf = () => screenOf(latest!, state, 120, 40, true).view;
		host.handle({type: 'view', view: viewOf()});
		const view = viewOf();
		const time = (work: () => void) => {
			const start = performance.now();
			work();
			return performance.now() - start;
		};

		const withMs: number[] = [];
		const withoutMs: number[] = [];
		const screenMs: number[] = [];
		const iterations = new Set<number>();
		for (let frame = 0; frame < frames; frame++) {
			host.handle({type: 'step', count: 1});
			withoutMs.push(time(() => host.handle({type: 'view', view: {...view, panels: {...view.panels, surface: undefined}}})));
			withMs.push(time(() => host.handle({type: 'view', view})));
			const surface = latest!.panels.surface?.surface;
			if (surface) {
				iterations.add(surface.iteration);
				screenMs.push(time(() => drawSurface(surface, view.panels.surface!.columns, view.panels.surface!.rows / 2, {colour: true})));
			}
		}

		host.dispose();
		const request = view.panels.surface!;
		return {
			name: name as string,
			columns: request.columns,
			rows: request.rows,
			withMs,
			withoutMs,
			screenMs,
			framesPerSurface: frames / Math.max(1, iterations.size),
		};
	});
}

export type RaceSpeedReport = ReadonlyArray<{
	readonly name: string;
	/** Wall-clock milliseconds of each round's race, and of its 3 single runs one after another. */
	readonly raceMs: readonly number[];
	readonly singlesMs: readonly number[];
	/** The same in this process's CPU time: what other processes on the machine take from it does not count. */
	readonly raceCpuMs: readonly number[];
	readonly singlesCpuMs: readonly number[];
}>;

const sink = () =>
	new Writable({
		write(_chunk, _encoding, done) {
			done();
		},
	});

/** Wall-clock and CPU milliseconds of some work. */
async function timedRun(work: () => Promise<unknown>): Promise<{wallMs: number; cpuMs: number}> {
	const cpu = process.cpuUsage();
	const start = performance.now();
	await work();
	const wallMs = performance.now() - start;
	const used = process.cpuUsage(cpu);
	return {wallMs, cpuMs: (used.user + used.system) / 1000};
}

/**
 * A race of 3 lanes and its 3 single runs one after another, headless in this process:
 * one round of each untimed first (V8 compiles the training loops in it, which the first
 * timed run would pay alone), then `rounds` rounds, the order alternating (race first, then
 * singles first), so that neither side always runs first.
 */
export async function raceSpeed(rounds = 6): Promise<RaceSpeedReport> {
	const cases: Array<[string, string[], string[]]> = [
		['tutorial-3, lr 0.001 / 0.01 / 0.1, 1,000,000 iterations', ['--iterations', '1000000'], ['--lr 0.001', '--lr 0.01', '--lr 0.1']],
		[
			'spiral, batch 10: sgd / momentum / adam, 20,000 iterations',
			['--preset', 'spiral', '--batch', '10', '--iterations', '20000'],
			['--optimizer sgd --lr 0.1', '--optimizer momentum --lr 0.1', '--optimizer adam'],
		],
	];
	const report = [];
	for (const [name, base, lanes] of cases) {
		const argv = [...base, '--headless', '--seed', '1', ...lanes.flatMap(lane => ['--race', lane])];
		const built = raceLanes(parseArgv(argv), {randomSeed: 1})!;
		const stop = {requested: false};
		const race = async () =>
			runRace(
				built.map(lane => ({flags: lane.flags, label: lane.label, run: lane.options.run})),
				{json: true, stop, describe: () => []},
				{stdout: sink(), stderr: sink()},
			);
		const singles = async () => {
			for (const lane of built) {
				await runHeadless(lane.options.run, {json: true, stop, describe: () => []}, {stdout: sink(), stderr: sink()});
			}
		};

		await race();
		await singles();
		const raced: Array<{wallMs: number; cpuMs: number}> = [];
		const alone: Array<{wallMs: number; cpuMs: number}> = [];
		for (let round = 0; round < rounds; round++) {
			if (round % 2 === 0) {
				raced.push(await timedRun(race));
				alone.push(await timedRun(singles));
			} else {
				alone.push(await timedRun(singles));
				raced.push(await timedRun(race));
			}
		}

		report.push({
			name,
			raceMs: raced.map(took => took.wallMs),
			singlesMs: alone.map(took => took.wallMs),
			raceCpuMs: raced.map(took => took.cpuMs),
			singlesCpuMs: alone.map(took => took.cpuMs),
		});
	}

	return report;
}
