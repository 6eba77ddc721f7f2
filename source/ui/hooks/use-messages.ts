import {useCallback, useEffect} from 'react';
import type {Session} from '../../session/client.js';
import type {Command} from '../../session/protocol.js';
import type {Action} from '../state.js';

/** A message stays on the keys line this long. */
export const MESSAGE_MS = 5000;

/** What the session says goes to the keys line, and leaves it after a few seconds (or when the session says '': at once). */
export function useMessages(session: Session, message: string | undefined, dispatch: (action: Action) => void): void {
	useEffect(() => session.onSaid(text => dispatch({type: 'say', text: text === '' ? undefined : text})), [session, dispatch]);
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

/** A fact the screen finds (a panel refused for want of room) goes to the keys line when it changes. */
export function useSaid(text: string | undefined, dispatch: (action: Action) => void): void {
	useEffect(() => {
		if (text) {
			dispatch({type: 'say', text});
		}
	}, [text, dispatch]);
}

/** Sends a command; a pending text stays on the keys line until the snapshot that shows the command. */
export function useSend(session: Session, dispatch: (action: Action) => void): (command: Command, pending?: string) => void {
	return useCallback(
		(command: Command, pending?: string) => {
			const seq = session.send(command);
			if (pending) {
				dispatch({type: 'pending', text: pending, seq});
			}
		},
		[session, dispatch],
	);
}
