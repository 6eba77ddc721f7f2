import type {Key} from 'ink';
import {OPTIMIZERS} from '../core/maths/optimizers.js';
import type {Snapshot} from '../session/views/snapshot.js';
import type {Command} from '../session/protocol.js';
import type {Action, DashboardState} from './state.js';

/** What a key may read and do. */
export type KeyContext = {
	readonly snapshot: Snapshot;
	readonly state: DashboardState;
	readonly dispatch: (action: Action) => void;
	/** Sends a command; `pending` is what the screen says until the session has done it. */
	readonly send: (command: Command, pending?: string) => void;
	readonly exit: () => void;
	/** Rows the samples panel shows: a page. */
	readonly samplePage: number;
	/** Lines the help shows at once, and how many it has. */
	readonly help: {readonly page: number; readonly lines: number};
	readonly diagramShown: boolean;
	readonly mapShown: boolean;
};

/**
 * A key: what it is called on the keys line and in help, which keystrokes it answers,
 * what it does. One table drives the handler, the keys line and the help.
 */
export type Binding = {
	readonly keys: string;
	readonly short: string;
	readonly long: string;
	readonly match: (input: string, key: Key) => boolean;
	readonly act: (context: KeyContext, input: string, key: Key) => void;
	/** Acts while the help is open (the others do nothing then). */
	readonly inHelp?: boolean;
};

/** Batch sizes `B` steps through for the next run: all, then powers of two below the training samples. */
export function nextBatch(current: number | undefined, trainCount: number): number | undefined {
	const sizes = [undefined, ...[1, 2, 4, 8, 16, 32, 64, 128, 256].filter(size => size < trainCount)];
	return sizes[(sizes.indexOf(current) + 1) % sizes.length];
}

// a plain keystroke: Ctrl-C is not c
const is =
	(...inputs: string[]) =>
	(input: string, key: Key) =>
		!key.ctrl && !key.meta && inputs.includes(input);

const step = (count: number) => (c: KeyContext) => {
	c.send({type: 'step', count}, count === 1 ? 'stepping one iteration' : `running ${count} iterations`);
};

