import {useEffect, useState} from 'react';
import type {Trainer} from '../../core/trainer.js';

/** At most ~30 renders a second: Ink lays the whole tree out on every state update. */
export const FRAME_MS = 33;

/**
 * Re-renders the caller when the trainer changes, at most once per frame, however
 * many iterations run in between. Returns a frame counter.
 */
export function useTrainerFrame(trainer: Trainer, frameMs = FRAME_MS): number {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		let lastRender = 0;
		const render = () => {
			timer = undefined;
			lastRender = performance.now();
			setFrame(previous => previous + 1);
		};

		const request = () => {
			if (timer === undefined) {
				timer = setTimeout(render, Math.max(0, lastRender + frameMs - performance.now()));
			}
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
