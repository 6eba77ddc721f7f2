import {GradientCheck} from '../core/maths/gradient-check.js';
import {weightRefAt} from '../core/names.js';
import type {Network} from '../core/maths/network.js';
import type {CheckStatus} from './views/snapshot.js';
import type {Trainer} from '../core/training/trainer.js';
import {formatCount} from './format.js';

/** A whole check should take about this long at most; a larger network is checked on a spread of its weights. */
const CHECK_BUDGET_MS = 20_000;
/** Nanoseconds per weight × sample term of a forward pass, measured here (a little over). */
const TERM_NS = 2;
/** A slice of checking between two looks at the event loop (a key cancels). */
const SLICE_MS = 15;

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

/** Why the last iteration has no gradients to check, or undefined when it has. */
export function checkProblem(trainer: Trainer): string | undefined {
	if (trainer.divergedAt !== undefined) {
		return `gradient check: nothing to check, the run diverged at iteration ${formatCount(trainer.divergedAt)} (its weights are not finite numbers); press r to reset`;
	}

	if (trainer.walk.count > 0) {
		return 'gradient check: finish this iteration first (s), then check its gradients';
	}

	return trainer.network.hasIteration ? undefined : 'gradient check: step once first (s); it checks the gradients of the last iteration';
}

/**
 * A gradient check of one iteration of one run, done in slices with the event loop free
 * between them, so that progress shows and a key (or the shared interrupt flag, set
 * without waiting for the thread to read its messages) cancels it.
 */
export class CheckRun {
	readonly job: GradientCheck;
	readonly runId: number;
	readonly iteration: number;
	state: 'running' | 'done' | 'cancelled' = 'running';
	private readonly trainer: Trainer;
	private readonly interrupt: Int32Array;
	private readonly report: (text: string) => void;

	constructor(trainer: Trainer, selected: number, runId: number, interrupt: Int32Array, report: (text: string) => void) {
		this.trainer = trainer;
		this.job = new GradientCheck(trainer.network, checkSubset(trainer.network, selected));
		this.runId = runId;
		this.iteration = trainer.iteration;
		this.interrupt = interrupt;
		this.report = report;
		Atomics.store(interrupt, 0, 0);
	}

	/** Checks for a slice; returns whether more slices are to come. */
	slice(): boolean {
		if (this.state !== 'running') {
			return false;
		}

		const end = performance.now() + SLICE_MS;
		const interrupted = () => Atomics.load(this.interrupt, 0) === 1;
		// the flag is looked at before every sample's forward pass: a large network's weight takes long
		const done = this.job.run(() => interrupted() || performance.now() > end, interrupted);
		if (interrupted()) {
			this.cancel();
		} else if (done) {
			this.state = 'done';
			const result = this.job.result();
			const {layers, bias} = this.trainer.network.shape;
			const subset = result.weights.length < result.total ? ` (${formatCount(result.weights.length)} of ${formatCount(result.total)} weights)` : '';
			this.report(
				`gradient check at iteration ${formatCount(this.iteration)}: every gradient again by finite differences${subset}; largest relative difference ${result.worst.relativeDifference.toExponential(1)} (${weightRefAt(layers, bias, result.worst.index).name})`,
			);
		}

		return this.state === 'running';
	}

	cancel(): void {
		Atomics.store(this.interrupt, 0, 0);
		if (this.state === 'running') {
			this.state = 'cancelled';
			this.report(`gradient check cancelled after ${formatCount(this.job.checks.length)} of ${formatCount(this.job.indices.length)} weights`);
		}
	}

	/** What the snapshot says of it: progress, or the result and the selected weight's own figures. */
	status(selected: number): {check: CheckStatus | undefined; checked: ReadonlyMap<number, number> | undefined} {
		if (this.state === 'running') {
			return {check: {state: 'running', checked: this.job.checks.length, of: this.job.indices.length}, checked: undefined};
		}

		if (this.state === 'cancelled') {
			return {check: undefined, checked: undefined};
		}

		const result = this.job.result();
		const mine = result.weights.find(weight => weight.index === selected);
		const {layers, bias} = this.trainer.network.shape;
		return {
			check: {
				state: 'done',
				iteration: this.iteration,
				checked: result.weights.length,
				of: result.total,
				worst: {name: weightRefAt(layers, bias, result.worst.index).name, relativeDifference: result.worst.relativeDifference},
				selected: mine && {numeric: mine.numeric, relativeDifference: mine.relativeDifference},
			},
			checked: new Map(result.weights.map(weight => [weight.index, weight.relativeDifference])),
		};
	}
}
