import {classCount} from '../../core/maths/confusion.js';
import {classOf} from '../../core/maths/evaluate.js';
import type {Trainer} from '../../core/training/trainer.js';
import type {ViewContext} from './context.js';

/** Which samples the matrix counts: the training samples, or the held-out ones. */
export type ConfusionRequest = {readonly test: boolean};

export type ConfusionData = {
	/** Each class's name, in the order of the rows and the columns. */
	readonly classes: readonly string[];
	/** `matrix[true][predicted]`: counts of samples. */
	readonly matrix: ReadonlyArray<readonly number[]>;
	/** Whether these are the test samples' counts (a run without a test split always shows the training samples'). */
	readonly test: boolean;
	readonly hasTest: boolean;
	/** The samples counted, and those on the diagonal. */
	readonly total: number;
	readonly right: number;
	/** What was done to a packaged dataset's values (iris's standardisation), for the screen to say. */
	readonly note: string | undefined;
};

/** The classes' names: the packaged dataset's, `0` and `1` for one output, else the output neurons' (`out1`, …). */
export function classNames(outputs: number, packaged: readonly string[] | undefined): string[] {
	return packaged ? [...packaged] : outputs === 1 ? ['0', '1'] : Array.from({length: outputs}, (_, k) => `out${k + 1}`);
}

/**
 * The confusion matrix of the current weights over the training (or test) samples, from each
 * sample's predicted class as the session last measured it (with the errors and the
 * accuracy, so the diagonal over the total is the status line's accuracy).
 */
export function confusionOf(trainer: Trainer, request: ConfusionRequest, context: ViewContext): ConfusionData {
	const {data, split} = trainer;
	const hasTest = split.test.length > 0;
	const test = request.test && hasTest;
	const samples = test ? split.test : split.train;
	const size = classCount(data.outputCount);
	const matrix = Array.from({length: size}, () => Array.from({length: size}, () => 0));
	const predictions = context.predictions;
	let right = 0;
	for (const s of samples) {
		const target = classOf(data.targets.subarray(s * data.outputCount, (s + 1) * data.outputCount));
		const predicted = predictions?.[s] ?? 0;
		matrix[target]![predicted]!++;
		right += target === predicted ? 1 : 0;
	}

	return {classes: classNames(data.outputCount, context.packaged?.classes), matrix, test, hasTest, total: samples.length, right, note: context.packaged?.note};
}
