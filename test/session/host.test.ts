import {afterEach, describe, expect, test, vi} from 'vitest';
import type {Snapshot} from '../../source/session/views/snapshot.js';
import {SessionHost} from '../../source/session/host.js';
import type {HostMessage} from '../../source/session/protocol.js';
import {runOptions} from '../helpers/ui.js';

/** A session in this thread; its snapshots, in the order sent. */
function hostOf(flags: readonly string[]) {
	const snapshots: Snapshot[] = [];
	const send = (message: HostMessage) => {
		if (message.type === 'snapshot') {
			snapshots.push(message.snapshot);
		}
	};

	const host = new SessionHost(runOptions(flags), send, new Int32Array(new SharedArrayBuffer(4)));
	return {host, snapshots};
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
});
