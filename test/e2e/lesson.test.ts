import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {runCli, temporaryFolder} from '../helpers/run-cli.js';
import {afterDashboard, closeTerminalsAfterEach, iterationOf, lineWith, startTerminal} from './terminals.js';

closeTerminalsAfterEach();

const QUESTIONS = `# Two questions
A lesson file of a teacher's.

---
flags: --seed 0 --paused
panels: weights
question: sop-h1
---
Work out SOP1.

---
flags: --seed 0 --paused
keys: s
until: step
---
Now step once.

---
---
The end of step 2's run.

---
---
The end.
`;

type Explained = {samples: Array<{neurons: {h1: {sop: number}}}>};

/** A folder with the lesson file, and the state folder built-in lessons keep their progress in. */
function classroom(): {cwd: string; env: {XDG_STATE_HOME: string}} {
	const cwd = temporaryFolder('lesson');
	fs.writeFileSync(path.join(cwd, 'questions.md'), QUESTIONS);
	fs.writeFileSync(path.join(cwd, 'bad.md'), '# Bad\n\n---\nflags: --seed 0\npanel: weights\n---\ntext\n');
	return {cwd, env: {XDG_STATE_HOME: path.join(cwd, 'state')}};
}

describe.each([
	[80, 24],
	[120, 40],
])('descent lesson at %i×%i', (cols, rows) => {
	test('the built-in hidden-layer lesson walked to its end: each step’s action, → to go on, the progress kept', async () => {
		const {cwd, env} = classroom();
		const term = startTerminal(['lesson', 'hidden-layer'], {cols, rows, cwd, env});
		let screen = await term.waitFor('Step 1 of 4', 15_000);
		await term.waitForRawMode();
		expect(screen).toMatch(/descent 2 → 1 · sigmoid · bias/);
		expect(screen).toContain('To go on: train until the run stops (space runs and pauses).');
		// the step asks for the chart, the samples and the map: each shown, the map with room to see the plane (one row at 80×24 before)
		screen = await term.waitFor('● train');
		expect(screen).toContain('╭─ Error');
		expect(screen).toContain('╭─ Samples');
		expect(screen).toContain('╭─ Map');
		expect(screen.split('\n').filter(line => /│ [▀●◆◐]{20,} │/.test(line)).length).toBeGreaterThanOrEqual(6);
		await term.press('right');
		await term.waitFor('→ waits: first train until the run stops');
		await term.press('space');
		screen = await term.waitFor('Done. → next step.');
		expect(screen).toMatch(/error 0\.250000/);
		expect(screen).toContain('0.5000');
		await term.press('right');
		screen = await term.waitFor('Step 2 of 4');
		expect(screen).toContain('the error stops at 0.250000, every prediction at 0.5000');
		// space at once after →, before the new run's first frame: it acts when the frame comes
		await term.press('right');
		await term.press('space');
		screen = await term.waitFor('Step 3 of 4');
		expect(screen).toMatch(/descent 2 → 3 → 1/);
		screen = await term.waitFor('Done. → next step.');
		expect(screen).toContain('at iteration 1,458');
		await term.press('right');
		screen = await term.waitFor('Step 4 of 4');
		expect(screen).toContain('The end of the lesson: ← goes back, q quits.');
		expect(fs.readFileSync(path.join(env.XDG_STATE_HOME, 'descent', 'lessons', 'hidden-layer.progress'), 'utf8')).toBe('step 4 of 4\n');
		await term.press('q');
		const result = await term.exit();
		expect(result.exitCode).toBe(0);
		expect(afterDashboard(result.output).at(-1)).toBe('descent lesson hidden-layer: finished (4 steps)');
	});
});

/** The Lanes panel's rows: each lane's number, name and iteration. */
function laneRows(screen: string): Array<[number, string, number]> {
	return screen
		.split('\n')
		.map(line => /│ [▶ ] (\d) (\S+)\s{2,}([\d,]+)\s{2,}\d/.exec(line))
		.filter(match => match !== null)
		.map(match => [Number(match[1]), match[2]!, Number(match[3]!.replaceAll(',', ''))]);
}

