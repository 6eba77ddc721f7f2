import {randomSeed} from '../core/maths/random.js';
import {nextSpeed, Scheduler} from './scheduler.js';
import {DEFAULT_VIEW, type PreviousRun, type Snapshot, type View} from './views/snapshot.js';
import {runFactsOf, snapshotOf} from './views/snapshot-of.js';
import type {RunData} from './views/context.js';
import type {Trainer} from '../core/training/trainer.js';
import {HostLanes} from './host-lanes.js';
import type {RaceLane} from './race.js';
import {CheckRun, checkProblem} from './check.js';
import {finishedLine, TRAINING_COMMANDS} from './finished.js';
import {keyExport, writeAllRequested, type KeyFile} from './exports.js';
import {formatCount} from './format.js';
import type {RunOptions} from './options.js';
import {cancelsCheck, FRAME_MS, type Command, type HostMessage} from './protocol.js';
import {previousRunOf} from './previous.js';
import {runEndOf} from './summary.js';
import {nextWords, stepNext, type NextRun} from './next-run.js';

type Handlers = {readonly [Type in Command['type']]: (command: Extract<Command, {type: Type}>) => void};

/**
 * The running session: the trainer, its scheduler and what the screen asks to see. Takes
 * commands, sends snapshots at the frame rate (and at once after a command). The same
 * code runs in the training thread (worker.ts) and, for tests, in the caller's.
 */
export class SessionHost {
	private readonly options: RunOptions;
	private readonly send: (message: HostMessage) => void;
	private readonly interrupt: Int32Array;
	/** The run, or the lanes of a race (the keys act on every lane; the panels show the selected one). */
	private readonly lanes: HostLanes;
	private readonly scheduler: Scheduler;
	private runId = 0;
	private run: ReturnType<typeof runFactsOf>;
	private view: View = DEFAULT_VIEW;
	private previous: PreviousRun | undefined;
	private next: NextRun = {};
	private check: CheckRun | undefined;
	private frameTimer: NodeJS.Timeout | undefined;
	private lastFrame = 0;
	private finished = false;
	/** Commands handled: a snapshot says which of the screen's commands it shows. */
	private handled = 0;

	/** What each command does. */
	private readonly handlers: Handlers = {
		toggle: () => this.toggle(),
		pause: () => this.scheduler.pause(),
		step: ({count}) => this.step(count),
		phase: () => this.phase(),
		back: () => this.back(),
		reset: ({seed}) => this.reset(seed),
		speed: ({direction}) => this.scheduler.setSpeed(nextSpeed(this.scheduler.speed, direction)),
		learningRate: ({factor}) => this.trainer.setLearningRate(this.trainer.learningRate * factor),
		next: ({choice}) => {
			const {next, said} = stepNext(this.next, choice, this.run);
			this.next = next;
			this.say(said);
		},
		forget: () => {
			this.previous = undefined;
		},
		view: ({view}) => {
			this.view = view;
		},
		check: () => this.startCheck(),
		cancel: () => this.check?.cancel(),
		write: ({what}) => this.write(what),
		finish: () => this.finish(),
		lane: ({lane}) => {
			this.lanes.selected = Math.max(0, Math.min(this.lanes.count - 1, lane));
			this.run = runFactsOf(this.trainer, this.runData());
			this.check = undefined;
		},
	};

	/** `race`: the lanes of `--race`, trained in lockstep from `options`' start. */
	constructor(options: RunOptions, send: (message: HostMessage) => void, interrupt: Int32Array, race?: readonly RaceLane[]) {
		this.options = options;
		this.send = send;
		this.interrupt = interrupt;
		this.lanes = new HostLanes(options, race);
		this.run = runFactsOf(this.trainer, this.runData());
		// a run that stops (done, diverged, at the iteration n asked for) shows it at once
		this.scheduler = new Scheduler(this.lanes.stepper, options.speed, () => (this.scheduler.isRunning ? this.requestFrame() : this.publish()));
		if (!options.paused) {
			this.scheduler.start();
		}

		this.publish();
	}

	handle(command: Command): void {
		if (this.finished) {
			return;
		}

		this.handled++;
		// any command but a view cancels a running check; cancel and check do nothing more
		if (this.check?.state === 'running' && cancelsCheck(command)) {
			this.check.cancel();
			if (command.type === 'cancel' || command.type === 'check') {
				this.publish();
				return;
			}
		}

		if (this.lanes.stepper.finished && TRAINING_COMMANDS.has(command.type)) {
			this.say(finishedLine(this.trainer));
		} else {
			(this.handlers[command.type] as (command: Command) => void)(command);
		}

		this.publish();
	}

	/** Stops everything without writing a file: the screen went away. */
	dispose(): void {
		this.scheduler.dispose();
		this.check = undefined;
		this.finished = true;
		clearTimeout(this.frameTimer);
	}

