import {describeLayers} from '../core/names.js';
import {choicesOf} from '../core/presets.js';
import {testCount} from '../core/training/batches.js';
import {formatCount, formatData, formatDuration, formatNumber, formatPercent} from '../session/format.js';
import type {RunEnd} from '../session/summary.js';
import type {Options} from './build.js';
import {reproduceLine} from './reproduce.js';

/** What a run says when it ends, headless or after the dashboard: the network, how it ended, the errors, the files, the flags that reproduce it. */
export function summaryLines(end: RunEnd, options: Options): string[] {
	const {setup} = end;
	const resumedAt = options.run.resume?.iteration ?? 0;
	const after = resumedAt > 0 ? ` (${formatCount(end.iteration - resumedAt)} of them after --load)` : '';
	const took = formatDuration(end.elapsedMs);
	const states: Record<RunEnd['state'], string> = {
		done:
			end.reachedAt === undefined
				? `done: ${formatCount(end.iteration)} iterations${after} in ${took}`
				: `done: error ≤ ${setup.untilError} at iteration ${formatCount(end.reachedAt)}, in ${took}`,
		diverged: `diverged at iteration ${formatCount(end.divergedAt ?? end.iteration)}: the error or a weight is no longer a finite number (try a smaller --lr)`,
		stopped: `stopped at iteration ${formatCount(end.iteration)} / ${formatCount(end.limit)} after ${took} of training`,
		paused: `paused at iteration ${formatCount(end.iteration)} / ${formatCount(end.limit)} after ${took} of training`,
	};
	const test = end.testError === undefined ? '' : `, test error ${formatNumber(end.testError, 6)}`;
	const lines = [
		`descent: ${firstLine(end)}`,
		states[end.state],
		`error ${formatNumber(end.error, 6)} at the last iteration, ${formatNumber(end.finalError, 6)} with the final weights${test}`,
		...end.predicted.map(
			({predicted, target}, s) => `  sample ${s + 1}: predicted ${predicted.map(p => formatNumber(p, 6)).join(', ')}  target ${formatData(target)}`,
		),
		...(end.sampleCount > end.predicted.length ? [`  … and ${formatCount(end.sampleCount - end.predicted.length)} more samples (--json lists them all)`] : []),
		...end.written,
		`reproduce: ${reproduceLine(options, end)}`,
	];
	return lines;
}

/** What trained and how well, as the status line has it: the network, every choice, the batch and test split, the rate, the seed, the accuracy. */
function firstLine({setup, accuracy, testAccuracy}: RunEnd): string {
	const tested = testCount(setup.samples.length, setup.test);
	const trainCount = setup.samples.length - tested;
	const parts = [
		describeLayers(setup.layers),
		setup.activation,
		setup.bias ? 'bias' : 'no bias',
		...choicesOf(setup),
		...(setup.batch !== undefined && setup.batch < trainCount ? [`batch ${setup.batch} of ${formatCount(trainCount)}`] : []),
		...(tested > 0 ? [`${formatCount(tested)} test samples`] : []),
		`learning rate ${setup.learningRate}`,
		`seed ${setup.seed}`,
		...(accuracy === undefined ? [] : [`accuracy ${formatPercent(accuracy)}`]),
		...(testAccuracy === undefined ? [] : [`test ${formatPercent(testAccuracy)}`]),
	];
	return parts.join(', ');
}
