#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {FLAGS, HELP, scanArgv} from './source/cli/flags.js';
import {runHeadless} from './source/cli/headless.js';
import {resolveOptions, type Options} from './source/cli/options.js';
import {InputError} from './source/core/input-error.js';

function fail(message: string, code = 2): never {
	process.stderr.write(`descent: ${message}\n`);
	process.exit(code);
}

const argv = process.argv.slice(2);
const scan = scanArgv(argv);
if (scan.error) {
	fail(scan.error);
}

let options: Options;
try {
	const cli = meow(HELP, {importMeta: import.meta, flags: FLAGS, argv, allowUnknownFlags: false});
	options = resolveOptions(cli.flags, scan.given);
} catch (error) {
	fail(error instanceof Error ? error.message : String(error));
}

try {
	if (options.headless) {
		process.exitCode = runHeadless(options, process);
	} else if (process.stdin.isTTY && process.stdout.isTTY) {
		// React's development build times every component and checks every prop: at 30
		// frames a second that cost more than the training; set before React loads
		process.env['NODE_ENV'] ??= 'production';
		// ink costs about half a second to load: only the dashboard pays for it
		const {runDashboard} = await import('./source/ui/run-dashboard.js');
		process.exitCode = await runDashboard(options);
	} else {
		process.stderr.write('descent: not a terminal (stdin or stdout is piped), so training headless; use --headless to silence this note\n');
		process.exitCode = runHeadless(options, process);
	}
} catch (error) {
	if (error instanceof InputError) {
		fail(error.message);
	}

	fail(`unexpected error: ${error instanceof Error ? error.message : String(error)}`, 1);
}
