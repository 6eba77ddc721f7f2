import {GradientCheck} from '../core/gradient-check.js';
import {describePhase} from '../core/iteration.js';
import {weightRefAt} from '../core/names.js';
import {randomSeed} from '../core/random.js';
import {nextSpeed, Scheduler} from '../core/scheduler.js';
import type {PreviousRun, Snapshot} from '../core/snapshot.js';
import {DEFAULT_VIEW, evaluationOf, runFactsOf, snapshotOf, type Evaluation, type View} from '../core/snapshot-of.js';
import {Trainer} from '../core/trainer.js';
import {checkStatusOf, checkSubset, type CheckRun} from './check.js';
import {writeOnKey, writeRequested} from './exports.js';
import {InputError} from './input-error.js';
import type {RunOptions} from './options.js';
import type {Command, HostMessage} from './protocol.js';
import {previousRunOf} from './previous.js';
import {runEndOf} from './summary.js';

/** At most this often a snapshot: the frame rate. */
export const FRAME_MS = 33;
/** Above this many weight × sample terms, the errors over all samples are measured at most every EVALUATE_MS while running. */
const CHEAP_EVALUATION = 200_000;
const EVALUATE_MS = 500;

/**
 * The running session: the trainer, its scheduler and what the screen asks to see. Takes
 * commands, sends snapshots at the frame rate (and at once after a command). The same
 * code runs in the training thread (worker.ts) and, for tests, in the caller's.
 */
export class SessionHost {
	private readonly options: RunOptions;
	private readonly send: (message: HostMessage) => void;
	private readonly interrupt: Int32Array;
	private trainer: Trainer;
	private readonly scheduler: Scheduler;
	private runId = 0;
	private run: ReturnType<typeof runFactsOf>;
	private view: View = DEFAULT_VIEW;
	private previous: PreviousRun | undefined;
	private next: {optimizer?: Trainer['setup']['optimizer']; batch?: number | undefined} = {};
	private check: CheckRun | undefined;
	private evaluation: Evaluation;
	private evaluated = {runId: -1, iteration: -1, at: 0};
	private frameTimer: NodeJS.Timeout | undefined;
	private lastFrame = 0;
	private finished = false;
	/** Commands handled: a snapshot says which of the screen's commands it shows. */
	private handled = 0;

	constructor(options: RunOptions, send: (message: HostMessage) => void, interrupt: Int32Array) {
		this.options = options;
		this.send = send;
		this.interrupt = interrupt;
		this.trainer = new Trainer(options.setup, options.resume);
		this.run = runFactsOf(this.trainer);
		this.evaluation = evaluationOf(this.trainer, this.run.classes);
		this.scheduler = new Scheduler(this.trainer, options.speed, () => this.requestFrame());
		if (!options.paused) {
			this.scheduler.start();
		}

		this.publish();
	}

	handle(command: Command): void {
		if (process.env['DESCENT_DEBUG']) {
			require('node:fs').appendFileSync('/tmp/descent-debug.log', `host ${performance.now().toFixed(0)} ${JSON.stringify(command)}\n`);
		}
		if (this.finished) {
			return;
		}

		this.handled++;
		if (this.check?.state === 'running' && command.type !== 'view') {
			this.cancelCheck();
			if (command.type === 'cancel' || command.type === 'check') {
				this.publish();
				return;
			}
		}

		this.apply(command);
		this.publish();
	}

