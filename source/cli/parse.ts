import {InputError} from '../session/input-error.js';
import {FLAG_BY_NAME, type Flag, type FlagName, type FlagValues} from './flags.js';

/** A command line read: what to do, and every flag given with its value and text as typed. */
export type ParsedWith<Values, Name extends string> = {
	readonly help: boolean;
	readonly version: boolean;
	readonly values: Values;
	/** The flags given, in the order first given, with their text as typed (the last one given wins). */
	readonly given: ReadonlyMap<Name, string | boolean>;
};

/** The training command line read. */
export type Parsed = ParsedWith<FlagValues, FlagName>;

/**
 * Reads argv (without node and the script): `--flag value`, `--flag=value`, switches and
 * their `--no-` forms. `--help`, `-h` and `--version` win over everything else, bad
 * flags included. A flag given twice takes its last value, as in other command lines.
 */
export function parseArgv(argv: readonly string[]): Parsed {
	return parseFlags(argv, FLAG_BY_NAME, 'descent --help');
}

/** The same for a command of its own (`descent exercise`): its flags, and where its help is. */
export function parseFlags<Values, Name extends string>(argv: readonly string[], flags: ReadonlyMap<string, Flag>, helpHint: string): ParsedWith<Values, Name> {
	const help = argv.some(arg => arg === '--help' || arg === '-h');
	const version = argv.includes('--version');
	const given = new Map<Name, string | boolean>();
	const values: Record<string, unknown> = {};
	if (help || version) {
		return {help, version, values: values as Values, given};
	}

	for (let k = 0; k < argv.length; k++) {
		const arg = argv[k]!;
		if (!arg.startsWith('--') || arg === '--') {
			throw new InputError(
				arg.startsWith('-') && arg !== '-' && arg !== '--'
					? `unknown flag ${arg} (see ${helpHint})`
					: `unexpected argument '${arg}' (flags start with --; see ${helpHint})`,
			);
		}

		const [body = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
		const negated = body.startsWith('no-') && flags.get(body.slice(3))?.negatable === true;
		const spec = flags.get(negated ? body.slice(3) : body);
		if (!spec) {
			throw new InputError(`unknown flag --${body} (see ${helpHint})`);
		}

		const name = spec.name as Name;
		if (!spec.read) {
			if (inline !== undefined) {
				throw new InputError(`--${body} takes no value (got '${inline}')`);
			}

			given.delete(name);
			given.set(name, !negated);
			values[name] = !negated;
			continue;
		}

		let text = inline;
		if (text === undefined) {
			const next = argv[k + 1];
			// a value may itself start with '-' (a negative number): it is checked as that flag's value
			// a lane of --race is itself flags: its value is the next word, whatever it starts with
			if (next === undefined || (next.startsWith('--') && next.length > 2 && !spec.repeats)) {
				throw new InputError(`--${body} needs a value (see ${helpHint})`);
			}

			text = next;
			k++;
		}

		values[name] = spec.repeats ? [...((values[name] as unknown[] | undefined) ?? []), ...(read(spec, text) as unknown[])] : read(spec, text);
		given.delete(name);
		given.set(name, text);
	}

	return {help, version, values: values as Values, given};
}

function read(spec: Flag, text: string): unknown {
	return spec.read!(text, `--${spec.name}`);
}
