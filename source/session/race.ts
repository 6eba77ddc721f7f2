import {Trainer} from '../core/training/trainer.js';
import {resultJson, type HeadlessOptions, type Streams} from './headless.js';
import type {RunOptions} from './options.js';
import {runEndOf, type RunEnd} from './summary.js';
import {surfaceJson} from './views/surface.js';

/** A lane as the session runs it: its flags as typed, what differs from the other lanes in a few words (`adam lr 0.01`), and its run. */
export type RaceLane = {readonly flags: string; readonly label: string; readonly run: RunOptions};

/** Milliseconds of training between two looks at the event loop (a signal). */
const SLICE_MS = 50;

/**
 * Trains every lane to its end in lockstep: each slice takes every lane the same number
 * of iterations further, so that they stand at the same iteration whenever the event
 * loop looks (a lane that diverged or reached its error bound stays where it ended).
 * Lanes share nothing but the setup they were built from: each lane's numbers are those
 * of its single run, bit for bit.
 */
export async function runRace(
	lanes: readonly RaceLane[],
	options: Omit<HeadlessOptions, 'every' | 'describe'> & {describe: (lane: number, end: RunEnd) => string[]},
	{stdout}: Streams,
): Promise<RunEnd[]> {
	const trainers = lanes.map(lane => new Trainer(lane.run.setup, lane.run.resume));
	const start = performance.now();
	let chunk = 256;
	while (trainers.some(trainer => !trainer.finished) && !options.stop.requested) {
		const sliceStart = performance.now();
		const target = Math.max(...trainers.map(trainer => trainer.iteration)) + chunk;
		for (const trainer of trainers) {
			trainer.step(target - trainer.iteration);
		}

		const took = performance.now() - sliceStart;
		chunk = took < SLICE_MS / 2 ? chunk * 2 : took > SLICE_MS ? Math.max(1, Math.floor(chunk / 2)) : chunk;
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	const elapsed = performance.now() - start;
	const ends = trainers.map(trainer => runEndOf(trainer, trainer.finished ? (trainer.status as 'done' | 'diverged') : 'stopped', elapsed, []));
	if (options.json) {
		const json = trainers.map((trainer, k) => ({
			flags: lanes[k]!.flags,
			...resultJson(trainer),
			...(options.surface && {surface: surfaceJson(trainer, options.surface)}),
		}));
		stdout.write(JSON.stringify({lanes: json}) + '\n');
	} else {
		stdout.write(ends.flatMap((end, k) => [`lane ${k + 1}: ${lanes[k]!.flags}`, ...options.describe(k, end).map(line => `  ${line}`)]).join('\n') + '\n');
	}

	return ends;
}
