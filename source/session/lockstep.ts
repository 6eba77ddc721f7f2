import type {Trainer} from '../core/training/trainer.js';

/**
 * The lanes of a race as one run for the scheduler: a step takes every lane still training
 * the same number of iterations further, so that they stand at the same iteration (a lane
 * that diverged or reached its error bound stays where it ended). Lanes share nothing:
 * each lane's numbers are those of its single run.
 */
export class Lockstep {
	readonly trainers: readonly Trainer[];

	constructor(trainers: readonly Trainer[]) {
		this.trainers = trainers;
	}

	/** Where the lanes still training stand (all stand there); once every lane has ended, the furthest. */
	get iteration(): number {
		const training = this.trainers.filter(trainer => !trainer.finished);
		return Math.max(...(training.length > 0 ? training : this.trainers).map(trainer => trainer.iteration));
	}

	get finished(): boolean {
		return this.trainers.every(trainer => trainer.finished);
	}

	/** Every lane still training, `count` iterations on; returns how many the furthest ran. */
	step(count = 1): number {
		const from = this.iteration;
		for (const trainer of this.trainers) {
			if (!trainer.finished) {
				trainer.step(from + count - trainer.iteration);
			}
		}

		return this.iteration - from;
	}

	/** One phase of the next iteration in every lane still training: their walks stay in step (one network, so one list of phases). */
	stepPhase(): void {
		for (const trainer of this.trainers) {
			trainer.stepPhase();
		}
	}

	/** Every lane at or past the iteration before, back to it; false (and no lane moved) when one of them cannot go there. */
	back(): boolean {
		const from = this.iteration;
		const walking = this.trainers.some(trainer => trainer.walk.count > 0);
		const target = walking ? from : from - 1;
		const moving = this.trainers.filter(trainer => trainer.iteration > target || trainer.walk.count > 0);
		if (moving.some(trainer => target < trainer.earliestReachable)) {
			return false;
		}

		return moving.every(trainer => trainer.back());
	}
}
