/** A learning rate set during the run: from update `iteration + 1` on. */
export type LearningRateChange = {readonly iteration: number; readonly learningRate: number};

const MAX_CHANGES = 256;

/** The learning rates set while a run went on (`[` `]`), so that going back replays each with its own. */
export class LearningRates {
	readonly changes: LearningRateChange[] = [];
	private readonly initial: number;

	constructor(initial: number) {
		this.initial = initial;
	}

	/** The rate of update `iteration + 1`. */
	at(iteration: number): number {
		return this.changes.findLast(change => change.iteration <= iteration)?.learningRate ?? this.initial;
	}

	set(iteration: number, learningRate: number): void {
		if (this.changes.at(-1)?.iteration === iteration) {
			this.changes.pop();
		} else if (this.changes.length === MAX_CHANGES) {
			this.changes.shift();
		}

		this.changes.push({iteration, learningRate});
	}

	/** Forgets the changes after `iteration`: the run went back before them. */
	forgetAfter(iteration: number): void {
		while (this.changes.length > 0 && this.changes.at(-1)!.iteration > iteration) {
			this.changes.pop();
		}
	}
}
