import {useEffect} from 'react';
import type {View} from '../../session/views/snapshot.js';
import type {Session} from '../../session/client.js';

/** Tells the session what the screen shows (selection, rows that fit, the map's size) whenever that changes. */
export function useView(session: Session, view: View | undefined): void {
	// one string for the effect's dependency: the view is small and changes rarely
	const text = view === undefined ? undefined : JSON.stringify(view);
	useEffect(() => {
		if (text !== undefined) {
			session.send({type: 'view', view: JSON.parse(text) as View});
		}
	}, [session, text]);
}
