/**
 * In-process measurements of the training thread's session (SessionHost, as the worker runs
 * it) and of the screen's drawing: the map's cost per frame at 120×40, and the size of a
 * snapshot early and late in a run. Run in a child process (`bench.js --measure NAME`).
 */
import {serialize} from 'node:v8';
import {DATASETS, generateDataset} from '../source/core/data/datasets.js';
import {TUTORIAL} from '../source/core/presets.js';
import type {Setup} from '../source/core/setup.js';
import type {Snapshot} from '../source/session/views/snapshot.js';
import {SessionHost} from '../source/session/host.js';
import type {Plane, RunOptions} from '../source/session/options.js';
import type {HostMessage} from '../source/session/protocol.js';
import {drawGrid} from '../source/ui/map.js';
import {marksOf} from '../source/ui/map-marks.js';
import {screenOf} from '../source/ui/screen.js';
import {INITIAL_STATE} from '../source/ui/state.js';
import {PRESETS} from '../source/core/presets.js';

export type MapCostReport = {
	readonly columns: number;
	readonly rows: number;
	/** mapOf's own clock. */
	readonly workerMs: readonly number[];
	/** drawGrid. */
	readonly screenMs: readonly number[];
	/** A whole snapshot (the session's answer to a view), with the map and without. */
	readonly snapshotMs: readonly number[];
	readonly snapshotWithoutMapMs: readonly number[];
};

export type SnapshotSize = {
	readonly iteration: number;
	/** v8.serialize's length: what posting it to the screen's thread writes. */
	readonly bytes: number;
	readonly historyPoints: number;
	/** A whole snapshot made and sent (to a callback that keeps it), and a structuredClone of it: what posting it to the screen's thread copies. */
	readonly snapshotMs: readonly number[];
	readonly cloneMs: readonly number[];
};

export type SnapshotSizeReport = {readonly sizes: readonly SnapshotSize[]};

/** Milliseconds of `work`, `times` times. */
function times(count: number, work: () => void): number[] {
	return Array.from({length: count}, () => {
		const start = performance.now();
		work();
		return performance.now() - start;
	});
}

/** What `--dataset spiral --samples 500 --layers 2,8,8,1 …` sets up (part 6 of the bench). */
export function spiralOptions(): RunOptions {
	const samples = generateDataset('spiral', {samples: 500});
	const {range} = DATASETS.spiral;
	const setup: Setup = {
		...TUTORIAL,
		layers: [2, 8, 8, 1],
		activation: 'tanh',
		outputActivation: 'sigmoid',
		loss: 'cross-entropy',
		bias: true,
		init: 'xavier',
		optimizer: 'adam',
		learningRate: 0.01,
		limit: 1_000_000,
		seed: 0,
		samples,
	};
	const plane: Plane = {x1: range.x1, ...(range.x2 && {x2: range.x2}), features: undefined, coordinates: samples.map(sample => sample.x)};
	return {setup, paused: true, speed: Number.POSITIVE_INFINITY, plane};
}

/** A SessionHost in this thread; `latest()` is its last snapshot, `next(test)` waits for one that passes. */
function hostOf(options: RunOptions) {
	let latest: Snapshot | undefined;
	const waiting = new Set<{test: (snapshot: Snapshot) => boolean; resolve: (snapshot: Snapshot) => void}>();
	const send = (message: HostMessage) => {
		if (message.type !== 'snapshot') {
			return;
		}

		latest = message.snapshot;
		for (const waiter of waiting) {
			if (waiter.test(latest)) {
				waiting.delete(waiter);
				waiter.resolve(latest);
			}
		}
	};

	const host = new SessionHost(options, send, new Int32Array(new SharedArrayBuffer(4)));
	const next = async (test: (snapshot: Snapshot) => boolean, timeoutMs: number) =>
		new Promise<Snapshot>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no such snapshot within ${timeoutMs} ms`)), timeoutMs);
			waiting.add({
				test,
				resolve(snapshot) {
					clearTimeout(timer);
					resolve(snapshot);
				},
			});
		});
	return {host, latest: () => latest!, next};
}

/** The view a 120×40 dashboard asks for (the map included where there is one), from a snapshot. */
function viewAt120x40(snapshot: Snapshot) {
	return screenOf(snapshot, INITIAL_STATE, 120, 40, true).view;
}

/** The map at 120×40: its cost in the session (mapOf's own clock) and on the screen (drawGrid), `frames` times. */
export function mapCost(frames = 40): MapCostReport {
	const {host, latest} = hostOf(spiralOptions());
	// twice: the second view knows the map's footer, as the dashboard's second frame does
	host.handle({type: 'view', view: viewAt120x40(latest())});
	const view = viewAt120x40(latest());
	host.handle({type: 'view', view});
	host.handle({type: 'step', count: 1});
	const workerMs: number[] = [];
	const screenMs: number[] = [];
	const snapshotMs: number[] = [];
	const snapshotWithoutMapMs: number[] = [];
	for (let frame = 0; frame < frames; frame++) {
		snapshotWithoutMapMs.push(...times(1, () => host.handle({type: 'view', view: {...view, panels: {...view.panels, map: undefined}}})));
		snapshotMs.push(...times(1, () => host.handle({type: 'view', view})));
		const {map} = latest().panels;
		if (!map) {
			throw new Error('the session sent no map for a 120×40 view');
		}

		workerMs.push(map.costMs);
		const start = performance.now();
		drawGrid(map.output, map, {colour: true, discrete: false}, marksOf(map.points, map, map.output.columns, Math.floor(map.output.rows / 2)).cells);
		screenMs.push(performance.now() - start);
	}

	host.dispose();
	return {columns: view.panels.map?.columns ?? 0, rows: view.panels.map?.rows ?? 0, workerMs, screenMs, snapshotMs, snapshotWithoutMapMs};
}

/** JSON size of tutorial-3's snapshot as a 120×40 dashboard asks for it, at each of `iterations` (ascending). */
export async function snapshotSizes(iterations: readonly number[] = [1000, 1_000_000]): Promise<SnapshotSizeReport> {
	const setup: Setup = {...PRESETS.get('tutorial-3')!.setup, seed: 0, limit: iterations.at(-1)!};
	const {host, latest, next} = hostOf({setup, paused: true, speed: Number.POSITIVE_INFINITY});
	const view = viewAt120x40(latest());
	host.handle({type: 'view', view});
	const sizes: SnapshotSize[] = [];
	for (const iteration of iterations) {
		const arrived = next(snapshot => snapshot.status.iteration >= iteration && snapshot.status.state !== 'running', 60_000);
		host.handle({type: 'step', count: iteration - latest().status.iteration});
		const snapshot = await arrived;
		const snapshotMs = times(20, () => host.handle({type: 'view', view}));
		const cloneMs = times(20, () => structuredClone(latest()));
		sizes.push({
			iteration: snapshot.status.iteration,
			bytes: serialize(snapshot).length,
			historyPoints: snapshot.history.error.ends.length,
			snapshotMs,
			cloneMs,
		});
	}

	host.dispose();
	return {sizes};
}
