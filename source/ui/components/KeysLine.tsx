import {Text} from 'ink';
import type {Binding} from '../binding.js';
import {BINDINGS} from '../keys.js';

export type KeysLineProps = {
	readonly width: number;
	/** A message replaces the keys for a few seconds (e.g. where a file was written). */
	readonly message: string | undefined;
	/** How a key is named on the line, or undefined to leave it out (a lesson's step offers some keys only). */
	readonly named?: (binding: Binding) => string | undefined;
	/** In a race its own keys lead. */
	readonly race?: boolean;
};

/** One line: what the keys do, as many as fit in the table's order, and always the way to the rest: `? help · q quit`. */
export function KeysLine({width, message, named = binding => binding.keys, race = false}: KeysLineProps) {
	if (message) {
		// one line, as the layout counts it: whole words that fit, then an ellipsis of its own
		return <Text color="yellow">{fitWords(message, width)}</Text>;
	}

	const always = BINDINGS.filter(binding => binding.always).map(binding => `${named(binding)} ${binding.short}`);
	const parts: string[] = [];
	let used = always.join(' · ').length;
	// a race's own keys lead in a race, and are left out otherwise
	const ordered = race
		? [...BINDINGS.filter(binding => binding.race), ...BINDINGS.filter(binding => !binding.race)]
		: BINDINGS.filter(binding => !binding.race);
	for (const binding of ordered) {
		const keys = named(binding);
		const part = `${keys} ${binding.short}`;
		if (binding.always || keys === undefined || used + part.length + 3 > width) {
			continue;
		}

		parts.push(part);
		used += part.length + 3;
	}

	return (
		<Text dimColor wrap="truncate-end">
			{[...parts, ...always].join(' · ')}
		</Text>
	);
}

/** The words of `text` that fit `width`, and ` …` when some are left out: never a word (or a number) cut. */
export function fitWords(text: string, width: number): string {
	if (text.length <= width) {
		return text;
	}

	let line = '';
	for (const word of text.split(' ')) {
		const next = line === '' ? word : `${line} ${word}`;
		if (next.length + 2 > width) {
			break;
		}

		line = next;
	}

	return `${line} …`;
}
