import {useApp, useInput, type Key} from 'ink';
import {useCallback, useLayoutEffect, useRef} from 'react';
import {isQuit, press, type KeyContext} from '../binding.js';
import {BINDINGS} from '../keys.js';
import type {LessonHooks} from '../lesson/hooks.js';

/**
 * Every key, from the table in keys.ts. Keys typed fast, held down or pasted arrive
 * together: each character is a key. While the help is open only its own keys act.
 */
export function useKeys(context: Omit<KeyContext, 'exit'> | undefined, lesson?: LessonHooks): void {
	const {exit} = useApp();
	// the latest screen's context, set as each frame commits: Ink re-subscribes a new handler
	// only in a passive effect, and a key typed in between must not act on the frame before
	// (Esc just after ? would quit instead of closing the help)
	const latest = useRef({context, lesson});
	const handle = useCallback(
		(input: string, key: Key) => {
			const {context, lesson} = latest.current;
			// any key cancels a running gradient check (the key then does what it does)
			if (context?.snapshot.check?.state === 'running') {
				context.send({type: 'cancel'});
			}

			const characters = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
			for (const character of characters) {
				// a lesson's keys come first (← →, an answer typed), before the run's first frame too
				if (!context?.state.help && lesson?.key(character, key)) {
					continue;
				}

				if (!context) {
					if (isQuit(character, key)) {
						exit();
					} else if (lesson) {
						// in a lesson, a key typed before a new run's first frame (space just after →) acts once it has come
						lesson.wait(character, key);
					}

					continue;
				}

				const binding = BINDINGS.find(candidate => candidate.match(character, key));
				if (!binding || (context.state.help && !binding.inHelp)) {
					continue;
				}

				// a key the lesson's step does not offer says the keys it does
				if (lesson && lesson.offered(binding) === undefined) {
					context.dispatch({type: 'say', text: lesson.notOffered()});
				} else {
					press(binding, {...context, exit}, character, key);
				}
			}
		},
		[exit],
	);
	useLayoutEffect(() => {
		latest.current = {context, lesson};
		if (context && lesson) {
			for (const [character, key] of lesson.drain()) {
				handle(character, key);
			}
		}
	});
	useInput(handle);
}