export const BINDINGS: readonly Binding[] = [
	{
		keys: 'space',
		short: 'run/pause',
		long: 'run / pause',
		match: is(' '),
		act(c) {
			const running = c.snapshot.status.state === 'running';
			c.send({type: 'toggle'}, running ? 'pausing after the iteration in progress' : 'starting');
		},
	},
	{keys: 's →', short: 'step', long: 'one iteration', match: (input, key) => input === 's' || key.rightArrow, act: step(1)},
	{keys: 'p', short: 'phase', long: 'one phase of the next iteration', match: is('p'), act: c => c.send({type: 'phase'}, 'computing the next phase')},
	{
		keys: 'b ←',
		short: 'back',
		long: 'back one iteration (or phase walk)',
		match: (input, key) => input === 'b' || key.leftArrow,
		act: c => c.send({type: 'back'}, 'going back one iteration'),
	},
	{keys: 'n', short: '+100', long: '100 iterations', match: is('n'), act: step(100)},
	{keys: 'r', short: 'reset', long: "reset to the seed's weights", match: is('r'), act: c => c.send({type: 'reset', seed: 'same'}, 'resetting')},
	{keys: 'g', short: 'grad check', long: 'gradient check (any key cancels)', match: is('g'), act: c => c.send({type: 'check'}, 'starting the gradient check')},
	{
		keys: '[ ]',
		short: 'lr ÷2 ×2',
		long: 'learning rate ÷2 ×2',
		match: is('[', ']'),
		act(c, input) {
			// relative: two keys faster than a snapshot halve twice
			c.send({type: 'learningRate', factor: input === ']' ? 2 : 0.5});
		},
	},
	{
		keys: '↑ ↓',
		short: 'select',
		long: 'select a weight (k j)',
		match: (input, key) => key.upArrow || key.downArrow || input === 'k' || input === 'j',
		act: (c, input, key) => c.dispatch({type: 'select', delta: key.upArrow || input === 'k' ? -1 : 1, total: c.snapshot.weights.total}),
	},
	{
		keys: '< >',
		short: 'sample',
		long: 'the sample the chain and diagram show (, .)',
		match: is('<', '>', ',', '.'),
		act: (c, input) => c.dispatch({type: 'sample', delta: input === '<' || input === ',' ? -1 : 1, total: c.snapshot.samples.total}),
	},
	{keys: 'R', short: 'new seed', long: 'reset with a new seed', match: is('R'), act: c => c.send({type: 'reset', seed: 'new'}, 'resetting with a new seed')},
	{
		keys: '+ -',
		short: 'speed',
		long: 'speed ×10 ÷10',
		match: is('+', '=', '-', '_'),
		act: (c, input) => c.send({type: 'speed', direction: input === '+' || input === '=' ? 1 : -1}),
	},
	{
		keys: 'm',
		short: 'map',
		long: 'the map of the output over the inputs',
		match: is('m'),
		act: c => c.dispatch({type: 'show', what: 'map', shown: c.mapShown}),
	},
	{keys: 'l', short: 'log', long: 'log scale', match: is('l'), act: c => c.dispatch({type: 'toggle', what: 'logScale'})},
	{keys: 'c', short: 'chart', long: 'error / output chart', match: is('c'), act: c => c.dispatch({type: 'toggle', what: 'chart'})},
	{keys: 'd', short: 'diagram', long: 'network diagram', match: is('d'), act: c => c.dispatch({type: 'show', what: 'diagram', shown: c.diagramShown})},
	{
		keys: 'o',
		short: 'optimizer',
		long: 'optimizer of the next run (after r)',
		match: is('o'),
		act(c) {
			const names = OPTIMIZERS.names;
			const next = names[(names.indexOf(c.snapshot.run.optimizer) + 1) % names.length]!;
			c.send({type: 'next', optimizer: next});
			c.dispatch({type: 'say', text: `the next run (r or R) trains with ${next}`});
		},
	},
	{
		keys: 'B',
		short: 'batch',
		long: 'batch size of the next run (after r)',
		match: is('B'),
		act(c) {
			const {run} = c.snapshot;
			const batch = nextBatch(run.fullBatch ? undefined : run.batchSize, run.trainCount);
			c.send({type: 'next', batch: batch ?? null});
			c.dispatch({
				type: 'say',
				text: `the next run (r or R) trains with ${batch === undefined ? 'every training sample in each batch' : `batches of ${batch}`}`,
			});
		},
	},
	{keys: 'D', short: 'classes', long: 'map: colours by class (discretize)', match: is('D'), act: c => c.dispatch({type: 'toggle', what: 'discrete'})},
	{
		keys: 'L',
		short: 'layer',
		long: "map: each neuron's map, layer by layer",
		match: is('L'),
		act: c => c.dispatch({type: 'mapLayer', layers: c.snapshot.run.layers.length - 1}),
	},
	{
		keys: 'Tab',
		short: 'chain page',
		long: "the chain's next page, when it is longer than its panel",
		match: (input, key) => key.tab || input === '\t',
		act: c => c.dispatch({type: 'chainPage'}),
	},
	{keys: 'x', short: 'clear compare', long: "clear the previous run's curve", match: is('x'), act: c => c.send({type: 'forget'})},
	{keys: 'e', short: 'export CSV', long: 'export the history as CSV', match: is('e'), act: c => c.send({type: 'write', what: 'history'})},
	{keys: 'w', short: 'checkpoint', long: 'write a checkpoint', match: is('w'), act: c => c.send({type: 'write', what: 'checkpoint'})},
	{
		keys: 'P',
		short: 'numpy script',
		long: 'write the run from here as a numpy script',
		match: is('P'),
		act: c => c.send({type: 'write', what: 'code'}),
	},
	{keys: 'O', short: 'ONNX', long: 'write the network as an ONNX model', match: is('O'), act: c => c.send({type: 'write', what: 'onnx'})},
	{
		keys: 'PgUp PgDn',
		short: 'scroll',
		long: 'scroll the samples (or the help)',
		match: (_, key) => key.pageUp || key.pageDown,
		act(c, _, key) {
			if (c.state.help) {
				// a page of the help, and no further than its last page
				const {page, lines} = c.help;
				c.dispatch({type: 'scrollHelp', rows: key.pageUp ? -page : page, total: Math.max(1, lines - page + 1)});
			} else {
				c.dispatch({type: 'scroll', rows: key.pageUp ? -c.samplePage : c.samplePage, total: c.snapshot.samples.total});
			}
		},
		inHelp: true,
	},
	{keys: '?', short: 'help', long: 'help: keys, panels, glossary', match: is('?'), act: c => c.dispatch({type: 'toggle', what: 'help'}), inHelp: true},
	{
		keys: 'q',
		short: 'quit',
		long: 'quit (Esc closes the help first; Ctrl-C)',
		match: (input, key) => input === 'q' || key.escape || (key.ctrl && input === 'c'),
		act(c, input, key) {
			if (key.escape && c.state.help) {
				c.dispatch({type: 'toggle', what: 'help'});
			} else {
				c.exit();
			}
		},
		inHelp: true,
	},
];
