/**
 * The pseudo-terminal harness of the end-to-end tests and the bench: runs the built program
 * (`node dist/cli.js …`) in a real pseudo-terminal and parses what it writes with a headless
 * xterm of the same size, so a test reads the screen a person would see and types keys as a
 * person would, and the bench times what a person would wait for.
 *
 * Every terminal started here is registered; `closeAll()` kills whatever is still running,
 * so a failed test leaves no process behind (test/e2e/terminals.ts calls it after each test).
 */
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {promisify, stripVTControlCharacters} from 'node:util';
import {spawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';

// @xterm/headless is CommonJS: a named import type-checks but fails at run time
const {Terminal} = xterm;
type XTerm = InstanceType<typeof Terminal>;

/** The built program; DESCENT_E2E_CLI points the tests at another build (a snapshot, say, while dist/ is being rebuilt). */
export const CLI = process.env['DESCENT_E2E_CLI'] ?? path.join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/** Keys by name; anything else is written as given (a letter, `?`, `[` …). */
export const KEYS = {
	space: ' ',
	enter: '\r',
	tab: '\t',
	escape: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageup: '\u001B[5~',
	pagedown: '\u001B[6~',
	'ctrl-c': '\u0003',
} as const;

export type KeyName = keyof typeof KEYS;

export type TerminalOptions = {
	readonly cols?: number;
	readonly rows?: number;
	/** Working directory of the program; a fresh temporary folder (removed on close) when left out. */
	readonly cwd?: string;
	/** The program and its first arguments: `node dist/cli.js` when left out (the bench times others too). */
	readonly command?: readonly string[];
	/** Variables added to the environment of a person at a terminal. */
	readonly env?: Readonly<Record<string, string>>;
	/**
	 * Whether xterm draws the output, so that the screen can be read (default true). The
	 * bench's speed runs turn it off: xterm, in JavaScript, takes up to half a core of a
	 * two-core machine at 30 frames a second; `timeTo` then looks for its text in the output
	 * as it arrives, escape codes left out.
	 */
	readonly emulate?: boolean;
};

/** How much of the latest output `timeTo` looks into when nothing is emulated: more than a frame of 200×60. */
const PLAIN_TAIL = 65_536;

export type ExitResult = {
	/** As a shell reports it: 128 + the signal's number when a signal ended the program. */
	readonly exitCode: number;
	/** The signal that ended the program, if one did (node-pty then reports exit code 0). */
	readonly signal: number | undefined;
	/** Everything the program wrote, escape sequences included. */
	readonly output: string;
	/** The screen after the exit (the normal buffer once the program has left the alternate screen). */
	readonly screen: string;
};

/** The environment of a person at a terminal: without CI, Ink would draw only the last frame. */
export function terminalEnvironment(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value !== undefined && name !== 'CI' && name !== 'CONTINUOUS_INTEGRATION') {
			env[name] = value;
		}
	}

	env['TERM'] = 'xterm-256color';
	return env;
}

/** Removes SGR and other CSI/OSC escape sequences: for reading the raw output as text. */
export function stripAnsi(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replaceAll(/\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[()][0-9A-Za-z]|\u001B[=>78]/g, '');
}

const execFileAsync = promisify(execFile);

const live = new Set<TerminalSession>();

/** Output quiet this long (ms), with no frame open, is taken as the end of a frame. */
const QUIET_MS = 15;
const BEGIN_FRAME = '\u001B[?2026h';
const END_FRAME = '\u001B[?2026l';
const OPEN_FRAME_MS = 3000;

/** The least time between two keys. */
export const KEY_GAP_MS = 40;

export class TerminalSession {
	readonly args: readonly string[];
	private readonly pty: IPty;
	private readonly term: XTerm;
	private readonly temporaryCwd: string | undefined;
	private rawOutput = '';
	private readonly emulate: boolean;
	/** The screen the last successful wait returned: what the test's assertions looked at. */
	lastSeen = '';
	private exited: {exitCode: number; signal: number | undefined} | undefined;
	private readonly exitPromise: Promise<void>;
	private lastDataAt = performance.now();
	private lastKeyAt = Number.NEGATIVE_INFINITY;
	private closed = false;
	/** When the program was spawned (performance.now()). */
	readonly startedAt: number;
	private readonly watchers = new Set<(arrived: number) => void>();

