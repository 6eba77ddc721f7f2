import {useApp, useInput} from 'ink';
import {BINDINGS, type KeyContext} from '../keys.js';

/**
 * Every key, from the table in keys.ts. Keys typed fast, held down or pasted arrive
 * together: each character is a key. While the help is open only its own keys act.
 */
export function useKeys(context: Omit<KeyContext, 'exit'> | undefined): void {
	const {exit} = useApp();
	useInput((input, key) => {
		if (!context) {
			if (input === 'q' || key.escape || (key.ctrl && input === 'c')) {
				exit();
			}

			return;
		}

		const characters = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
		for (const character of characters) {
			const binding = BINDINGS.find(candidate => candidate.match(character, key));
			if (binding && (!context.state.help || binding.inHelp)) {
				binding.act({...context, exit}, character, key);
			}
		}
	});
}
