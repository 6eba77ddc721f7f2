import {render, type Instance} from 'ink';
import {checkpointOf} from '../core/checkpoint.js';
import {historyCsv} from '../core/export.js';
import {writeFileAtomic} from '../cli/files.js';
import {createTrainer, writeRequestedFiles} from '../cli/headless.js';
import {reproduceFlags, type Options} from '../cli/options.js';
import {App} from './App.js';
import {formatCount, formatNumber} from './format.js';

// the alternate screen: on quit the terminal shows again what it showed before
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const WARM_UP_FRAMES = 2;

/** Runs the dashboard until the user quits; leaves one summary line on stdout. Returns the exit code. */
export async function runDashboard(options: Options): Promise<number> {
	const trainer = createTrainer(options);
	const {stdout} = process;
	const writeOnce = (file: string | undefined, fallback: string, text: () => string, what: string) => {
		// a name the user gave may be overwritten; a name descent made up never overwrites a file
		const target = file ?? fallback;
		writeFileAtomic(target, text(), {overwrite: file !== undefined});
		return `wrote ${what} ${target} at iteration ${formatCount(trainer.iteration)}`;
	};

	const saveCheckpoint = () =>
		writeOnce(
			options.save,
			`descent-${trainer.seed}-${trainer.iteration}.json`,
			() => JSON.stringify(checkpointOf(trainer, options.spec.samples)) + '\n',
			'checkpoint',
		);
	const exportHistory = () =>
		writeOnce(options.history, `descent-history-${trainer.seed}-${trainer.iteration}.csv`, () => historyCsv(trainer), 'history');

	stdout.write(ENTER_ALTERNATE_SCREEN);
	const leave = () => stdout.write(LEAVE_ALTERNATE_SCREEN);
	process.once('exit', leave);
	let instance: Instance | undefined;
	let exited = false;
	let stateAtQuit: string = trainer.state;
	try {
		// a new element each time: React skips rendering the very same element again
		const app = () => <App trainer={trainer} exportHistory={exportHistory} saveCheckpoint={saveCheckpoint} />;
		// Ink's first frames are slow while V8 compiles its code (about 80 ms each, against
		// 20 to 30 later): training starts once two are drawn, so that none of that holds it back
		let frames = 0;
		const onRender = () => {
			frames++;
			if (options.paused || frames > WARM_UP_FRAMES) {
				return;
			}

			// unless the user quit meanwhile: a re-render after exit would mount the App again
			setImmediate(() => {
				if (exited) {
					return;
				}

				if (frames < WARM_UP_FRAMES) {
					instance?.rerender(app());
				} else {
					trainer.start();
				}
			});
		};

		instance = render(app(), {exitOnCtrlC: false, patchConsole: false, onRender});
		// before Ink turns raw mode on (and on kill or hang-up) Ctrl-C is a signal: quit the same way
		const quit = instance.unmount;
		for (const signal of SIGNALS) {
			process.on(signal, quit);
		}

		await instance.waitUntilExit();
	} finally {
		exited = true;
		// quitting while it runs stops it: say so, not "paused"
		stateAtQuit = trainer.state === 'running' ? 'stopped' : trainer.state;
		for (const signal of SIGNALS) {
			process.removeAllListeners(signal);
		}

		trainer.dispose();
		instance?.cleanup();
		leave();
		process.off('exit', leave);
	}

	const written = writeRequestedFiles(trainer, options);
	const error = Number.isNaN(trainer.network.loss) ? '–' : formatNumber(trainer.network.loss, 6);
	const state = trainer.state === 'diverged' ? `diverged at iteration ${formatCount(trainer.divergedAt!)}` : stateAtQuit;
	stdout.write(
		`descent: ${state} at iteration ${formatCount(trainer.iteration)} / ${formatCount(trainer.limit)} after ${(trainer.elapsed / 1000).toFixed(2)} s of training, error ${error}, seed ${trainer.seed}` +
			`${written.length > 0 ? `; ${written.join('; ')}` : ''}; reproduce: descent ${reproduceFlags(options, trainer.seed, trainer.learningRate)}\n`,
	);
	return 0;
}