	constructor(args: readonly string[], options: TerminalOptions = {}) {
		const cols = options.cols ?? 120;
		const rows = options.rows ?? 40;
		this.args = args;
		this.temporaryCwd = options.cwd === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'descent-e2e-')) : undefined;
		this.term = new Terminal({cols, rows, allowProposedApi: true, scrollback: 1000});
		this.emulate = options.emulate ?? true;
		const [file, ...first] = options.command ?? [process.execPath, CLI];
		this.startedAt = performance.now();
		this.pty = spawn(file!, [...first, ...args], {
			name: 'xterm-256color',
			cols,
			rows,
			cwd: options.cwd ?? this.temporaryCwd!,
			env: {...terminalEnvironment(), ...options.env},
		});
		this.pty.onData(data => {
			this.rawOutput += data;
			const arrived = performance.now();
			this.lastDataAt = arrived;
			if (this.closed) {
				return;
			}

			if (this.emulate) {
				this.term.write(data, () => {
					this.notify(arrived);
				});
			} else {
				this.notify(arrived);
			}
		});
		this.exitPromise = new Promise(resolve => {
			this.pty.onExit(({exitCode, signal}) => {
				this.exited = {exitCode, signal: signal || undefined};
				resolve();
			});
		});
		live.add(this);
	}

	get pid(): number {
		return this.pty.pid;
	}

	get cols(): number {
		return this.term.cols;
	}

	get rows(): number {
		return this.term.rows;
	}

	/** True once the program has exited. */
	get hasExited(): boolean {
		return this.exited !== undefined;
	}

	/** Everything written so far, escape sequences included. */
	get output(): string {
		return this.rawOutput;
	}

	/** Which buffer the program draws in: 'alternate' while the dashboard is up. */
	async bufferType(): Promise<'normal' | 'alternate'> {
		await this.flush();
		return this.term.buffer.active.type;
	}

	/**
	 * The visible lines of the active buffer, trailing blanks trimmed, joined by newlines.
	 * Read between frames: a frame can reach the terminal in several chunks, and a screen read
	 * in the middle shows the new top over the old bottom.
	 */
	async screen(): Promise<string> {
		await this.quiet(QUIET_MS, 250);
		if (this.closed) {
			return this.snapshot();
		}

		// read inside xterm's callback: by the time an await resumed, xterm may have parsed
		// the first half of a frame that arrived meanwhile
		return new Promise<string>(resolve => {
			this.term.write('', () => {
				resolve(this.snapshot());
			});
		});
	}

	/**
	 * Milliseconds from spawn to the arrival of the output that first made the screen match
	 * `expected`: what a person waits, measured to the chunk (the bench's start-up figures).
	 */
	async timeTo(expected: RegExp, timeoutMs = 15_000): Promise<number> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.watchers.delete(watcher);
				reject(new Error(`${String(expected)} not on the screen within ${timeoutMs} ms ${this.describe()}:\n${this.snapshot()}`));
			}, timeoutMs);
			const watcher = (arrived: number) => {
				if (expected.test(this.emulate ? this.snapshot() : stripVTControlCharacters(this.rawOutput.slice(-PLAIN_TAIL)))) {
					clearTimeout(timer);
					this.watchers.delete(watcher);
					resolve(arrived - this.startedAt);
				}
			};

			this.watchers.add(watcher);
			watcher(performance.now());
		});
	}

	/** Polls the screen until it contains `text` (or matches the pattern); returns that screen. */
	async waitFor(expected: string | RegExp, timeoutMs = 5000): Promise<string> {
		return this.waitUntil(screen => (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)), timeoutMs, String(expected));
	}

	/** Polls the screen until it does not contain `text` (or match the pattern); returns that screen. */
	async waitForAbsence(unexpected: string | RegExp, timeoutMs = 5000): Promise<string> {
		return this.waitUntil(
			screen => (typeof unexpected === 'string' ? !screen.includes(unexpected) : !unexpected.test(screen)),
			timeoutMs,
			`absence of ${String(unexpected)}`,
		);
	}

	/** Polls the screen until `predicate` holds; fails with the last screen after `timeoutMs`. */
	async waitUntil(predicate: (screen: string) => boolean, timeoutMs = 5000, what = 'condition'): Promise<string> {
		const deadline = performance.now() + timeoutMs;
		let screen = '';
		for (;;) {
			screen = await this.screen();
			if (predicate(screen)) {
				this.lastSeen = screen;
				return screen;
			}

			if (performance.now() > deadline) {
				break;
			}

			if (this.exited) {
				// it will draw nothing more: one last look after its final output is parsed
				await this.settle();
				screen = await this.screen();
				if (predicate(screen)) {
					return screen;
				}

				throw new Error(`waiting for ${what}: the program exited (code ${this.exited.exitCode}) first; screen:\n${screen}`);
			}

			await sleep(20);
		}

		throw new Error(`waiting for ${what}: not seen within ${timeoutMs} ms ${this.describe()}; screen:\n${screen}`);
	}

	/**
	 * Types one key: a name from KEYS or the characters themselves; `times` times. Keys are
	 * written at least KEY_GAP_MS apart, so that each reaches the program in a read of its own:
	 * as a person types (keys that arrive together are tested on their own in signals.test.ts).
	 */
	async press(key: KeyName | (string & {}), times = 1): Promise<void> {
		const data = key in KEYS ? KEYS[key as KeyName] : key;
		for (let k = 0; k < times; k++) {
			const wait = this.lastKeyAt + KEY_GAP_MS - performance.now();
			if (wait > 0) {
				await sleep(wait);
			}

			if (this.exited) {
				throw new Error(`cannot press ${JSON.stringify(key)}: the program has exited (code ${this.exited.exitCode})`);
			}

			this.pty.write(data);
			this.lastKeyAt = performance.now();
		}
	}

	/**
	 * Waits until the program reads keys one by one: its terminal is in raw mode (no line
	 * editing, no signals from Ctrl-C). Ink switches raw mode on in an effect, after it has drawn
	 * the first frame; a key typed in between waits in the line buffer, and Ctrl-C kills the
	 * program with SIGINT. Reads the terminal's settings with `stty -F` (Linux); where that does
	 * not work it waits 200 ms instead.
	 */
	async waitForRawMode(timeoutMs = 5000): Promise<void> {
		const pts = (this.pty as IPty & {readonly ptsName?: string}).ptsName;
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			if (this.exited) {
				throw new Error(`waiting for raw mode: the program exited (code ${this.exited.exitCode}) ${this.describe()}`);
			}

			let settings: string;
			try {
				if (!pts) {
					throw new Error('no pts name');
				}

				({stdout: settings} = await execFileAsync('stty', ['-F', pts, '-a'], {encoding: 'utf8'}));
			} catch {
				await sleep(200);
				return;
			}

			if (/(^|\s)-icanon(\s|$)/.test(settings) && /(^|\s)-isig(\s|$)/.test(settings)) {
				return;
			}

			if (performance.now() > deadline) {
				throw new Error(`waiting for raw mode: not on within ${timeoutMs} ms ${this.describe()}; stty: ${settings}`);
			}

			await sleep(10);
		}
	}

	/** Resizes the pseudo-terminal (the program gets SIGWINCH) and the parsing terminal alike. */
	resize(cols: number, rows: number): void {
		this.term.resize(cols, rows);
		this.pty.resize(cols, rows);
	}

	/** Waits for the program to exit on its own (after q, say); kills it after `timeoutMs`. */
	async exit(timeoutMs = 5000): Promise<ExitResult> {
		let timer: NodeJS.Timeout | undefined;
		const timedOut = new Promise<'timeout'>(resolve => {
			timer = setTimeout(() => resolve('timeout'), timeoutMs);
		});
		const outcome = await Promise.race([this.exitPromise.then(() => 'exited' as const), timedOut]);
		clearTimeout(timer);
		if (outcome === 'timeout') {
			const screen = await this.screen();
			this.kill();
			throw new Error(`the program did not exit within ${timeoutMs} ms ${this.describe()}; screen:\n${screen}`);
		}

		await this.settle();
		const screen = await this.screen();
		const {exitCode, signal} = this.exited!;
		return {exitCode: signal === undefined ? exitCode : 128 + signal, signal, output: this.rawOutput, screen};
	}

	/** Kills the program if it still runs, frees the terminal and the temporary folder. Safe to call twice. */
	async close(): Promise<void> {
		if (this.closed) {
			return;
		}

		this.kill();
		// give the pty a moment to report the exit, so that its handles are released
		await Promise.race([this.exitPromise, sleep(1000)]);
		if (!this.exited) {
			this.kill('SIGKILL');
			await Promise.race([this.exitPromise, sleep(1000)]);
		}

		this.closed = true;
		live.delete(this);
		this.term.dispose();
		if (this.temporaryCwd) {
			fs.rmSync(this.temporaryCwd, {recursive: true, force: true});
		}
	}

	/** The folder the program runs in. */
	get cwd(): string | undefined {
		return this.temporaryCwd;
	}

	private kill(signal = 'SIGTERM'): void {
		if (this.exited) {
			return;
		}

		try {
			this.pty.kill(signal);
		} catch {
			// it has gone already
		}
	}

	/** After the exit: waits until the last output has arrived (no data for 50 ms, at most 1 s). */
	private async settle(): Promise<void> {
		await this.quiet(50, 1000);
		await this.flush();
	}

	/** Waits until no output has arrived for `ms` (but at most `maxMs`). */
	/**
	 * Waits until the output has been quiet `ms` and no frame is half written: Ink wraps each
	 * frame in synchronized-output marks (begin ESC[?2026h, end ESC[?2026l), and on a busy
	 * machine a frame can reach the terminal in pieces far apart.
	 */
	private async quiet(ms: number, maxMs: number): Promise<void> {
		const start = performance.now();
		const frameOpen = () => this.rawOutput.lastIndexOf(BEGIN_FRAME) > this.rawOutput.lastIndexOf(END_FRAME);
		// a frame begun is waited for longer: on a loaded machine its end can come much later
		while (
			(performance.now() - this.lastDataAt < ms && performance.now() - start < maxMs) ||
			(frameOpen() && performance.now() - start < maxMs + OPEN_FRAME_MS)
		) {
			await sleep(5);
		}
	}

	/** xterm parses asynchronously: resolves once everything written so far is on its screen. */
	private async flush(): Promise<void> {
		if (this.closed) {
			return;
		}

		await new Promise<void>(resolve => {
			this.term.write('', resolve);
		});
	}

	private notify(arrived: number): void {
		for (const watcher of this.watchers) {
			watcher(arrived);
		}
	}

	private snapshot(): string {
		const buffer = this.term.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < this.term.rows; y++) {
			lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		}

		return lines.join('\n').trimEnd();
	}

	private describe(): string {
		return `(descent ${this.args.join(' ')} at ${this.cols}×${this.rows}, pid ${this.pid}${this.exited ? `, exited ${this.exited.exitCode}` : ''})`;
	}
}

