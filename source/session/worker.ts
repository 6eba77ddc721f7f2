import {parentPort, workerData} from 'node:worker_threads';
import {SessionHost} from './host.js';
import type {RunOptions} from './options.js';
import type {Command} from './protocol.js';

/** The training thread: a SessionHost whose messages go to the screen's thread. */
const {options, interrupt} = workerData as {options: RunOptions; interrupt: Int32Array};
const port = parentPort!;
const host = new SessionHost(options, message => port.postMessage(message), interrupt);
port.on('message', (command: Command) => {
	host.handle(command);
});
