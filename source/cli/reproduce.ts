import process from 'node:process';
import type {RunEnd} from '../session/summary.js';
import type {Options} from './build.js';
import {FLAGS, type Flag} from './flags.js';

/** A word the shell reads back as it is: quoted when it holds anything but plain characters. */
export function shellQuote(text: string): string {
	return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The command as it was started: `npm start --` under npm's start script (where `descent` may not exist), else `descent`. */
export function commandOf(env: NodeJS.ProcessEnv): string {
	return env['npm_lifecycle_event'] === 'start' ? 'npm start --' : 'descent';
}

/** The end a reproduce line is for: a run quit early, running or paused (q, Ctrl-C, a signal), is reproduced to where it stopped. */
type End = Pick<RunEnd, 'setup' | 'learningRateChanges'> & Partial<Pick<RunEnd, 'state' | 'iteration'>>;

/**
 * The shortest command line that gives the same numbers: the flags given (as typed) that
 * shape the run, with the values the run ended with, and its seed. When the learning
 * rate changed during the run no flags reproduce it: the line says so, and that a
 * checkpoint (`w`, `--save`) continues it exactly.
 */
export function reproduceLine(options: Options, run: End, env: NodeJS.ProcessEnv = process.env): string {
	const {given} = options.parsed;
	const started = options.run.setup;
	const stoppedAt = (run.state === 'stopped' || run.state === 'paused') && run.iteration !== undefined && run.iteration > 0 ? run.iteration : undefined;
	const end = stoppedAt === undefined ? run : {...run, setup: {...run.setup, limit: stoppedAt}};
	const words: string[] = [commandOf(env)];
	for (const spec of FLAGS as readonly Flag[]) {
		if (spec.reproduces === false || spec.name === 'seed') {
			continue;
		}

		const typed = given.get(spec.name as never);
		const setting = spec.setting;
		const changed = setting !== undefined && end.setup[setting] !== started[setting];
		if (typed === undefined && !changed) {
			continue;
		}

		if (setting === undefined || !changed) {
			words.push(...flagWords(spec, typed!));
		} else {
			const value = end.setup[setting] as string | number | boolean | undefined;
			if (value !== undefined) {
				words.push(...flagWords(spec, typeof value === 'boolean' ? value : String(value)));
			}
		}
	}

	if (options.headless) {
		words.push('--headless');
	}

	words.push('--seed', String(end.setup.seed));
	const line = words.join(' ');
	const during = end.learningRateChanges.filter(change => change.iteration > 0);
	if (during.length === 0) {
		return line;
	}

	const first = during[0]!;
	return `not by flags alone: the learning rate changed during the run (to ${first.learningRate} from update ${(first.iteration + 1).toLocaleString('en-US')}${during.length > 1 ? `, and ${during.length - 1} more time${during.length > 2 ? 's' : ''}` : ''}); a checkpoint (w, or --save) continues it exactly; its start: ${line}`;
}

export function flagWords(spec: Flag, value: string | boolean): string[] {
	if (typeof value === 'boolean') {
		return [value ? `--${spec.name}` : `--no-${spec.name}`];
	}

	return [`--${spec.name}`, shellQuote(value)];
}