/** Starts `node dist/cli.js …args` in a pseudo-terminal of the given size. */
export function startTerminal(args: readonly string[], options: TerminalOptions = {}): TerminalSession {
	return new TerminalSession(args, options);
}

/**
 * Starts the dashboard and waits until it is ready for keys: its first frame is drawn (the
 * status line's iteration; a few seconds on a busy machine) and its terminal is in raw mode.
 */
export async function startDashboard(args: readonly string[], options: TerminalOptions = {}): Promise<TerminalSession> {
	const session = startTerminal(args, options);
	await session.waitFor(/ · iteration [\d,]+ \/ [\d,]+ · /, 15_000);
	await session.waitForRawMode();
	return session;
}

/** The terminals still open. */
export function sessions(): TerminalSession[] {
	return [...live];
}

/** Closes every terminal still open: kills their programs. */
export async function closeAll(): Promise<void> {
	await Promise.all([...live].map(async session => session.close()));
}

export async function sleep(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

/** The number after `iteration` on the status line, or undefined when it is not on the screen. */
export function iterationOf(screen: string): number | undefined {
	const match = /iteration ([\d,]+) \//.exec(screen);
	return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}

/** The lines the program wrote after leaving the alternate screen (all of it if it never entered it), without escapes. */
export function afterDashboard(output: string): string[] {
	const left = output.lastIndexOf('\u001B[?1049l');
	return stripAnsi(left === -1 ? output : output.slice(left))
		.split(/\r?\n/)
		.map(line => line.replaceAll('\r', '').trimEnd())
		.filter(line => line.length > 0);
}

/** The line of the screen that contains `text`, or undefined. */
export function lineWith(screen: string, text: string | RegExp): string | undefined {
	return screen.split('\n').find(line => (typeof text === 'string' ? line.includes(text) : text.test(line)));
}

/** Also kill the programs if the test process itself is ended. */
process.once('exit', () => {
	for (const session of live) {
		try {
			process.kill(session.pid, 'SIGKILL');
		} catch {
			// gone already
		}
	}
});
