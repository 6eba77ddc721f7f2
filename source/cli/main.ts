import process from 'node:process';
import {testCount} from '../core/training/batches.js';
import {MATRIX_SPEEDUP, matrixWorthIt, nativeMatrix} from '../core/maths/matrix.js';
import {OPTIMIZERS} from '../core/maths/optimizers.js';
import type {Setup} from '../core/setup.js';
import {weightCount} from '../core/shape.js';
import {samplesCsv} from '../session/csv.js';
import {writeFileAtomic} from '../session/files.js';
import {formatCount, formatNumber} from '../session/format.js';
import {runHeadless} from '../session/headless.js';
import {numpyScript} from '../session/export-code.js';
import {Trainer} from '../core/training/trainer.js';
import {WorkerSession} from '../session/client.js';
import {InputError} from '../session/input-error.js';
import {buildOptions, type Options} from './build.js';
import {COMMANDS, type CommandName, type Entry} from './commands.js';
import {helpText} from './help.js';
import {loadFiles} from './load.js';
import {parseArgv} from './parse.js';
import {raceLanes, raceOf, type Lane} from './race.js';
import {runRace} from '../session/race.js';
import type {RunEnd} from '../session/summary.js';
import {summaryLines} from './summary.js';

export type {Entry} from './commands.js';

const SIGNAL_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
/** Nanoseconds per weight × sample term of an iteration on the scalar path, measured here on large networks (a little over). */
const TERM_NS = 6;
/** A network that takes longer than this an iteration, or more memory, is announced before it starts. */
const ANNOUNCE_MS = 50;
const ANNOUNCE_BYTES = 256 * 1024 * 1024;

function fail(message: string): number {
	process.stderr.write(`descent: ${message}\n`);
	return 2;
}

/** Each command's code, loaded only when it runs: a command without its entry here does not type-check. */
const RUNS: Record<CommandName, (argv: readonly string[], entry: Entry) => Promise<number>> = {
	exercise: async (argv, entry) => (await import('./exercise.js')).exercise(argv, entry),
	lesson: async (argv, entry) => (await import('./lesson.js')).lesson(argv, entry),
};

/** The command line, start to end. Returns the exit code. */
export async function main(argv: readonly string[], entry: Entry): Promise<number> {
	const command = COMMANDS.find(candidate => candidate.name === argv[0]);
	if (command && !argv.includes('--version')) {
		return RUNS[command.name](argv.slice(1), entry);
	}

	let options: Options;
	let lanes: Lane[] | undefined;
	try {
		const parsed = parseArgv(argv);
		if (parsed.help || parsed.version) {
			// meow reads the package's version and prints the help it is given
			const {default: meow} = await import('meow');
			const cli = meow(helpText(), {importMeta: entry.importMeta, argv: [], description: false, helpIndent: 0});
			return parsed.help ? (process.stdout.write(`${cli.help.replace(/^\n/, '')}\n`), 0) : (process.stdout.write(`${cli.pkg.version ?? ''}\n`), 0);
		}

		const loaded = loadFiles(parsed);
		options = buildOptions(parsed, loaded);
		lanes = raceLanes(parsed, loaded);
		writeBeforeTheRun(options);
	} catch (error) {
		if (error instanceof InputError) {
			return fail(error.message);
		}

		throw error;
	}

	announce(options.run.setup);
	if (options.explain !== undefined) {
		const {explain} = await import('../session/explain.js');
		try {
			process.stdout.write(explain(options.run, options.explain, options.json ? 'json' : 'text'));
			return 0;
		} catch (error) {
			if (error instanceof InputError) {
				return fail(error.message);
			}

			throw error;
		}
	}

	const interactive = process.stdin.isTTY && process.stdout.isTTY;
	if (!options.headless && !interactive) {
		process.stderr.write('descent: not a terminal (stdin or stdout is piped), so training headless; use --headless to silence this note\n');
	}

	if (lanes && (options.headless || !interactive)) {
		return race(lanes, options);
	}

	if (options.headless || !interactive) {
		return headless(options);
	}

	// keys typed while the dashboard loads are read as keys later, not echoed onto the screen
	process.stdin.setRawMode(true);
	// React's development build checks every prop on every frame: set before React loads
	process.env['NODE_ENV'] ??= 'production';
	// the training thread starts first: it trains while ink (about a fifth of a second) loads
	const session = new WorkerSession(options.run, entry.workerUrl, lanes && raceOf(lanes));
	const {runDashboard} = await import('../ui/run-dashboard.js');
	const {end, lanes: ends, signal} = await runDashboard(session);
	if (signal === 'SIGHUP') {
		hangUp();
	}

	process.stdout.write((lanes && ends ? laneSummaries(lanes, ends) : summaryLines(end, options)).join('\n') + '\n');
	return signal ? SIGNAL_CODES[signal] : 0;
}