	/** The run the panels show: the selected lane's. */
	private get trainer(): Trainer {
		return this.lanes.trainer;
	}

	private toggle(): void {
		if (this.scheduler.isRunning) {
			this.scheduler.pause();
		} else {
			this.scheduler.start();
		}
	}

	private step(count: number): void {
		const {scheduler} = this;
		const stepper = this.lanes.stepper;
		// n pressed again while the last n runs adds its iterations to where that one stops
		const from = scheduler.stopAt ?? stepper.iteration;
		scheduler.pause();
		if (count === 1 || stepper.finished) {
			stepper.step(count);
		} else {
			scheduler.start(Math.min(this.trainer.setup.limit, from + count));
		}
	}

	private phase(): void {
		this.scheduler.pause();
		// the update is shown as a phase of its own, the p after it moves the counter; a new walk clears the last one's "is done"
		const {updateShown: completing, count} = this.trainer.walk;
		this.lanes.stepPhase();
		if (completing || count === 0) {
			this.say(completing ? `iteration ${formatCount(this.trainer.iteration)} is done: its update is in the weights; p walks the next` : '');
		}
	}

	private back(): void {
		this.scheduler.pause();
		if (!this.lanes.back()) {
			this.say(`back: iteration ${formatCount(this.trainer.earliestReachable)} is as far back as this run can go`);
		}
	}

	/** A new run: this seed or a new one, the learning rate as it is now, and the choices waiting for it (o, B). */
	private reset(seed: 'same' | 'new'): void {
		const old = this.lanes.reset(seed === 'new' ? randomSeed() : this.trainer.setup.seed, this.next);
		if (old.iteration > 0) {
			this.previous = previousRunOf(old, this.trainer.setup);
		}

		this.scheduler.replace(this.lanes.stepper);
		this.runId++;
		this.run = runFactsOf(this.trainer, this.runData());
		this.check = undefined;
		this.next = {};
	}

	private startCheck(): void {
		this.scheduler.pause();
		const problem = checkProblem(this.trainer);
		if (problem) {
			this.say(problem);
			return;
		}

		const check = new CheckRun(this.trainer, this.view.selected, this.runId, this.interrupt, text => this.say(text));
		this.check = check;
		const slice = () => {
			// a slice, then the event loop (a key cancels), then the next
			if (this.check === check && check.slice()) {
				setImmediate(slice);
			}

			this.requestFrame();
		};

		slice();
	}

	private write(what: KeyFile): void {
		// what is written is taken now; the ONNX model is encoded once its module has loaded
		void keyExport(what, this.trainer, this.options).then(line => this.say(line));
	}

	private finish(): void {
		const wasRunning = this.scheduler.isRunning;
		this.dispose();
		const {trainer} = this;
		const stateOf = (run: Trainer) => (run.finished ? (run.status as 'done' | 'diverged') : wasRunning ? 'stopped' : 'paused');
		const lanes = this.lanes.contexts()?.map(lane => runEndOf(lane.trainer, stateOf(lane.trainer), this.scheduler.elapsed, []));
		void writeAllRequested(trainer, this.options).then(written =>
			this.send({type: 'finished', end: runEndOf(trainer, stateOf(trainer), this.scheduler.elapsed, written), ...(lanes && {lanes})}),
		);
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
		const snapshot = this.snapshot();
		this.send({type: 'snapshot', snapshot});
		// a panel computed over several frames (the error surface) asks for the next even when nothing else changes
		if (Object.values(snapshot.panels).some(data => (data as {pending?: boolean} | undefined)?.pending === true)) {
			this.requestFrame();
		}
	}

	private snapshot(): Snapshot {
		const {trainer, scheduler, check} = this;
		const evaluation = this.lanes.measure(this.runId, scheduler.isRunning, this.run.classes);

		const current =
			check?.runId === this.runId && check.iteration === trainer.iteration ? check.status(this.view.selected) : {check: undefined, checked: undefined};
		const context = {
			runId: this.runId,
			handled: this.handled,
			running: scheduler.isRunning,
			stopAt: scheduler.stopAt,
			speed: scheduler.speed,
			iterationsPerSecond: scheduler.iterationsPerSecond,
			elapsedMs: scheduler.elapsed,
			view: this.view,
			evaluation,
			...current,
			previous: this.previous,
			next: nextWords(this.next),
			...this.runData(),
		};
		return snapshotOf(trainer, context, this.run);
	}

	/** The run's data, and in a race its lanes. */
	private runData(): RunData {
		const lanes = this.lanes.contexts();
		return {plane: this.options.plane, packaged: this.options.packaged, ...(lanes && {lanes})};
	}
}
