import {is, isQuit, type Binding, type KeyContext} from './binding.js';
import {PANELS} from './panels/index.js';
import type {PanelEntry} from './panels/entry.js';
import {hasView} from './panels/id.js';

const step = (count: number) => (c: KeyContext) => {
	c.send({type: 'step', count}, count === 1 ? 'stepping one iteration' : `running ${count} iterations`);
};

/** A panel's own keys: the one that shows and hides it first (showing a side panel hides the other side panels; asked for where it cannot show, the key takes it back); in a run without the panel, each says what it needs. */
function panelBindings(entry: PanelEntry): Binding[] {
	const {needs, id} = entry;
	const missing = (c: KeyContext) =>
		needs !== undefined && hasView(id) && !c.snapshot.run.panels.includes(id) ? `the ${entry.help[0].toLowerCase()} panel needs ${needs}` : undefined;
	const {toggle} = entry;
	const others = PANELS.filter(other => other.room === entry.room && other.id !== entry.id && entry.room === 'side').map(other => other.id);
	const shows: Binding[] = toggle
		? [
				{
					...toggle,
					match: is(toggle.keys),
					act: c => c.dispatch({type: 'show', what: entry.id, shown: c.shown(entry.id) || c.state.shown[entry.id] === 'on', others}),
				},
			]
		: [];
	return [...shows, ...(entry.keys ?? [])].map(binding => ({...binding, refuse: c => missing(c) ?? binding.refuse?.(c)}));
}

/** The run's keys, then the panels' (from their entries), then the next run's, the files', the help's and quit. */
const RUN: readonly Binding[] = [
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
		act: (c, input, key) => c.dispatch({type: 'select', delta: key.upArrow || input === 'k' ? -1 : 1, total: c.snapshot.run.weightCount}),
	},
	{
		keys: '< >',
		short: 'sample',
		long: 'the sample the chain and diagram show (, .)',
		match: is('<', '>', ',', '.'),
		act: (c, input) => c.dispatch({type: 'sample', delta: input === '<' || input === ',' ? -1 : 1, total: c.snapshot.run.sampleCount}),
	},
	{keys: 'R', short: 'new seed', long: 'reset with a new seed', match: is('R'), act: c => c.send({type: 'reset', seed: 'new'}, 'resetting with a new seed')},
	{
		keys: '+ -',
		short: 'speed',
		long: 'speed ×10 ÷10',
		match: is('+', '=', '-', '_'),
		act: (c, input) => c.send({type: 'speed', direction: input === '+' || input === '=' ? 1 : -1}),
	},
];

const NEXT_RUN_FILES_AND_HELP: readonly Binding[] = [
	{
		keys: 'o',
		short: 'optimizer',
		long: 'optimizer of the next run (after r)',
		match: is('o'),
		act: c => c.send({type: 'next', choice: 'optimizer'}),
	},
	{
		keys: 'B',
		short: 'batch',
		long: 'batch size of the next run (after r)',
		match: is('B'),
		act: c => c.send({type: 'next', choice: 'batch'}),
	},
	{
		keys: 'x',
		short: 'clear compare',
		long: "clear the previous run's curve",
		match: is('x'),
		refuse: c => (c.snapshot.previous ? undefined : "no previous run's curve to clear: a reset (r, R) after training keeps one"),
		act: c => c.send({type: 'forget'}),
	},
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
				c.dispatch({type: 'scroll', rows: key.pageUp ? -c.samplePage : c.samplePage, total: c.snapshot.run.sampleCount});
			}
		},
		inHelp: true,
	},
	{
		keys: '?',
		short: 'help',
		long: 'help: keys, panels, glossary',
		match: is('?'),
		act: c => c.dispatch({type: 'toggle', what: 'help'}),
		inHelp: true,
		always: true,
	},
	{
		keys: 'q',
		short: 'quit',
		long: 'quit (Esc closes the help first; Ctrl-C)',
		match: isQuit,
		act(c, input, key) {
			if (key.escape && c.state.help) {
				c.dispatch({type: 'toggle', what: 'help'});
			} else {
				c.exit();
			}
		},
		inHelp: true,
		always: true,
	},
];

export const BINDINGS: readonly Binding[] = [...RUN, ...PANELS.flatMap(entry => panelBindings(entry)), ...NEXT_RUN_FILES_AND_HELP];
