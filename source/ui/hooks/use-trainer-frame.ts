import {useEffect, useState} from 'react';
import type {Trainer} from '../../core/trainer.js';

/** At most ~30 renders a second: Ink lays the whole tree out on every state update. */
export const FRAME_MS = 33;
/** After a frame that took t ms, wait at least this many times t: rendering stays near a fifth of the time. */
const WAIT_PER_RENDER_MS = 4;

/**
 * Re-renders the caller when the trainer changes, at most once per frame, however many
 * iterations run in between, and never so often that rendering holds training back:
 * each frame's cost (Ink renders synchronously in the update) sets the wait before the next.
 * Returns a frame counter.
 */
export function useTrainerFrame(trainer: Trainer, frameMs = FRAME_MS): number {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		let nextAllowed = 0;
		let cost = 0;
		const render = () => {
			timer = undefined;
			const start = performance.now();
			setFrame(previous => previous + 1);
			const end = performance.now();
			// smoothed, so one slow frame (a resize, a GC pause) does not stall the next ones
			cost = cost === 0 ? end - start : 0.8 * cost + 0.2 * (end - start);
			nextAllowed = start + Math.max(frameMs, cost * (1 + WAIT_PER_RENDER_MS));
		};

		const request = () => {
			timer ??= setTimeout(render, Math.max(0, nextAllowed - performance.now()));
		};

		const events = ['progress', 'state', 'reset', 'learningRate', 'speed'] as const;
		for (const event of events) {
			trainer.on(event, request);
		}

		// the elapsed time and rate move while running even between progress events
		const clock = setInterval(() => {
			if (trainer.state === 'running') {
				request();
			}
		}, 250);
		return () => {
			for (const event of events) {
				trainer.off(event, request);
			}

			clearInterval(clock);
			if (timer !== undefined) {
				clearTimeout(timer);
			}
		};
	}, [trainer, frameMs]);
	return frame;
}
