import {COMMANDS} from './commands.js';
import {FLAGS, type Flag} from './flags.js';

const WIDTH = 80;
const FLAG_COLUMN = 26;

/** Breaks `text` into lines of at most `width` at spaces. */
export function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line !== '' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line === '' ? word : `${line} ${word}`;
		}
	}

	return [...lines, line];
}

function row(spec: Flag): string[] {
	const name = `  --${spec.name}${spec.negatable ? `, --no-${spec.name}` : ''}${spec.value ? ` ${spec.value}` : ''}`;
	const help = wrap(spec.help, WIDTH - FLAG_COLUMN);
	if (name.length >= FLAG_COLUMN) {
		return [name, ...help.map(line => ' '.repeat(FLAG_COLUMN) + line)];
	}

	return help.map((line, k) => (k === 0 ? name.padEnd(FLAG_COLUMN) : ' '.repeat(FLAG_COLUMN)) + line);
}

/** `descent --help`: usage, every flag by group (from FLAGS), examples; no line over 80 columns. */
export function helpText(): string {
	const usages: Array<[string, string]> = [
		['[flags]', 'the dashboard: watch it train, step by keypress'],
		['--headless [flags]', 'train to the end, then print a summary'],
		...COMMANDS.map((command): [string, string] => [command.usage, command.summary]),
	];
	// every summary in one column, two spaces past the longest usage
	const column = Math.max(...usages.map(([usage]) => `  descent ${usage}`.length)) + 2;
	const lines = ['Usage', ...usages.map(([usage, summary]) => `  descent ${usage}`.padEnd(column) + summary)];
	lines.push(...flagLines(FLAGS));
	lines.push(
		'',
		'Other',
		`${'  --help, -h'.padEnd(FLAG_COLUMN)}this text`,
		`${'  --version'.padEnd(FLAG_COLUMN)}the version`,
		'',
		'Flags given beside --preset or --load override them. Without --layers, --inputs',
		"and --data keep the preset's hidden and output layers and size the input layer.",
		'',
		'Examples',
		'  descent --seed 0 --paused',
		'  descent --preset spiral --test 0.2',
		'  descent --preset xor --optimizer adam --lr 0.05',
		'  descent --headless --json --seed 0',
		'  descent --seed 0 --explain 1',
		'  descent --headless --json --seed 0 --surface W41,W42 --grid 31',
		'  descent --preset spiral \\',
		'    --race "--optimizer sgd --lr 0.1" --race "--optimizer momentum --lr 0.1"',
		'  descent --seed 0 --race "--lr 0.001" --race "--lr 0.01"',
		'  descent exercise --seed 7',
		'  descent lesson tutorial',
	);
	return lines.join('\n');
}

/** Every flag of a list under its group's heading, in the list's order. */
function flagLines(flags: readonly Flag[]): string[] {
	const lines: string[] = [];
	let group = '';
	for (const spec of flags) {
		if (spec.group !== group) {
			group = spec.group;
			lines.push('', group);
		}

		lines.push(...row(spec));
	}

	return lines;
}

/** A command's own help: its usage, its flags, its notes and examples. */
export function commandHelp(usage: readonly string[], flags: readonly Flag[], notes: readonly string[]): string {
	return ['Usage', ...usage, ...flagLines(flags), '', ...notes].join('\n');
}
