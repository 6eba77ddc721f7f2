import {afterEach, describe, expect, test} from 'vitest';
import {Trainer} from '../../source/core/training/trainer.js';
import {SessionHost} from '../../source/session/host.js';
import type {HostMessage} from '../../source/session/protocol.js';
import {DEFAULT_VIEW, type Snapshot} from '../../source/session/views/snapshot.js';
import {raceOptions, runOptions, waitFor} from '../helpers/ui.js';

// mini-batches of 5 from 18 training samples (so a shuffled order), 6 held out
const BASE = ['--dataset', 'xor', '--samples', '24', '--layers', '2,3,1', '--bias', '--batch', '5', '--test', '0.25', '--seed', '3', '--paused'];
const LANES = ['--optimizer sgd', '--optimizer momentum --momentum 0.5', '--optimizer adam --lr 0.05'];
const FLAGS = [...BASE, ...LANES.flatMap(lane => ['--race', lane])];

const hosts: SessionHost[] = [];
afterEach(() => {
	for (const host of hosts.splice(0)) {
		host.dispose();
	}
});

/** A race's session in this thread, the lanes table asked for; its latest snapshot. */
function raceHost() {
	let latest: Snapshot | undefined;
	const send = (message: HostMessage) => {
		if (message.type === 'snapshot') {
			latest = message.snapshot;
		}
	};

	const host = new SessionHost(runOptions(FLAGS), send, new Int32Array(new SharedArrayBuffer(4)), raceOptions(FLAGS));
	hosts.push(host);
	host.handle({type: 'view', view: {...DEFAULT_VIEW, panels: {...DEFAULT_VIEW.panels, weights: {start: 0, rows: 64}, lanes: {}}}});
	return {host, latest: () => latest!};
}

/** Each lane alone: the single run of the base flags plus its own, `iterations` iterations on. */
function singles(iterations: number): Trainer[] {
	return LANES.map(lane => {
		const trainer = new Trainer(runOptions([...BASE, ...lane.split(' ')]).setup);
		trainer.step(iterations);
		return trainer;
	});
}

/** Each lane's weights and last error as the race's snapshots show them, lane by lane (1-9 selects). */
function shown(host: SessionHost, latest: () => Snapshot) {
	return LANES.map((_, lane) => {
		host.handle({type: 'lane', lane});
		const snapshot = latest();
		expect(snapshot.race?.selected).toBe(lane);
		return {weights: snapshot.panels.weights!.rows.map(row => row.value), error: snapshot.status.error};
	});
}

describe('a race in the dashboard: every lane its single run, in lockstep', () => {
	test('s and n step every lane; each lane is bit for bit its single run; the table says where each stands', async () => {
		const {host, latest} = raceHost();
		expect(latest().race?.lanes.map(lane => lane.label)).toEqual(['sgd', 'momentum momentum 0.5', 'adam lr 0.05']);
		host.handle({type: 'step', count: 1});
		host.handle({type: 'step', count: 1});
		host.handle({type: 'step', count: 35});
		await waitFor(latest, snapshot => snapshot.status.iteration === 37 && snapshot.status.state === 'paused', 'iteration 37');
		const races = shown(host, latest);
		for (const [k, trainer] of singles(37).entries()) {
			expect(races[k]!.weights).toEqual([...trainer.network.weights]);
			expect(races[k]!.error).toBe(trainer.records.error.latest);
		}

		const table = latest().panels.lanes!;
		expect(table.rows.map(row => row.iteration)).toEqual([37, 37, 37]);
		expect(table.rows.every(row => row.testError !== undefined && row.accuracy !== undefined)).toBe(true);
		expect(table.selected).toBe(2);
	});

	test('b takes every lane back one iteration, r resets every lane to the shared start', async () => {
		const {host, latest} = raceHost();
		host.handle({type: 'step', count: 12});
		await waitFor(latest, snapshot => snapshot.status.iteration === 12 && snapshot.status.state === 'paused', 'iteration 12');
		host.handle({type: 'back'});
		expect(latest().panels.lanes!.rows.map(row => row.iteration)).toEqual([11, 11, 11]);
		const races = shown(host, latest);
		for (const [k, trainer] of singles(11).entries()) {
			expect(races[k]!.weights).toEqual([...trainer.network.weights]);
		}

		host.handle({type: 'reset', seed: 'same'});
		expect(latest().panels.lanes!.rows.map(row => row.iteration)).toEqual([0, 0, 0]);
		const start = shown(host, latest).map(lane => lane.weights);
		expect(start[1]).toEqual(start[0]);
		expect(start[2]).toEqual(start[0]);
	});

	test('the error surface is the shown lane’s; the other lanes’ paths come with it, each ending at its lane’s weights now', async () => {
		const {host, latest} = raceHost();
		host.handle({type: 'step', count: 40});
		await waitFor(latest, snapshot => snapshot.status.iteration === 40 && snapshot.status.state === 'paused', 'iteration 40');
		host.handle({type: 'lane', lane: 1});
		const view = {...DEFAULT_VIEW, panels: {...DEFAULT_VIEW.panels, surface: {columns: 8, rows: 8, a: 2, b: 5}}};
		host.handle({type: 'view', view});
		const lanes = singles(40);
		const surface = await waitFor(
			() => {
				host.handle({type: 'view', view});
				return latest().panels.surface!;
			},
			data => data.surface !== undefined,
			'a whole surface',
		);
		expect(surface.surface!.current).toEqual([lanes[1]!.network.weights[2], lanes[1]!.network.weights[5]]);
		expect(surface.lanes.map(path => path.lane)).toEqual([0, 2]);
		for (const {lane, path} of surface.lanes) {
			expect([path.a.at(-1), path.b.at(-1)]).toEqual([lanes[lane]!.network.weights[2], lanes[lane]!.network.weights[5]]);
			// from the shared start
			expect([path.a[0], path.b[0]]).toEqual([surface.surface!.path.a[0], surface.surface!.path.b[0]]);
		}
	});

	test('p walks a phase in every lane; the walk completes each lane’s iteration', () => {
		const {host, latest} = raceHost();
		const phases = new Trainer(runOptions(BASE).setup).walk.phases.length;
		for (let k = 0; k <= phases; k++) {
			host.handle({type: 'phase'});
		}

		expect(latest().panels.lanes!.rows.map(row => row.iteration)).toEqual([1, 1, 1]);
		const races = shown(host, latest);
		for (const [k, trainer] of singles(1).entries()) {
			expect(races[k]!.weights).toEqual([...trainer.network.weights]);
		}
	});
});
