/** The exercise screen's keys: one table for the handler, the keys line and the glossary page. */
import type {Key} from 'ink';
import {isDone, TRIES_FOR_FORMULA, type ExerciseAction, type ExerciseState} from './state.js';

export type ExerciseKeyContext = {
	readonly state: ExerciseState;
	readonly dispatch: (action: ExerciseAction) => void;
	readonly exit: () => void;
	/** Lines of the key shown at once, and the last first line it can scroll to. */
	readonly page: number;
	readonly last: number;
};

export type ExerciseBinding = {
	readonly keys: string;
	readonly short: string;
	/** When it is offered on the keys line. */
	readonly offered: (state: ExerciseState) => boolean;
	readonly match: (input: string, key: Key) => boolean;
	readonly act: (context: ExerciseKeyContext, input: string, key: Key) => void;
};

const asking = (state: ExerciseState) => !isDone(state);

export const EXERCISE_BINDINGS: readonly ExerciseBinding[] = [
	{keys: 'Enter', short: 'check', offered: asking, match: (_, key) => key.return, act: c => c.dispatch({type: 'check'})},
	{keys: 'Backspace', short: 'erase', offered: asking, match: (_, key) => key.backspace || key.delete, act: c => c.dispatch({type: 'erase'})},
	{
		keys: 'Tab',
		short: 'give up',
		offered: state => asking(state) && state.wrong >= TRIES_FOR_FORMULA,
		match: (input, key) => key.tab || input === '\t',
		act: c => c.dispatch({type: 'giveUp'}),
	},
	{
		keys: '↑ ↓ PgUp PgDn',
		short: 'scroll the key',
		offered: isDone,
		match: (_, key) => key.upArrow || key.downArrow || key.pageUp || key.pageDown,
		act(c, _, key) {
			const rows = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -c.page : c.page;
			c.dispatch({type: 'scroll', rows, last: c.last});
		},
	},
	{keys: '?', short: 'glossary', offered: () => true, match: input => input === '?', act: c => c.dispatch({type: 'glossary'})},
	{
		keys: 'q Esc',
		short: 'quit',
		offered: () => true,
		match: (input, key) => input === 'q' || key.escape || (key.ctrl && input === 'c'),
		act(c, _, key) {
			if (key.escape && c.state.glossary) {
				c.dispatch({type: 'glossary'});
			} else {
				c.exit();
			}
		},
	},
];

/** A key press: the first binding that matches acts; anything else is typed into the answer. */
export function handleKey(context: ExerciseKeyContext, input: string, key: Key): void {
	const binding = EXERCISE_BINDINGS.find(candidate => candidate.match(input, key));
	if (binding) {
		binding.act(context, input, key);
	} else if (!key.ctrl && !key.meta) {
		// pasted text arrives at once, an Enter with it
		for (const part of input.split(/(\r\n|\r|\n)/).filter(Boolean)) {
			context.dispatch(/^[\r\n]+$/.test(part) ? {type: 'check'} : {type: 'type', text: part});
		}
	}
}

/** `Enter check · Backspace erase · ? glossary · q Esc quit` */
export function keysLine(state: ExerciseState): string {
	return EXERCISE_BINDINGS.filter(binding => binding.offered(state))
		.map(binding => `${binding.keys} ${binding.short}`)
		.join(' · ');
}