	private apply(command: Command): void {
		const {trainer, scheduler} = this;
		switch (command.type) {
			case 'toggle': {
				if (trainer.finished) {
					this.say(`${trainer.status}: press r to reset and train again`);
				} else if (scheduler.isRunning) {
					scheduler.pause();
				} else {
					scheduler.start();
				}

				break;
			}

			case 'pause': {
				scheduler.pause();
				break;
			}

			case 'step': {
				// n pressed again while the last n runs adds its iterations to where that one stops
				const from = scheduler.stopAt ?? trainer.iteration;
				scheduler.pause();
				if (command.count === 1 || trainer.finished) {
					trainer.step(command.count);
				} else {
					scheduler.start(Math.min(trainer.setup.limit, from + command.count));
				}

				break;
			}

			case 'phase': {
				scheduler.pause();
				const phase = trainer.stepPhase();
				if (phase?.kind === 'update') {
					const total = trainer.phases.length;
					this.say(`phase ${total} of ${total}, ${describePhase(phase, trainer.network)}: iteration ${trainer.iteration.toLocaleString('en-US')} is done`);
				}

				break;
			}

			case 'back': {
				scheduler.pause();
				if (!trainer.back()) {
					this.say(`back: iteration ${trainer.earliestReachable.toLocaleString('en-US')} is as far back as this run can go`);
				}

				break;
			}

			case 'reset': {
				this.reset(command.seed);
				break;
			}

			case 'speed': {
				scheduler.setSpeed(nextSpeed(scheduler.speed, command.direction));
				break;
			}

			case 'learningRate': {
				trainer.setLearningRate(trainer.learningRate * command.factor);
				break;
			}

			case 'next': {
				this.next = {...this.next, ...(command.optimizer && {optimizer: command.optimizer}), ...('batch' in command && {batch: command.batch ?? undefined})};
				break;
			}

			case 'forget': {
				this.previous = undefined;
				break;
			}

			case 'view': {
				this.view = command.view;
				break;
			}

			case 'check': {
				this.startCheck();
				break;
			}

			case 'cancel': {
				break;
			}

			case 'write': {
				this.write(command.what);
				break;
			}

			case 'finish': {
				this.finish();
				break;
			}
		}
	}

	private reset(seed: 'same' | 'new'): void {
		const old = this.trainer;
		const setup = {
			...old.setup,
			seed: seed === 'new' ? randomSeed() : old.setup.seed,
			learningRate: old.learningRate,
			optimizer: this.next.optimizer ?? old.setup.optimizer,
			batch: 'batch' in this.next ? this.next.batch : old.setup.batch,
		};
		if (old.iteration > 0) {
			this.previous = previousRunOf(old, setup);
		}

		this.trainer = new Trainer(setup);
		this.scheduler.replace(this.trainer);
		this.runId++;
		this.run = runFactsOf(this.trainer);
		this.check = undefined;
		this.next = {};
	}

	private startCheck(): void {
		const {trainer} = this;
		this.scheduler.pause();
		const problem =
			trainer.divergedAt !== undefined
				? `gradient check: nothing to check, the run diverged at iteration ${trainer.divergedAt.toLocaleString('en-US')} (its weights are not finite numbers); press r to reset`
				: trainer.phase > 0
					? 'gradient check: finish this iteration first (s), then check its gradients'
					: trainer.network.hasIteration
						? undefined
						: 'gradient check: step once first (s); it checks the gradients of the last iteration';
		if (problem) {
			this.say(problem);
			return;
		}

		Atomics.store(this.interrupt, 0, 0);
		const job = new GradientCheck(trainer.network, checkSubset(trainer.network, this.view.selected));
		this.check = {job, runId: this.runId, iteration: trainer.iteration, state: 'running'};
		this.continueCheck(job);
	}

	/** A slice of the check, then the event loop (a key cancels it), then the next slice. */
	private continueCheck(job: GradientCheck): void {
		const check = this.check;
		if (check?.job !== job || check.state !== 'running') {
			return;
		}

		const end = performance.now() + 15;
		const done = job.run(() => Atomics.load(this.interrupt, 0) === 1 || performance.now() > end);
		if (Atomics.load(this.interrupt, 0) === 1) {
			this.cancelCheck();
		} else if (done) {
			this.check = {...check, state: 'done'};
			const result = job.result();
			const worst = weightRefAt(this.trainer.network.shape.layers, this.trainer.network.shape.bias, result.worst.index);
			const subset =
				result.weights.length < result.total ? ` (${result.weights.length.toLocaleString('en-US')} of ${result.total.toLocaleString('en-US')} weights)` : '';
			this.say(
				`gradient check at iteration ${check.iteration.toLocaleString('en-US')}: every gradient again by finite differences${subset}; largest relative difference ${result.worst.relativeDifference.toExponential(1)} (${worst.name})`,
			);
		} else {
			setImmediate(() => this.continueCheck(job));
		}

		this.requestFrame();
	}

