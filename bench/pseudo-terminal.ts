import {spawn} from '@lydell/node-pty';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

export type TerminalRun =
	// exitCode undefined: it did not exit after `quit` and was ended
	| {
			readonly ok: true;
			readonly ms: number;
			/** From spawn to the first output that put text on the screen. */
			readonly firstScreenMs: number | undefined;
			readonly screen: string;
			readonly exitCode: number | undefined;
	  }
	| {readonly ok: false; readonly reason: string; readonly screen: string};

export type TerminalOptions = {
	readonly args: readonly string[];
	readonly cwd: string;
	readonly columns: number;
	readonly rows: number;
	readonly timeoutMs: number;
	/**
	 * Stop the clock when the screen first matches, then send `quit` and wait for the exit.
	 * Without it the clock stops when the program exits.
	 */
	readonly until?: {readonly screen: RegExp; readonly quit: string};
};

/** The environment of a person at a terminal: no CI (Ink would draw only the last frame). */
function terminalEnvironment(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value !== undefined && name !== 'CI' && name !== 'CONTINUOUS_INTEGRATION') {
			env[name] = value;
		}
	}

	env['TERM'] = 'xterm-256color';
	return env;
}

/**
 * Runs `node args…` in a pseudo-terminal, its output parsed by a headless xterm, and times
 * it from spawn to the screen matching `until.screen` (or to its exit). Never waits longer
 * than `timeoutMs`: the child is killed then.
 */
export async function runInTerminal(options: TerminalOptions): Promise<TerminalRun> {
	const {columns, rows, until} = options;
	const term = new Terminal({cols: columns, rows, allowProposedApi: true});
	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < rows; y++) {
			lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		}

		return lines.join('\n').trimEnd();
	};

	return new Promise(resolve => {
		const start = performance.now();
		const child = spawn(process.execPath, [...options.args], {
			name: 'xterm-256color',
			cols: columns,
			rows,
			cwd: options.cwd,
			env: terminalEnvironment(),
		});
		let matchedAt: number | undefined;
		let firstScreenAt: number | undefined;
		const firstScreenMs = () => (firstScreenAt === undefined ? undefined : firstScreenAt - start);
		let settled = false;
		const finish = (run: TerminalRun) => {
			if (!settled) {
				settled = true;
				clearTimeout(timer);
				// flush what xterm still parses before the terminal goes
				term.write('', () => {
					term.dispose();
					resolve(run);
				});
			}
		};

		const giveUp = (reason: string) => {
			try {
				child.kill();
			} catch {}

			finish(
				matchedAt === undefined
					? {ok: false, reason, screen: screen()}
					: {ok: true, ms: matchedAt - start, firstScreenMs: firstScreenMs(), screen: screen(), exitCode: undefined},
			);
		};

		let timer = setTimeout(() => {
			giveUp(`${until ? `its screen did not match ${String(until.screen)}` : 'it did not exit'} within ${options.timeoutMs / 1000} s`);
		}, options.timeoutMs);

		child.onData(data => {
			if (settled) {
				return;
			}

			const arrived = performance.now();
			term.write(data, () => {
				if (settled) {
					return;
				}

				const text = until || firstScreenAt === undefined ? screen() : '';
				if (firstScreenAt === undefined && text.trim() !== '') {
					firstScreenAt = arrived;
				}

				if (until && matchedAt === undefined && until.screen.test(text)) {
					matchedAt = arrived;
					try {
						child.write(until.quit);
					} catch {
						// it has exited already: onExit reports it
					}

					// it has been measured: give it a few seconds to quit, then end it
					clearTimeout(timer);
					timer = setTimeout(() => {
						giveUp('no exit after quit');
					}, 5000);
				}
			});
		});

		child.onExit(({exitCode}) => {
			const end = performance.now();
			// let xterm parse the last output before judging the screen
			term.write('', () => {
				if (!until) {
					finish(
						exitCode === 0
							? {ok: true, ms: end - start, firstScreenMs: firstScreenMs(), screen: screen(), exitCode}
							: {ok: false, reason: `exit code ${exitCode}`, screen: screen()},
					);
				} else if (matchedAt === undefined) {
					finish({ok: false, reason: `it exited (code ${exitCode}) before its screen matched ${String(until.screen)}`, screen: screen()});
				} else {
					finish({ok: true, ms: matchedAt - start, firstScreenMs: firstScreenMs(), screen: screen(), exitCode});
				}
			});
		});
	});
}
