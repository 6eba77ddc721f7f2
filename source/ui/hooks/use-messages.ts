import {useEffect} from 'react';
import type {Session} from '../../session/client.js';
import type {Action} from '../state.js';

/** A message stays on the keys line this long. */
export const MESSAGE_MS = 5000;

/** What the session says goes to the keys line, and leaves it after a few seconds. */
export function useMessages(session: Session, message: string | undefined, dispatch: (action: Action) => void): void {
	useEffect(() => session.onSaid(text => dispatch({type: 'say', text})), [session, dispatch]);
	useEffect(() => {
		if (message === undefined) {
			return;
		}

		const timer = setTimeout(() => {
			dispatch({type: 'say', text: undefined});
		}, MESSAGE_MS);
		return () => {
			clearTimeout(timer);
		};
	}, [message, dispatch]);
}
