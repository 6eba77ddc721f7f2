import os from 'node:os';
import {parentPort, workerData} from 'node:worker_threads';
import {SessionHost} from './host.js';
import type {RunOptions} from './options.js';
import type {Command} from './protocol.js';
import type {RaceLane} from './race.js';

/** The training thread's nice value (0 normal, 19 lowest): below the screen's, well above idle. */
const TRAINING_NICE = 10;

/** The training thread: a SessionHost whose messages go to the screen's thread. */
const {options, interrupt, race} = workerData as {options: RunOptions; interrupt: Int32Array; race?: readonly RaceLane[]};
const port = parentPort!;
// the screen's thread comes first: on a busy machine (two shared cores, a test suite beside it) a
// key shows within 100 ms while an epoch is computed, and training takes what is left. On Linux
// a thread's nice value is its own; elsewhere, where it cannot be set, training keeps its priority.
try {
	os.setPriority(TRAINING_NICE);
} catch {
	// not permitted here: nothing changes but the order of the two threads under load
}

const host = new SessionHost(options, message => port.postMessage(message), interrupt, race);
port.on('message', (command: Command) => {
	host.handle(command);
});
