import {Worker} from 'node:worker_threads';
import type {Snapshot} from './views/snapshot.js';
import {SessionHost} from './host.js';
import type {RunOptions} from './options.js';
import type {RaceLane} from './race.js';
import {cancelsCheck, type Command, type HostMessage} from './protocol.js';
import type {RunEnd} from './summary.js';

/** How a session ended: the run shown, and in a race every lane. */
export type Ends = {readonly end: RunEnd; readonly lanes?: readonly RunEnd[]};

/**
 * The screen's side of a session: the latest snapshot (for `useSyncExternalStore`), the
 * lines the session says, and the commands to send. Training runs elsewhere: in its own
 * thread (`WorkerSession`) or, for tests, in this one (`LocalSession`).
 */
export abstract class Session {
	private snapshot: Snapshot | undefined;
	private sent = 0;
	private readonly listeners = new Set<() => void>();
	private readonly sayListeners = new Set<(text: string) => void>();
	private ended: ((ends: Ends) => void) | undefined;
	private readonly endPromise: Promise<Ends>;
	/** Set to 1 to stop a gradient check within a sample's forward pass, without waiting for the thread to read its messages. */
	protected readonly interrupt = new Int32Array(new SharedArrayBuffer(4));

	constructor() {
		this.endPromise = new Promise(resolve => {
			this.ended = resolve;
		});
	}

	readonly getSnapshot = (): Snapshot | undefined => this.snapshot;

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	onSaid(listener: (text: string) => void): () => void {
		this.sayListeners.add(listener);
		return () => this.sayListeners.delete(listener);
	}

	/** Sends a command; returns its number: a snapshot whose `handled` is at least that shows its effect. */
	send(command: Command): number {
		if (this.snapshot?.check?.state === 'running' && cancelsCheck(command)) {
			Atomics.store(this.interrupt, 0, 1);
		}

		this.post(command);
		return ++this.sent;
	}

	/** Stops training, writes the files asked for, and resolves with how the run ended (and in a race, each lane). */
	async finish(): Promise<Ends> {
		this.send({type: 'finish'});
		const end = await this.endPromise;
		await this.close();
		return end;
	}

	abstract close(): Promise<void>;

	protected abstract post(command: Command): void;

	protected receive(message: HostMessage): void {
		switch (message.type) {
			case 'snapshot': {
				this.snapshot = message.snapshot;
				for (const listener of this.listeners) {
					listener();
				}

				break;
			}

			case 'said': {
				for (const listener of this.sayListeners) {
					listener(message.text);
				}

				break;
			}

			case 'finished': {
				this.ended?.({end: message.end, ...(message.lanes && {lanes: message.lanes})});
				break;
			}
		}
	}
}

/**
 * Training in a worker thread: the screen's thread only renders and reads keys. Made
 * before the screen's modules load, so that the thread starts (and training with it)
 * while they do.
 */
export class WorkerSession extends Session {
	private readonly worker: Worker;
	private failure: Error | undefined;
	private failed: ((error: Error) => void) | undefined;

	constructor(options: RunOptions, workerUrl: URL, race?: readonly RaceLane[]) {
		super();
		this.worker = new Worker(workerUrl, {workerData: {options, interrupt: this.interrupt, race}});
		this.worker.on('message', (message: HostMessage) => {
			this.receive(message);
		});
		this.worker.on('error', error => {
			this.failure ??= error;
			this.failed?.(error);
		});
	}

	/** Calls `listener` if the thread fails, at once if it already has. */
	onError(listener: (error: Error) => void): void {
		this.failed = listener;
		if (this.failure) {
			listener(this.failure);
		}
	}

	async close(): Promise<void> {
		await this.worker.terminate();
	}

	protected post(command: Command): void {
		this.worker.postMessage(command);
	}
}

/** Training in this thread, messages passed as copies as a worker's would be: for tests. */
export class LocalSession extends Session {
	readonly host: SessionHost;

	constructor(options: RunOptions, race?: readonly RaceLane[]) {
		super();
		this.host = new SessionHost(options, message => this.receive(structuredClone(message)), this.interrupt, race);
	}

	async close(): Promise<void> {
		this.host.dispose();
		return Promise.resolve();
	}

	protected post(command: Command): void {
		this.host.handle(structuredClone(command));
	}
}
