import {OPTIMIZER_PARAMETERS} from '../core/maths/optimizers.js';
import {InputError} from '../session/input-error.js';
import type {RaceLane} from '../session/race.js';
import {buildOptions, type Loaded, type Options} from './build.js';
import {FLAG_BY_NAME, type FlagName} from './flags.js';
import {parseArgv, type Parsed} from './parse.js';

/** What a lane of a race may change: how the weights are trained, never where they start, the network or the data. */
export const LANE_FLAGS: ReadonlySet<string> = new Set<FlagName>([
	'lr',
	'optimizer',
	...OPTIMIZER_PARAMETERS.map(declared => declared.name),
	'batch',
	'l1',
	'l2',
]);

/** `--lr, --optimizer, --momentum, --batch, --l1 and --l2`. */
const LANE_WORDS = [...LANE_FLAGS]
	.map(name => `--${name}`)
	.join(', ')
	.replace(/, (?=[^,]*$)/, ' and ');

/** Flags that cannot go with --race: each lane would need its own file or output. */
const NOT_WITH_RACE: readonly FlagName[] = ['every', 'explain', 'save', 'load', 'history'];

/** One lane of a race: its flags as typed, their name for the screen, and the whole run they make with the others. */
export type Lane = {readonly flags: string; readonly label: string; readonly options: Options};

/** The words of a lane's flags, as a shell would split them: on spaces, quotes keeping a word whole. */
export function laneWords(text: string): string[] {
	return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(match => match[1] ?? match[2] ?? match[3]!);
}

/** A lane's flags in a few words, as the legend names it: an optimizer by its name, the others by theirs and their value (`adam lr 0.01`). */
export function laneLabel(lane: Parsed): string {
	return [...lane.given].map(([name, text]) => (name === 'optimizer' ? String(text) : `${name} ${String(text)}`)).join(' ');
}

/** The command line without --race, the last value of each flag: what every lane starts from. */
function baseArgv(parsed: Parsed): string[] {
	return [...parsed.given].flatMap(([name, text]) => {
		if (name === 'race') {
			return [];
		}

		return typeof text === 'boolean' ? [text ? `--${name}` : `--no-${name}`] : [`--${name}`, text];
	});
}

/**
 * The lanes of `--race` given two or more times: each the base flags plus its own, built
 * as a single run would be (same seed, so the same initial weights, test split and, with
 * the same batch, the same batch order). A lane's flag that would change the start, the
 * network or the data is refused, naming it.
 */
export function raceLanes(parsed: Parsed, loaded: Loaded): Lane[] | undefined {
	const texts = parsed.values.race;
	if (texts === undefined) {
		return undefined;
	}

	if (texts.length < 2) {
		throw new InputError(`--race "${texts[0]}": give --race two or more times, a lane each (--race "--optimizer sgd" --race "--optimizer adam")`);
	}

	const clash = NOT_WITH_RACE.find(name => parsed.given.has(name));
	if (clash !== undefined) {
		throw new InputError(`--race and --${clash}: the lanes would share one; leave out --${clash}`);
	}

	const base = baseArgv(parsed);
	return texts.map(text => {
		const words = laneWords(text);
		try {
			const lane = parseArgv(words);
			const shared = [...lane.given.keys()].find(name => !LANE_FLAGS.has(name));
			if (shared !== undefined || lane.help || lane.version) {
				const name = shared === undefined ? words.find(word => FLAG_BY_NAME.get(word.slice(2)) === undefined) : `--${shared}`;
				throw new InputError(`a lane may change ${LANE_WORDS}, not ${name}: the lanes share their start, network and data`);
			}

			return {flags: text, label: laneLabel(lane), options: buildOptions(parseArgv([...base, ...words]), loaded)};
		} catch (error) {
			throw error instanceof InputError ? new InputError(`--race "${text}": ${error.message}`) : error;
		}
	});
}

/** The lanes as the session runs them. */
export const raceOf = (lanes: readonly Lane[]): RaceLane[] => lanes.map(lane => ({flags: lane.flags, label: lane.label, run: lane.options.run}));
