/**
 * A module resolve hook (node:module register) that appends every resolved URL to the
 * file named by DESCENT_BENCH_MODULE_LOG: the bench uses it to see whether a command
 * loads ink or react at all.
 */
import {appendFileSync} from 'node:fs';

type Resolved = {url: string};
type NextResolve = (specifier: string, context: unknown) => Promise<Resolved>;

const log = process.env['DESCENT_BENCH_MODULE_LOG'];

export async function resolve(specifier: string, context: unknown, nextResolve: NextResolve): Promise<Resolved> {
	const resolved = await nextResolve(specifier, context);
	if (log) {
		appendFileSync(log, resolved.url + '\n');
	}

	return resolved;
}