	private cancelCheck(): void {
		Atomics.store(this.interrupt, 0, 0);
		if (this.check?.state === 'running') {
			this.say(
				`gradient check cancelled after ${this.check.job.checks.length.toLocaleString('en-US')} of ${this.check.job.indices.length.toLocaleString('en-US')} weights`,
			);
			this.check = undefined;
		}
	}

	private write(what: 'checkpoint' | 'history'): void {
		try {
			this.say(writeOnKey(what, this.trainer, what === 'checkpoint' ? this.options.save : this.options.history));
		} catch (error) {
			this.say(`${what} not written: ${error instanceof InputError ? error.message : String(error)}`);
		}
	}

	private finish(): void {
		const wasRunning = this.scheduler.isRunning;
		this.scheduler.dispose();
		this.check = undefined;
		this.finished = true;
		clearTimeout(this.frameTimer);
		const {trainer} = this;
		const written = writeRequested(trainer, this.options);
		const state = trainer.finished ? (trainer.status as 'done' | 'diverged') : wasRunning ? 'stopped' : 'paused';
		this.send({type: 'finished', end: runEndOf(trainer, state, this.scheduler.elapsed, written)});
	}

	/** Stops everything without writing a file: the screen went away. */
	dispose(): void {
		this.scheduler.dispose();
		this.check = undefined;
		this.finished = true;
		clearTimeout(this.frameTimer);
	}

	private say(text: string): void {
		this.send({type: 'said', text});
	}

	/** A snapshot within a frame of the last one, however often training progresses. */
	private requestFrame(): void {
		if (this.frameTimer !== undefined || this.finished) {
			return;
		}

		this.frameTimer = setTimeout(() => this.publish(), Math.max(0, this.lastFrame + FRAME_MS - performance.now()));
	}

	private publish(): void {
		clearTimeout(this.frameTimer);
		this.frameTimer = undefined;
		if (this.finished) {
			return;
		}

		this.lastFrame = performance.now();
		this.send({type: 'snapshot', snapshot: this.snapshot()});
	}

	private snapshot(): Snapshot {
		const {trainer, scheduler} = this;
		const now = performance.now();
		const stale = this.evaluated.runId !== this.runId || this.evaluated.iteration !== trainer.iteration;
		const cheap = trainer.data.count * trainer.network.shape.weightCount <= CHEAP_EVALUATION;
		if (stale && (cheap || !scheduler.isRunning || now - this.evaluated.at > EVALUATE_MS)) {
			this.evaluation = evaluationOf(trainer, this.run.classes);
			this.evaluated = {runId: this.runId, iteration: trainer.iteration, at: now};
		}

		const current = this.check?.runId === this.runId && this.check.iteration === trainer.iteration ? this.check : undefined;
		return snapshotOf(
			trainer,
			{
				runId: this.runId,
				handled: this.handled,
				running: scheduler.isRunning,
				stopAt: scheduler.stopAt,
				speed: scheduler.speed,
				iterationsPerSecond: scheduler.iterationsPerSecond,
				elapsedMs: scheduler.elapsed,
				view: this.view,
				evaluation: this.evaluation,
				...checkStatusOf(current, this.view.selected, trainer),
				previous: this.previous,
				next: nextOf(this.next),
				plane: this.options.plane,
			},
			this.run,
		);
	}
}

function nextOf(next: {optimizer?: string; batch?: number | undefined}): string | undefined {
	const parts = [next.optimizer, 'batch' in next ? (next.batch === undefined ? 'full batch' : `batch ${next.batch}`) : undefined].filter(Boolean);
	return parts.length > 0 ? parts.join(', ') : undefined;
}