/** The files asked for that need no training: the samples (--export-data) and the run as a numpy script (--export-code). */
function writeBeforeTheRun(options: Options): void {
	if (options.exportData !== undefined) {
		writeFileAtomic(options.exportData, samplesCsv(options.run.setup.samples));
		process.stderr.write(`descent: wrote ${formatCount(options.run.setup.samples.length)} samples to ${options.exportData}\n`);
	}

	if (options.run.code !== undefined) {
		// the run from where it starts (its seed, or the checkpoint's state), to its limit
		writeFileAtomic(options.run.code, numpyScript(new Trainer(options.run.setup, options.run.resume)));
		process.stderr.write(`descent: wrote the run as a numpy script to ${options.run.code}\n`);
	}
}

/**
 * The terminal has gone (its files are written by now): end as a hang-up ends a program,
 * by the signal itself. Exiting normally would make Node restore the settings of a
 * terminal that no longer exists, which it reports as a failed assertion.
 */
function hangUp(): never {
	process.removeAllListeners('SIGHUP');
	process.kill(process.pid, 'SIGHUP');
	// the signal ends the process; this line is not reached
	return process.exit(SIGNAL_CODES.SIGHUP);
}

/** A race's summary: each lane's, with the flags that reproduce it alone (as headless). */
const laneSummaries = (lanes: readonly Lane[], ends: readonly RunEnd[]) =>
	ends.flatMap((end, k) => [`lane ${k + 1}: ${lanes[k]!.flags}`, ...summaryLines(end, lanes[k]!.options).map(line => `  ${line}`)]);

/** Headless lanes of a race: as headless, each lane's summary with the flags that reproduce it alone. */
async function race(lanes: readonly Lane[], options: Options): Promise<number> {
	const stop = {requested: false};
	const onSignal = () => {
		stop.requested = true;
	};

	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	try {
		await runRace(
			raceOf(lanes),
			{json: options.json, stop, ...(options.surface && {surface: options.surface}), describe: (k, end) => summaryLines(end, lanes[k]!.options)},
			process,
		);
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}

	return stop.requested ? SIGNAL_CODES.SIGINT : 0;
}

/** Headless: a signal stops training at the current iteration; the files and the summary are still written. */
async function headless(options: Options): Promise<number> {
	const stop = {requested: false};
	// a closed terminal or pipe fails every write (EIO, EPIPE): the files are still written
	process.stdout.on('error', () => {});
	process.stderr.on('error', () => {});
	let received: keyof typeof SIGNAL_CODES | undefined;
	const handlers = (Object.keys(SIGNAL_CODES) as Array<keyof typeof SIGNAL_CODES>).map(signal => {
		const handler = () => {
			received = signal;
			stop.requested = true;
		};

		process.on(signal, handler);
		return () => process.off(signal, handler);
	});
	try {
		await runHeadless(
			options.run,
			{
				json: options.json,
				...(options.every !== undefined && {every: options.every}),
				...(options.surface && {surface: options.surface}),
				stop,
				describe: end => summaryLines(end, options),
			},
			process,
		);
	} finally {
		for (const remove of handlers) {
			remove();
		}
	}

	if (received === 'SIGHUP' && process.stdout.isTTY) {
		hangUp();
	}

	return received ? SIGNAL_CODES[received] : 0;
}

/** One line before a network whose iteration takes long or whose memory is large: how many weights, how long, how much. */
function announce(setup: Setup): void {
	const weights = weightCount(setup.layers, setup.bias);
	// the samples of one iteration's batch: the training samples, or fewer
	const training = setup.samples.length - testCount(setup.samples.length, setup.test);
	const samples = Math.min(setup.batch ?? training, training);
	// the matrix path, where it will train, does the same terms MATRIX_SPEEDUP times as fast
	const onMatrix = matrixWorthIt(weights, samples) && typeof nativeMatrix() !== 'string';
	const iterationMs = (weights * samples * TERM_NS) / (onMatrix ? MATRIX_SPEEDUP : 1) / 1e6;
	const buffers = 4 + OPTIMIZERS.entries[setup.optimizer].buffers.length;
	const bytes = weights * 8 * buffers + samples * setup.layers.reduce((sum, n) => sum + n, 0) * 8 * 3;
	if (iterationMs < ANNOUNCE_MS && bytes < ANNOUNCE_BYTES) {
		return;
	}

	const time = iterationMs >= 1000 ? `${formatNumber(iterationMs / 1000, 2)} s` : `${formatCount(iterationMs)} ms`;
	process.stderr.write(
		`descent: ${setup.layers.join('-')} has ${formatCount(weights)} weights; over ${formatCount(samples)} sample${samples === 1 ? '' : 's'} an iteration takes about ${time} here, and its buffers about ${formatCount(bytes / 1e6)} MB\n`,
	);
}
