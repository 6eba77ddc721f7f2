import type {Vocabulary} from '../../session/lesson/types.js';
import {BINDINGS} from '../keys.js';
import {PANELS} from '../panels/index.js';
import {LESSON_KEYS} from './keys.js';

/** The panels and keys a lesson's steps may name: the screen's own, from its registries. */
export function lessonVocabulary(): Vocabulary {
	const keys = new Set(BINDINGS.flatMap(binding => binding.keys.split(' ')));
	return {
		panels: PANELS.map(entry => entry.id).filter(id => id !== 'lesson'),
		keys: [...keys].filter(key => !LESSON_KEYS.includes(key)),
		lessonKeys: LESSON_KEYS,
	};
}
