import type {GradientCheck} from '../core/gradient-check.js';
import {weightRefAt} from '../core/names.js';
import type {Network} from '../core/network.js';
import type {CheckStatus} from '../core/snapshot.js';
import type {Trainer} from '../core/trainer.js';

/** A gradient check of one iteration of one run, running or done. */
export type CheckRun = {readonly job: GradientCheck; readonly runId: number; readonly iteration: number; readonly state: 'running' | 'done'};

/** A whole check should take about this long at most; a larger network is checked on a spread of its weights. */
const CHECK_BUDGET_MS = 20_000;
/** Nanoseconds per weight × sample term of a forward pass, measured here (a little over). */
const TERM_NS = 2;

/** The weights to check: all, or evenly spread ones (the selected one among them) when all would take too long. */
export function checkSubset(network: Network, selected: number): number[] | undefined {
	const count = network.shape.weightCount;
	// four forward passes of the batch per weight
	const perWeightMs = (4 * network.batchSize * count * TERM_NS) / 1e6;
	const affordable = Math.max(1, Math.floor(CHECK_BUDGET_MS / perWeightMs));
	if (affordable >= count) {
		return undefined;
	}

	const every = Math.ceil(count / affordable);
	const indices = new Set<number>([selected]);
	for (let k = 0; k < count; k += every) {
		indices.add(k);
	}

	return [...indices].sort((a, b) => a - b);
}

/** What the snapshot says of a check of the current iteration. */
export function checkStatusOf(
	check: CheckRun | undefined,
	selected: number,
	trainer: Trainer,
): {check: CheckStatus | undefined; checked: ReadonlyMap<number, number> | undefined} {
	if (!check) {
		return {check: undefined, checked: undefined};
	}

	const {job} = check;
	if (check.state === 'running') {
		return {check: {state: 'running', checked: job.checks.length, of: job.indices.length}, checked: undefined};
	}

	const result = job.result();
	const checked = new Map(result.weights.map(weight => [weight.index, weight.relativeDifference]));
	const mine = result.weights.find(weight => weight.index === selected);
	const {layers, bias} = trainer.network.shape;
	return {
		check: {
			state: 'done',
			iteration: check.iteration,
			checked: result.weights.length,
			of: result.total,
			worst: {name: weightRefAt(layers, bias, result.worst.index).name, relativeDifference: result.worst.relativeDifference},
			selected: mine && {numeric: mine.numeric, relativeDifference: mine.relativeDifference},
		},
		checked,
	};
}
