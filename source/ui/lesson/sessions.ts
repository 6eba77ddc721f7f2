import type {Session} from '../../session/client.js';
import type {StepRun} from '../../session/lesson/types.js';
import {currentStep, type LessonState} from './state.js';

/** The sessions of a lesson's runs: one a run (by the step that starts it), a new one when the run starts afresh (the old one closed). */
export function keptSessions<S extends Session>(make: (run: StepRun) => S): {for: (key: string, state: LessonState) => S; all: () => S[]} {
	const sessions = new Map<number, {key: string; session: S}>();
	return {
		for(key, state) {
			const {run, options, race} = currentStep(state);
			const kept = sessions.get(run);
			if (kept?.key === key) {
				return kept.session;
			}

			void kept?.session.close();
			const session = make({options, ...(race && {race})});
			sessions.set(run, {key, session});
			return session;
		},
		all: () => [...sessions.values()].map(({session}) => session),
	};
}
