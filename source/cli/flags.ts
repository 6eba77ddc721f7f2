/**
 * The command line: meow's help text (the documentation of every flag) and the flags.
 * Values are read as strings and checked in options.ts, so that `--lr abc` gets a clear
 * message instead of meow's silent `null`.
 */
export const HELP = `
	Usage
	  $ descent [options]              the dashboard: watch it train, step it by keypress
	  $ descent --headless [options]   train to the end, then print a summary

	The network (defaults: --preset tutorial-3)
	  --preset NAME       tutorial-3, tutorial-10 or xor              --preset tutorial-10
	  --layers N,N,...    neurons per layer, inputs first             --layers 3,2,1
	  --activation NAME   sigmoid, tanh, relu or linear               --activation tanh
	  --bias, --no-bias   a bias on every non-input neuron            --bias

	The data (one sample, or a CSV of many)
	  --inputs X,X,...    one sample's inputs                         --inputs 0.1,0.4,4.1
	  --target T,...      its target, one value per output            --target 0.2
	  --data FILE         CSV, a row per sample: inputs, targets      --data xor.csv

	Training
	  --lr RATE           learning rate                               --lr 0.001
	  --iterations N      stop after N iterations                     --iterations 80000
	  --seed N            initial weights as numpy.random.seed(N),    --seed 0
	                      0 to 4294967295; random and shown if left out

	Dashboard
	  --paused            start paused at iteration 0                 --paused
	  --speed N|max       iterations a second (default 10000)         --speed max

	Headless
	  --headless          no dashboard: train, print a summary        --headless
	  --json              with --headless: one JSON object            --headless --json
	  --every N           with --headless: iteration,error,           --headless --every 1000
	                      outputs as CSV every N iterations

	Files
	  --save FILE         checkpoint at the end (and on w)            --save run.json
	  --load FILE         resume from a checkpoint                    --load run.json
	  --history FILE      error and outputs over time, CSV            --history errors.csv

	Other
	  --help              this text
	  --version           the version

	Flags given beside --preset or --load override them. Without --layers, --inputs and
	--data keep the preset's hidden and output layers and size the input layer to fit.

	Examples
	  $ descent --seed 0 --paused
	  $ descent --preset xor --speed 1000
	  $ descent --headless --json --seed 0
	  $ descent --headless --every 10000 --seed 0 > trace.csv
`;

export const FLAGS = {
	preset: {type: 'string'},
	layers: {type: 'string'},
	activation: {type: 'string'},
	bias: {type: 'boolean'},
	inputs: {type: 'string'},
	target: {type: 'string'},
	data: {type: 'string'},
	lr: {type: 'string'},
	iterations: {type: 'string'},
	seed: {type: 'string'},
	paused: {type: 'boolean'},
	speed: {type: 'string'},
	headless: {type: 'boolean'},
	json: {type: 'boolean'},
	every: {type: 'string'},
	save: {type: 'string'},
	load: {type: 'string'},
	history: {type: 'string'},
} as const;

export type FlagName = keyof typeof FLAGS;

/** What meow hands over: every value as typed, `undefined` where the flag was not given. */
export type RawFlags = Partial<Record<FlagName, string | boolean>>;

const kebab = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/**
 * Checks argv before meow does: unknown flags, values given to switches and stray words,
 * each as one line naming the flag. Returns the flags that were given, so that an absent
 * switch can be told from `--no-bias`.
 */
export function scanArgv(argv: readonly string[]): {given: Set<FlagName>; error?: string} {
	const given = new Set<FlagName>();
	const known = new Map(Object.entries(FLAGS).map(([name, flag]) => [kebab(name), {name: name as FlagName, type: flag.type}]));
	for (let k = 0; k < argv.length; k++) {
		const arg = argv[k]!;
		if (arg === '--help' || arg === '--version' || arg === '-h') {
			continue;
		}

		if (!arg.startsWith('-') || arg === '-') {
			return {given, error: `unexpected argument '${arg}' (flags start with --; see descent --help)`};
		}

		if (!arg.startsWith('--')) {
			return {given, error: `unknown flag ${arg} (see descent --help)`};
		}

		const [body = '', value] = arg.slice(2).split(/=(.*)/s, 2);
		const negated = body.startsWith('no-') && known.get(body.slice(3))?.type === 'boolean';
		const flag = known.get(negated ? body.slice(3) : body);
		if (!flag) {
			return {given, error: `unknown flag --${body} (see descent --help)`};
		}

		if (given.has(flag.name)) {
			return {given, error: `--${kebab(flag.name)} is given twice; give it once`};
		}

		given.add(flag.name);
		if (flag.type === 'boolean') {
			if (value !== undefined) {
				return {given, error: `--${body} takes no value (got '${value}')`};
			}
		} else if (value === undefined) {
			const next = argv[k + 1];
			// a value may itself start with '-' (a negative number): it is checked as that flag's value
			if (next === undefined || (next.startsWith('--') && next.length > 2)) {
				return {given, error: `--${body} needs a value (see descent --help)`};
			}

			k++;
		}
	}

	return {given};
}
