#!/usr/bin/env node
import process from 'node:process';
import {main} from './source/cli/main.js';

try {
	process.exitCode = await main(process.argv.slice(2), {workerUrl: new URL('worker.js', import.meta.url), importMeta: import.meta});
} catch (error) {
	process.stderr.write(`descent: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
}
