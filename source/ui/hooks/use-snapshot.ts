import {useCallback, useSyncExternalStore} from 'react';
import type {Snapshot} from '../../session/views/snapshot.js';
import type {Session} from '../../session/client.js';
import {FRAME_MS} from '../../session/protocol.js';

/**
 * The session's latest snapshot. The subscription is where frames are paced: however
 * often snapshots arrive, React hears of them at most once a frame.
 */
export function useSnapshot(session: Session, frameMs = FRAME_MS): Snapshot | undefined {
	const subscribe = useCallback(
		(listener: () => void) => {
			let timer: NodeJS.Timeout | undefined;
			let last = 0;
			const unsubscribe = session.subscribe(() => {
				if (timer !== undefined) {
					return;
				}

				const wait = last + frameMs - performance.now();
				if (wait <= 0) {
					last = performance.now();
					listener();
					return;
				}

				timer = setTimeout(() => {
					timer = undefined;
					last = performance.now();
					listener();
				}, wait);
			});
			return () => {
				clearTimeout(timer);
				unsubscribe();
			};
		},
		[session, frameMs],
	);
	return useSyncExternalStore(subscribe, session.getSnapshot);
}