test('the built-in optimizers lesson’s race at 120×40: three lanes in the chart’s legend, the Lanes table and the surface; the text’s numbers are the table’s', async () => {
	const {cwd, env} = classroom();
	const term = startTerminal(['lesson', 'optimizers'], {cols: 120, rows: 40, cwd, env});
	let screen = await term.waitFor('Step 1 of 5', 15_000);
	await term.waitForRawMode();
	expect(screen).toContain('lane 1 of 3: sgd');
	await term.press('s');
	await term.waitFor('Done. → next step.');
	await term.press('3');
	screen = await term.waitFor('lane 3 of 3: adam');
	expect(lineWith(screen, 'W41 ')).toContain('-1.000e-3');
	await term.press('1');
	await term.waitFor('lane 1 of 3: sgd');
	await term.press('right');
	await term.waitFor('Step 2 of 5');
	await term.press('right');
	await term.waitFor('Step 3 of 5');
	await term.press('space');
	screen = await term.waitFor('Done. → next step.', 30_000);
	expect(screen).toMatch(/▶1 sgd: [\d.e-]+ · 2 momentum: [\d.e-]+ · 3 adam: [\d.e-]+/);
	expect(screen).toContain('Error surface W41 → W42');
	const rows = laneRows(screen);
	expect(rows.map(([lane, name]) => [lane, name])).toEqual([
		[1, 'sgd'],
		[2, 'momentum'],
		[3, 'adam'],
	]);
	const [sgd, momentum, adam] = rows.map(([, , iteration]) => iteration.toLocaleString('en-US'));
	await term.press('right');
	screen = await term.waitFor('Step 4 of 5');
	expect(screen.replaceAll(/\s*│\s*/g, ' ')).toContain(`sgd got there at iteration ${sgd!}; momentum at ${momentum!}, ten times sooner; Adam at ${adam!}`);
	await term.press('q');
	const result = await term.exit();
	expect(result.exitCode).toBe(0);
	expect(afterDashboard(result.output).at(-1)).toBe('descent lesson optimizers: left at step 4 of 5 (--resume opens it at step 1, where its run begins)');
});

describe('descent lesson FILE', () => {
	test('a question step answered wrong, then right; an action step; the file’s progress beside it', async () => {
		const {cwd} = classroom();
		const explained = JSON.parse((await runCli(['--seed', '0', '--explain', '1', '--json'])).stdout) as Explained;
		const sop = explained.samples[0]!.neurons.h1.sop;
		const term = startTerminal(['lesson', 'questions.md'], {cols: 100, rows: 30, cwd});
		let screen = await term.waitFor('Question 1 of 1: SOP1: the sum of products into h1 (Enter checks)', 15_000);
		await term.waitForRawMode();
		expect(screen).toContain('Step 1 of 4 · Two questions');
		await term.press(String(sop * 1.1));
		await term.press('enter');
		screen = await term.waitFor('not yet:');
		expect(screen).toContain('is 10 % too high; try again');
		await term.press(sop.toPrecision(4));
		await term.press('enter');
		screen = await term.waitFor('Done. → next step.');
		expect(screen).toContain(`right: SOP1 = ${sop.toPrecision(6)}. 0 of 1 right at the first try, 1 after more tries.`);
		await term.press('right');
		await term.waitFor('Step 2 of 4');
		expect(fs.readFileSync(path.join(cwd, 'questions.md.progress'), 'utf8')).toBe('step 2 of 4\n');
		await term.press('s');
		screen = await term.waitFor('Done. → next step.');
		expect(iterationOf(screen)).toBe(1);
		await term.press('right');
		await term.waitFor('Step 3 of 4');
		await term.press('right');
		await term.waitFor('Step 4 of 4');
		await term.press('q');
		const result = await term.exit();
		expect(result.exitCode).toBe(0);
		expect(afterDashboard(result.output).at(-1)).toBe('descent lesson questions.md: finished (4 steps)');
	});

	test.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const)('left by %s at step 2: --resume opens it there', async (signal, code) => {
		const {cwd} = classroom();
		const term = startTerminal(['lesson', 'questions.md'], {cols: 100, rows: 30, cwd});
		await term.waitFor('Question 1 of 1', 15_000);
		await term.waitForRawMode();
		await term.press('2.812');
		await term.press('enter');
		await term.waitFor('Done. → next step.');
		await term.press('right');
		await term.waitFor('Step 2 of 4');
		process.kill(term.pid, signal);
		const result = await term.exit();
		expect(result.exitCode).toBe(code);
		expect(result.output).not.toMatch(/Error:|at .*\(node:/);
		expect(fs.readFileSync(path.join(cwd, 'questions.md.progress'), 'utf8')).toBe('step 2 of 4\n');
		const again = startTerminal(['lesson', 'questions.md', '--resume'], {cols: 100, rows: 30, cwd});
		const screen = await again.waitFor('Step 2 of 4', 15_000);
		expect(screen).toContain('Now step once.');
		await again.waitForRawMode();
		await again.press('s');
		await again.waitFor('Done. → next step.');
		await again.press('right');
		await again.waitFor('Step 3 of 4');
		await again.press('q');
		const ended = await again.exit();
		// step 3 continues step 2's run: --resume would open step 2, to train it again
		expect(afterDashboard(ended.output).at(-1)).toBe('descent lesson questions.md: left at step 3 of 4 (--resume opens it at step 2, where its run begins)');
	});

	test('a broken lesson file: one line, FILE:LINE: what is wrong, exit 2; on a terminal and piped', async () => {
		const {cwd} = classroom();
		const message = "bad.md:5: unknown key 'panel:' (a step has flags:, panels:, keys:, select:, until:, question:)";
		const term = startTerminal(['lesson', 'bad.md'], {cols: 100, rows: 30, cwd});
		const result = await term.exit();
		expect(result.exitCode).toBe(2);
		expect(afterDashboard(result.output)).toEqual([message]);
		const piped = await runCli(['lesson', 'bad.md'], {cwd});
		expect(piped.code).toBe(2);
		expect(piped.stderr).toBe(`${message}\n`);
		expect(piped.stdout).toBe('');
	});
});

