import {afterEach, describe, expect, test, vi} from 'vitest';
import type {Snapshot} from '../../source/session/views/snapshot.js';
import type {Loaded} from '../../source/cli/build.js';
import {checkpointOf, parseCheckpoint, type Resume} from '../../source/core/files/checkpoint.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {SessionHost} from '../../source/session/host.js';
import type {HostMessage} from '../../source/session/protocol.js';
import {runOptions} from '../helpers/ui.js';

/** A session in this thread; its snapshots and what it said, in the order sent. */
function hostOf(flags: readonly string[], loaded: Partial<Loaded> = {}) {
	const snapshots: Snapshot[] = [];
	const said: string[] = [];
	const send = (message: HostMessage) => {
		if (message.type === 'snapshot') {
			snapshots.push(message.snapshot);
		} else if (message.type === 'said') {
			said.push(message.text);
		}
	};

	const host = new SessionHost(runOptions(flags, loaded), send, new Int32Array(new SharedArrayBuffer(4)));
	return {host, snapshots, said};
}

const turns = async (count: number) => {
	for (let k = 0; k < count; k++) {
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
};

afterEach(() => {
	vi.useRealTimers();
});

describe('SessionHost', () => {
	// the frame timer is a setTimeout: faked and never advanced, only a snapshot sent at once arrives
	test('a run that stops (n, done) is shown at once, not a frame later', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const {host, snapshots} = hostOf(['--seed', '0', '--paused', '--speed', 'max', '--iterations', '300']);
		host.handle({type: 'step', count: 120});
		await turns(50);
		const stopped = snapshots.at(-1)!;
		expect([stopped.status.iteration, stopped.status.state]).toEqual([120, 'paused']);

		host.handle({type: 'toggle'});
		await turns(50);
		const done = snapshots.at(-1)!;
		expect([done.status.iteration, done.status.state]).toEqual([300, 'done']);
		host.dispose();
	});

	test('after --load, back goes as far as the loaded iteration and says so with that number', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const trainer = new Trainer(runOptions(['--seed', '0']).setup);
		trainer.step(1234);
		const checkpoint = parseCheckpoint(JSON.stringify(checkpointOf(trainer))) as Resume;
		const {host, said} = hostOf(['--paused'], {checkpoint});
		const far = 'back: iteration 1,234 is as far back as this run can go';
		host.handle({type: 'back'});
		await turns(5);
		expect(said).toEqual([far]);
		// s s b b reaches the loaded iteration (no message); the next b says how far back the run goes
		for (const type of ['step', 'step', 'back', 'back'] as const) {
			host.handle(type === 'step' ? {type, count: 1} : {type});
		}

		await turns(5);
		expect(said).toEqual([far]);
		host.handle({type: 'back'});
		await turns(5);
		expect(said).toEqual([far, far]);
		host.dispose();
	});

	test('a finished run (a checkpoint at its limit): keys that train say why and what to do', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const trainer = new Trainer({...runOptions(['--seed', '0']).setup, limit: 300});
		trainer.step(300);
		const checkpoint = parseCheckpoint(JSON.stringify(checkpointOf(trainer))) as Resume;
		const {host, snapshots, said} = hostOf([], {checkpoint});
		await turns(5);
		expect([snapshots.at(-1)!.status.iteration, snapshots.at(-1)!.status.state]).toEqual([300, 'done']);
		const line = 'done at the limit, 300: r resets; --iterations sets a longer run';
		for (const command of [{type: 'step', count: 1}, {type: 'step', count: 100}, {type: 'phase'}, {type: 'toggle'}] as const) {
			host.handle(command);
		}

		await turns(5);
		expect(said).toEqual([line, line, line, line]);
		// loaded at its end, there is no earlier point to go back to
		host.handle({type: 'back'});
		await turns(5);
		expect(said.at(-1)).toBe('back: iteration 300 is as far back as this run can go');
		host.dispose();
	});
});
