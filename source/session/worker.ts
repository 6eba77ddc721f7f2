import {parentPort, workerData} from 'node:worker_threads';
import {SessionHost} from './host.js';
import type {RunOptions} from './options.js';
import type {Command} from './protocol.js';
import type {RaceLane} from './race.js';

/** The training thread: a SessionHost whose messages go to the screen's thread. */
const {options, interrupt, race} = workerData as {options: RunOptions; interrupt: Int32Array; race?: readonly RaceLane[]};
const port = parentPort!;
const host = new SessionHost(options, message => port.postMessage(message), interrupt, race);
port.on('message', (command: Command) => {
	host.handle(command);
});
