import process from 'node:process';
import {render} from 'ink';
import type {Ends, WorkerSession} from '../session/client.js';
import {App} from './App.js';
import {hasColour} from './colour.js';

// the alternate screen: on quit the terminal shows again what it showed before
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type QuitSignal = (typeof SIGNALS)[number];

/**
 * Runs the dashboard until the user quits (or a signal, or the terminal closing), with
 * training in its own thread. Then the session writes what --save and --history asked
 * for, and this returns how the run ended.
 */
export async function runDashboard(session: WorkerSession): Promise<Ends & {signal: QuitSignal | undefined}> {
	const {stdout} = process;
	let failure: Error | undefined;
	stdout.write(ENTER_ALTERNATE_SCREEN);
	let signal: QuitSignal | undefined;
	// a closed terminal makes every write fail (EIO): nothing more can be shown, and that is no error
	const ignore = () => {};
	stdout.on('error', ignore);
	const instance = render(<App session={session} colour={hasColour(stdout)} />, {exitOnCtrlC: false, patchConsole: false});
	session.onError(error => {
		failure = error;
		instance.unmount();
	});
	const handlers = SIGNALS.map(name => {
		const handler = () => {
			signal ??= name;
			instance.unmount();
		};

		process.on(name, handler);
		return () => process.off(name, handler);
	});
	try {
		await instance.waitUntilExit();
	} finally {
		for (const remove of handlers) {
			remove();
		}

		instance.cleanup();
		if (signal !== 'SIGHUP') {
			// back on the normal screen: clear the line that keys typed before the program started were echoed onto
			stdout.write(`${LEAVE_ALTERNATE_SCREEN}\r\u001B[2K`);
		}
	}

	if (failure) {
		throw failure;
	}

	return {...(await session.finish()), signal};
}