describe('descent lesson, without a terminal', () => {
	test('--list: the built-in lessons, one line each', async () => {
		const result = await runCli(['lesson', '--list']);
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines.map(line => line.split(/\s+/)[0])).toEqual(['tutorial', 'ten-inputs', 'hidden-layer', 'optimizers']);
		expect(lines.every(line => line.length <= 80)).toBe(true);
	});

	test('--help: its usage, flags and examples, no line over 80 columns; descent --help names the command', async () => {
		const result = await runCli(['lesson', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('--resume');
		expect(result.stdout.split('\n').every(line => line.length <= 80)).toBe(true);
		expect((await runCli(['--help'])).stdout).toContain('descent lesson NAME|FILE');
	});

	test('piped: the lesson checked and its file printed, a start for a teacher’s own', async () => {
		const {cwd} = classroom();
		const result = await runCli(['lesson', 'tutorial'], {cwd});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe("descent: not a terminal, so the lesson's file is printed (checked: 7 steps)\n");
		fs.writeFileSync(path.join(cwd, 'mine.md'), result.stdout);
		expect((await runCli(['lesson', 'mine.md'], {cwd})).code).toBe(0);
	});

	test.each([
		[[], 'descent: which lesson? descent lesson NAME or FILE (descent lesson --list names the built-in ones)'],
		[['nowhere.md'], 'descent: lesson nowhere.md: no such file, nor a built-in lesson (descent lesson --list)'],
		[['.'], 'descent: lesson .: a folder, not a lesson file'],
		[['tutorial', '--resum'], 'descent: unknown flag --resum (see descent lesson --help)'],
	])('descent lesson %j: one line, exit 2', async (args, message) => {
		const result = await runCli(['lesson', ...args]);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`${message}\n`);
	});
});

describe.each([
	[80, 24],
	[120, 40],
])('the built-in tutorial lesson at %i×%i', (cols, rows) => {
	test('step 1 draws the Network panel whole, or says what it needs: never a summary of 3 → 2 → 1', async () => {
		const {cwd, env} = classroom();
		const term = startTerminal(['lesson', 'tutorial'], {cols, rows, cwd, env});
		const screen = await term.waitFor(/╭─ Weights[\s\S]*(╭─ Network|Network: drawn whole)/, 15_000);
		// before: at 80×24 the panel was 29 columns wide and summarised the network, its inputs 0.100000 and 4.10000
		expect(screen).not.toContain('too large for this panel');
		if (cols === 80) {
			expect(lineWith(screen, 'Network:')).toBe('Network: drawn whole or not at all, it needs 62×6 (now 80×24)');
		} else {
			for (const neuron of ['x1 0.1', 'x3 4.1', 'h1 ', 'h2 ', 'out ']) {
				expect(screen).toContain(neuron);
			}
		}
	});
});
