import type {NextChoice} from './next-run.js';
import type {Snapshot} from './views/snapshot.js';
import type {View} from './views/snapshot.js';
import type {RunEnd} from './summary.js';

/** What the screen asks of the session: every control is one of these, sent as a message. */
export type Command =
	| {readonly type: 'toggle'}
	| {readonly type: 'pause'}
	/** Pauses, then runs exactly `count` iterations. */
	| {readonly type: 'step'; readonly count: number}
	/** One phase of the next iteration. */
	| {readonly type: 'phase'}
	| {readonly type: 'back'}
	| {readonly type: 'reset'; readonly seed: 'same' | 'new'}
	/** A step up or down the speed levels (+ and -). */
	| {readonly type: 'speed'; readonly direction: 1 | -1}
	/** The learning rate times this ([ and ]). */
	| {readonly type: 'learningRate'; readonly factor: number}
	/** The next choice of the optimizer or batch size for the runs after the next reset (o, B): relative, as two keys may come before a snapshot. */
	| {readonly type: 'next'; readonly choice: NextChoice}
	/** Forgets the previous run's curve. */
	| {readonly type: 'forget'}
	| {readonly type: 'view'; readonly view: View}
	| {readonly type: 'check'}
	| {readonly type: 'cancel'}
	/** A file of the run as it is now: w, e, P (the numpy script), O (the ONNX model). */
	| {readonly type: 'write'; readonly what: 'checkpoint' | 'history' | 'code' | 'onnx'}
	/** Stops training, writes what --save and --history asked for, and answers `finished`. */
	| {readonly type: 'finish'}
	/** In a race: the lane the panels show. */
	| {readonly type: 'lane'; readonly lane: number};

/** Any command but a view cancels a running gradient check: the one place this is written (the client and the host read it). */
export const cancelsCheck = (command: Command): boolean => command.type !== 'view';

/** At most this often a snapshot, and a frame: ~30 a second (Ink lays the whole tree out on every one). */
export const FRAME_MS = 33;

/** What the session tells the screen. */
export type HostMessage =
	| {readonly type: 'snapshot'; readonly snapshot: Snapshot}
	/** A line for the user: a file written, why a key did nothing. */
	| {readonly type: 'said'; readonly text: string}
	/** How the run shown ended, and in a race every lane's end. */
	| {readonly type: 'finished'; readonly end: RunEnd; readonly lanes?: readonly RunEnd[]};
