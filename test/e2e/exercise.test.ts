import {describe, expect, test} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {afterDashboard, closeTerminalsAfterEach, lineWith, startTerminal} from './terminals.js';

closeTerminalsAfterEach();

type Printed = {questions: Array<{id: string; text: string; answer: number}>};

/** The number as a learner who worked to 4 significant digits writes it. */
const byHand = (x: number) => String(Number(x.toPrecision(4)));

describe.each([
	[80, 24],
	[120, 40],
])('descent exercise at %i×%i', (cols, rows) => {
	test('answered wrong, then right, to the end: the score and the worked key', async () => {
		const {questions} = JSON.parse((await runCli(['exercise', '--seed', '3', '--json'])).stdout) as Printed;
		const term = startTerminal(['exercise', '--seed', '3'], {cols, rows});
		let screen = await term.waitFor(`Question 1 of ${questions.length}`, 15_000);
		await term.waitForRawMode();
		expect(await term.bufferType()).toBe('alternate');
		expect(screen).toContain(questions[0]!.text);
		expect(lineWith(screen, /^│ h1 /)).toMatch(/SOP1 \?\s+Activ1 \?/);
		// nothing asked for is on the screen before it is answered
		for (const question of questions) {
			expect(screen).not.toContain(question.answer.toPrecision(6));
		}

		const first = questions[0]!;
		await term.press(String(first.answer * 1.2));
		await term.press('enter');
		screen = await term.waitFor('not yet:');
		expect(screen).toMatch(/is 20 % too high; try again/);
		expect(screen).toContain(`Question 1 of ${questions.length}`);
		await term.press('-1');
		await term.press('enter');
		screen = await term.waitFor('has the wrong sign');
		expect(screen).toMatch(/use SOP1 = x1·W11 \+ x2·W21 \+\s+(│\s+)?x3·W31/);
		expect(screen).toContain('Tab give up');
		await term.press(byHand(first.answer));
		await term.press('enter');
		screen = await term.waitFor(`Question 2 of ${questions.length}`);
		expect(screen).toContain(`right: SOP1 = ${first.answer.toPrecision(6)}`);
		expect(lineWith(screen, /^│ h1 /)).toContain(`SOP1 ${first.answer.toPrecision(6)}`);

		await term.press('?');
		screen = await term.waitFor('Glossary');
		expect(screen).toContain('sum of products');
		await term.press('escape');
		await term.waitFor(`Question 2 of ${questions.length}`);

		for (const [k, question] of questions.slice(1).entries()) {
			await term.press(byHand(question.answer));
			await term.press('enter');
			await term.waitFor(k + 2 < questions.length ? `Question ${k + 3} of` : 'Done:');
		}

		screen = await term.waitFor('The worked key');
		expect(screen).toContain(`Done: ${questions.length - 1} of ${questions.length} right at the first try, 1 after more tries.`);
		expect(screen).toContain('# Iteration 1, worked out');
		await term.press('pagedown');
		await term.waitForAbsence('# Iteration 1, worked out');
		await term.press('q');
		const result = await term.exit();
		expect(result.exitCode).toBe(0);
		expect(afterDashboard(result.output).at(-1)).toBe(
			`descent exercise --seed 3: done: ${questions.length - 1} of ${questions.length} right at the first try, 1 after more tries`,
		);
	});
});
