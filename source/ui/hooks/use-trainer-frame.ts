import {useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {Trainer} from '../../core/trainer.js';

/** At most ~30 renders a second: Ink lays the whole tree out on every state update. */
export const FRAME_MS = 33;
/**
 * While training takes all the CPU it can get, a frame that took t ms waits at least this
 * many times t for the next: rendering then takes about a fifth of the time. (A frame of
 * the 120×40 dashboard costs Ink about 16 ms, most of it measuring every character.)
 */
const WAIT_PER_RENDER_MS = 4;

type Schedule = {
	/** Earliest start of the next frame: a frame's time after the last one. */
	nextFrame: number;
	/** Earliest start of the next frame that only shows progress, while training is CPU-bound. */
	nextAllowed: number;
	/** Smoothed cost of a frame, ms. */
	cost: number;
	/** A frame was asked for and has not been committed yet. */
	inFlight: boolean;
	/** The trainer changed while a frame was in flight; urgently if it paused, reset or changed speed or rate. */
	wanted: boolean;
	wantedUrgent: boolean;
	request: (urgent?: boolean) => void;
};

/**
 * Re-renders the caller when the trainer changes, at most once per frame, however many
 * iterations run in between, and never so often that rendering holds training back:
 * while training is CPU-bound, each frame's measured cost sets the wait before the next.
 * Returns a frame counter.
 *
 * The cost is measured from this hook's call (the start of the caller's render) to its
 * layout effect, which React runs after the whole tree is committed and Ink has written
 * it: React schedules the render as a task of its own, so timing `setFrame` would miss it.
 */
export function useTrainerFrame(trainer: Trainer, frameMs = FRAME_MS): number {
	const [frame, setFrame] = useState(0);
	const renderStart = useRef(0);
	const schedule = useRef<Schedule>({nextFrame: 0, nextAllowed: 0, cost: 0, inFlight: false, wanted: false, wantedUrgent: false, request() {}});
	renderStart.current = performance.now();
	useLayoutEffect(() => {
		const s = schedule.current;
		const took = performance.now() - renderStart.current;
		// smoothed, so one slow frame (a resize, a GC pause) does not stall the next ones
		s.cost = s.cost === 0 ? took : 0.8 * s.cost + 0.2 * took;
		// at a speed it keeps up with, the trainer leaves the CPU idle: frames cost it nothing
		// (its rate is measured after half a second; until then only `max` counts as busy)
		const {speed, iterationsPerSecond} = trainer;
		const behind = iterationsPerSecond > 0 && iterationsPerSecond < 0.9 * speed;
		const busy = trainer.state === 'running' && (speed === Number.POSITIVE_INFINITY || behind);
		s.nextFrame = renderStart.current + frameMs;
		s.nextAllowed = renderStart.current + Math.max(frameMs, busy ? s.cost * (1 + WAIT_PER_RENDER_MS) : 0);
		s.inFlight = false;
		if (s.wanted) {
			const urgent = s.wantedUrgent;
			s.wanted = false;
			s.wantedUrgent = false;
			s.request(urgent);
		}
	});
	useEffect(() => {
		const s = schedule.current;
		let timer: NodeJS.Timeout | undefined;
		let due = Number.POSITIVE_INFINITY;
		const show = () => {
			timer = undefined;
			due = Number.POSITIVE_INFINITY;
			s.inFlight = true;
			setFrame(previous => previous + 1);
		};

		// progress waits for the budget; a pause, a reset, a new speed or rate show within a frame
		s.request = (urgent = false) => {
			if (s.inFlight) {
				s.wanted = true;
				s.wantedUrgent ||= urgent;
				return;
			}

			const at = urgent ? s.nextFrame : s.nextAllowed;
			if (timer !== undefined) {
				if (at >= due) {
					return;
				}

				clearTimeout(timer);
			}

			due = at;
			timer = setTimeout(show, Math.max(0, at - performance.now()));
		};

		const progress = () => {
			s.request();
		};

		const change = () => {
			s.request(true);
		};

		// pausing, done and diverged show at once; "running" is progress, and waits its turn
		const state = () => {
			s.request(trainer.state !== 'running');
		};

		trainer.on('progress', progress);
		trainer.on('state', state);
		const changes = ['reset', 'learningRate', 'speed'] as const;
		for (const event of changes) {
			trainer.on(event, change);
		}

		// the elapsed time and rate move while running even between progress events
		const clock = setInterval(() => {
			if (trainer.state === 'running') {
				s.request();
			}
		}, 250);
		return () => {
			trainer.off('progress', progress);
			trainer.off('state', state);
			for (const event of changes) {
				trainer.off(event, change);
			}

			clearInterval(clock);
			if (timer !== undefined) {
				clearTimeout(timer);
			}
		};
	}, [trainer]);
	return frame;
}
