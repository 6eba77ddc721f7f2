import {describe, expect, test} from 'vitest';
import {buildOptions} from '../../source/cli/build.js';
import {FLAG_BY_NAME} from '../../source/cli/flags.js';
import {parseArgv} from '../../source/cli/parse.js';
import {LANE_FLAGS} from '../../source/cli/race.js';
import {checkpointOf, parseCheckpoint} from '../../source/core/files/checkpoint.js';
import {OPTIMIZER_PARAMETERS, OPTIMIZERS, type DeclaredParameter} from '../../source/core/maths/optimizers.js';
import {PRESETS, TUTORIAL} from '../../source/core/presets.js';
import type {Setup} from '../../source/core/setup.js';
import {Trainer} from '../../source/core/training/trainer.js';
import {numpyScript} from '../../source/session/export-code.js';
import {InputError} from '../../source/session/input-error.js';

// An optimizer's own parameter is declared in its registry entry; all else is derived from that declaration.
const parameters = OPTIMIZER_PARAMETERS.map(declared => [declared.name, declared] as const);
const other = (declared: DeclaredParameter) => OPTIMIZERS.names.find(name => name !== declared.optimizer)!;
const setupWith = (changes: Partial<Setup>): Setup => ({...PRESETS.get('tutorial-3')!.setup, seed: 3, limit: 20, ...changes});

/** A checkpoint after 5 iterations, its setup edited as JSON. */
function checkpointText(setup: Setup, edit: (json: Record<string, unknown>) => void): string {
	const trainer = new Trainer(setup);
	trainer.step(5);
	const json = JSON.parse(JSON.stringify(checkpointOf(trainer))) as {setup: Record<string, unknown>};
	edit(json.setup);
	return JSON.stringify(json);
}

const problemOf = (text: string) => {
	const read = parseCheckpoint(text);
	return 'problem' in read ? read.problem : undefined;
};

function thrown(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as Error).message;
	}

	throw new Error('did not throw');
}

test('momentum declares μ, 0 ≤ μ < 1, default 0.9, as its entry', () => {
	expect(OPTIMIZER_PARAMETERS.map(({name, optimizer, symbol, min, max, default: value}) => ({name, optimizer, symbol, min, max, value}))).toContainEqual({
		name: 'momentum',
		optimizer: 'momentum',
		symbol: 'μ',
		min: 0,
		max: 1,
		value: 0.9,
	});
	for (const declared of OPTIMIZER_PARAMETERS) {
		expect(OPTIMIZERS.entries[declared.optimizer].parameter).toMatchObject({name: declared.name, default: declared.default});
	}
});

describe.each(parameters)('--%s, from its entry', (name, declared) => {
	test("TUTORIAL's value is the entry's default, right after the optimizer (as the JSON holds it)", () => {
		expect(TUTORIAL[name]).toBe(declared.default);
		const keys = Object.keys(TUTORIAL);
		const first = keys.indexOf(OPTIMIZER_PARAMETERS[0]!.name);
		expect(keys[first - 1]).toBe('optimizer');
		expect(keys.slice(first, first + OPTIMIZER_PARAMETERS.length)).toEqual(OPTIMIZER_PARAMETERS.map(p => p.name));
	});

	test('its flag: the symbol, the help line, the range in words, a race lane may set it', () => {
		const flag = FLAG_BY_NAME.get(name)!;
		expect(flag).toMatchObject({value: declared.symbol, setting: name});
		expect(flag.help).toBe(`with --optimizer ${declared.optimizer}: ${declared.min} ≤ ${declared.symbol} < ${declared.max} (${declared.default})`);
		expect(thrown(() => parseArgv(['--optimizer', declared.optimizer, `--${name}`, String(declared.max)]))).toBe(
			`--${name}: '${declared.max}' must be ${declared.range}`,
		);
		expect(LANE_FLAGS.has(name)).toBe(true);
	});

	test('set, it is the run’s; with another optimizer, it is refused', () => {
		const value = (declared.min + declared.max) / 2;
		const {setup} = buildOptions(parseArgv(['--optimizer', declared.optimizer, `--${name}`, String(value)]), {randomSeed: 1}).run;
		expect(setup[name]).toBe(value);
		const flags = ['--optimizer', other(declared), `--${name}`, String(value)];
		expect(thrown(() => buildOptions(parseArgv(flags), {randomSeed: 1}))).toBe(`--${name} goes with --optimizer ${declared.optimizer}`);
	});

	test('the checkpoint reader checks the declared range and names the key', () => {
		const own = setupWith({optimizer: declared.optimizer});
		const set = (value: unknown) => checkpointText(own, json => (json[name] = value));
		expect(problemOf(set(declared.max))).toBe(`"${name}" must be ${declared.range}`);
		expect(problemOf(set(declared.min - 1e-9))).toBe(`"${name}" must be ${declared.range}`);
		expect(problemOf(set('0.5'))).toBe(`"${name}" must be ${declared.range}`);
		const below = declared.max - 1e-9;
		for (const value of [declared.min, below]) {
			const read = parseCheckpoint(set(value));
			expect('problem' in read ? read.problem : read.setup[name]).toBe(value);
		}
	});

	test('a checkpoint without it (written before its optimizer was added) gets the default; a run of its own optimizer must hold it', () => {
		const read = parseCheckpoint(checkpointText(setupWith({optimizer: other(declared)}), json => delete json[name]));
		expect('problem' in read ? read.problem : read.setup[name]).toBe(declared.default);
		expect(problemOf(checkpointText(setupWith({optimizer: declared.optimizer}), json => delete json[name]))).toBe(
			`"${name}" is missing: a run of ${declared.optimizer} needs it`,
		);
	});

	test("the numpy script holds it as a constant named after it, for its own optimizer's run only", () => {
		const value = (declared.min + declared.max) / 4;
		const constant = `${name.toUpperCase()} = ${value}  # --${name}`;
		expect(numpyScript(new Trainer(setupWith({optimizer: declared.optimizer, [name]: value})))).toContain(constant);
		expect(numpyScript(new Trainer(setupWith({optimizer: other(declared), [name]: value})))).not.toContain(`${name.toUpperCase()} =`);
	});
});
