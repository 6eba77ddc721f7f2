import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {expectOneLineError, runCli, temporaryFolder} from '../helpers/run-cli.js';

type Printed = {seed: number; questions: Array<{id: string; answer: number; tolerance: number}>};

const folder = temporaryFolder('exercise');
const write = (name: string, text: string) => {
	const file = path.join(folder, name);
	fs.writeFileSync(file, text);
	return file;
};

async function printed(args: readonly string[]): Promise<Printed> {
	const result = await runCli(['exercise', ...args, '--json']);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout) as Printed;
}

describe.concurrent('descent exercise --check: the key right, every answer 1 % off wrong', () => {
	test.each([
		['the tutorial’s network', ['--seed', '5']],
		['adam, bias, backward only', ['--seed', '6', '--optimizer', 'adam', '--bias', '--kind', 'backward']],
	])(
		'%s',
		async (_name, flags) => {
			const exercise = await printed(flags);
			const key = exercise.questions.map(question => `${question.id} ${question.answer}`);
			const right = await runCli(['exercise', ...flags, '--check', write(`key-${exercise.seed}.txt`, `# the key\n\n${key.join('\n')}\n`)]);
			expect(right.code, right.stderr).toBe(0);
			const lines = right.stdout.trimEnd().split('\n');
			expect(lines).toHaveLength(exercise.questions.length + 1);
			expect(lines.slice(0, -1).every(line => /^\S+\s+right\s/.test(line))).toBe(true);
			expect(lines.at(-1)).toBe(`score ${exercise.questions.length} / ${exercise.questions.length}`);

			for (const factor of [1.01, 0.99]) {
				const moved = exercise.questions.map(question => `${question.id} ${question.answer * factor}`);
				const wrong = await runCli(['exercise', ...flags, '--check', write(`off-${exercise.seed}-${factor}.txt`, moved.join('\n'))]);
				expect(wrong.code).toBe(1);
				const graded = wrong.stdout.trimEnd().split('\n');
				expect(
					graded.slice(0, -1).every(line => /^\S+\s+wrong\s+\S+ \(expected \S+\)$/.test(line)),
					wrong.stdout,
				).toBe(true);
				expect(graded.at(-1)).toBe(`score 0 / ${exercise.questions.length}`);
			}

			const some = exercise.questions.slice(1).map(question => `${question.id} ${question.answer}`);
			const missing = await runCli(['exercise', ...flags, '--check', write(`some-${exercise.seed}.txt`, some.join('\n'))]);
			expect(missing.code).toBe(1);
			expect(missing.stdout).toMatch(new RegExp(`^${exercise.questions[0]!.id}\\s+missing  \\(expected \\S+\\)$`, 'm'));
		},
		60_000,
	);

	test('bad answer files and flags: one line, exit 2', async () => {
		const cases: Array<[string[], string[]]> = [
			[
				['--check', write('letters.txt', 'sop-h1 0.5\nerror abc\n')],
				['letters.txt, line 2', "'error abc' is not an id and a number"],
			],
			[
				['--check', write('unknown.txt', '# mine\nsop-h9 0.5\n')],
				['unknown.txt, line 2', "no question 'sop-h9'"],
			],
			[
				['--check', write('twice.txt', 'error 0.1\nerror 0.2\n')],
				['twice.txt, line 2', 'answered twice'],
			],
			[['--check', path.join(folder, 'absent.txt')], ['absent.txt']],
			[
				['--kind', 'sideways'],
				['--kind', 'forward, backward, update, all'],
			],
			[
				['--layers', '3,9,1'],
				['--layers 3,9,1', 'by hand'],
			],
			[['--output-activation', 'softmax'], ['--output-activation softmax']],
			[['--json', '--check', 'x'], ['--json and --check']],
			[['--count', '3'], ['--count goes with --out']],
			[
				['--iterations', '5'],
				['unknown flag --iterations', 'descent exercise --help'],
			],
		];
		const results = await Promise.all(cases.map(async ([flags]) => runCli(['exercise', '--seed', '1', ...flags])));
		for (const [k, [, mentions]] of cases.entries()) {
			expectOneLineError(results[k]!, ...mentions);
		}

		expectOneLineError(await runCli(['exercise', '--check', write('seedless.txt', '')]), '--check', '--seed');
	}, 60_000);
});

describe.concurrent('descent exercise: the same seed, the same exercise; sheets for a class', () => {
	test('--json twice is the same; another seed another; piped, the worksheet', async () => {
		const [a, b, c] = await Promise.all([printed(['--seed', '42']), printed(['--seed', '42']), printed(['--seed', '43'])]);
		expect(a).toEqual(b);
		expect(c).not.toEqual(a);
		const sheet = await runCli(['exercise', '--seed', '42', '--kind', 'forward']);
		expect(sheet.code).toBe(0);
		expect(sheet.stderr).toBe('descent: not a terminal, so the worksheet is printed; --json gives the key\n');
		expect(sheet.stdout).toMatch(/^# Exercise 42: one iteration by hand\n/);
		expect(sheet.stdout).toContain('within 0.5 % of the exact value');
		expect(sheet.stdout).toContain('descent exercise --seed 42 --kind forward --check answers.txt');
		expect(sheet.stdout).not.toContain('δ(');
	}, 60_000);

	test('--out: a worksheet and a key per seed, never over an existing file', async () => {
		const out = path.join(folder, 'class');
		const made = await runCli(['exercise', '--seed', '100', '--count', '3', '--out', out]);
		expect(made.code, made.stderr).toBe(0);
		expect(fs.readdirSync(out).sort()).toEqual(['100', '101', '102'].flatMap(seed => [`exercise-${seed}.md`, `key-${seed}.json`, `key-${seed}.md`]).sort());
		const json = JSON.parse(fs.readFileSync(path.join(out, 'key-101.json'), 'utf8')) as Printed;
		expect(json).toEqual(await printed(['--seed', '101']));
		const sheet = fs.readFileSync(path.join(out, 'exercise-101.md'), 'utf8');
		const key = fs.readFileSync(path.join(out, 'key-101.md'), 'utf8');
		for (const question of json.questions) {
			expect(sheet).toContain(`| ${question.id} `);
			expect(key).toContain(`| ${question.id} `);
		}

		expect(key).toContain('# Iteration 1, worked out');
		expect(sheet).not.toContain('worked out');
		const before = fs.readFileSync(path.join(out, 'exercise-102.md'), 'utf8');
		expectOneLineError(await runCli(['exercise', '--seed', '102', '--count', '5', '--out', out]), 'exercise-102.md already exists', 'nothing written');
		expect(fs.existsSync(path.join(out, 'exercise-103.md'))).toBe(false);
		expect(fs.readFileSync(path.join(out, 'exercise-102.md'), 'utf8')).toBe(before);
	}, 60_000);
});
