import {useEffect} from 'react';
import type {View} from '../../core/snapshot-of.js';
import type {Session} from '../../session/client.js';

/** Tells the session what the screen shows (selection, rows that fit) whenever that changes. */
export function useView(session: Session, view: View | undefined): void {
	const {selected, sample, weightStart, weightRows, sampleStart, sampleRows} = view ?? {};
	useEffect(() => {
		if (selected !== undefined) {
			session.send({
				type: 'view',
				view: {selected, sample: sample!, weightStart: weightStart!, weightRows: weightRows!, sampleStart: sampleStart!, sampleRows: sampleRows!},
			});
		}
	}, [session, selected, sample, weightStart, weightRows, sampleStart, sampleRows]);
}
