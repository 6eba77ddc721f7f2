/** Part 4: keys on a slow network (784-256-10 over 300 samples): pause while it runs, cancel a gradient check. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {stripAnsi, sleep, type TerminalSession} from '../test/harness/terminal.js';
import {NumpyRandom} from '../source/core/maths/random.js';
import {decimal, milliseconds, spreadOf, spreadText, table, type PartContext} from './report.js';
import {open, quit, trainingTime, using} from './terminal-runs.js';

export const KEYS_GOALS = ['space while training shows the pause <= 100 ms', 'a key during a gradient check shows it cancelled <= 100 ms'];

const PAUSE = /pausing after the iteration in progress|paused · iteration/;
const CHECKING = /checking [\d,]+ \/ [\d,]+, any key cancels/;
const CANCELLED = 'gradient check cancelled after';

/** 300 rows of 784 inputs in [0, 1) and a one-hot target of 10: an iteration of 784-256-10 then takes hundreds of ms. */
function writeCsv(folder: string): string {
	const random = new NumpyRandom(11);
	const rows = Array.from({length: 300}, (_, s) => {
		const inputs = Array.from({length: 784}, () => random.rand().toFixed(3));
		return [...inputs, ...Array.from({length: 10}, (_, k) => (k === s % 10 ? '1' : '0'))].join(',');
	});
	const file = path.join(folder, 'slow.csv');
	fs.writeFileSync(file, rows.join('\n') + '\n');
	return file;
}

/** Milliseconds from a key's write to the output chunk that first shows `expected`. */
async function latency(session: TerminalSession, key: string, expected: RegExp, timeoutMs = 15_000): Promise<number> {
	const pressedAt = performance.now() - session.startedAt;
	// press() writes at once when no key was written in the last 40 ms: it follows a wait on the screen here
	await session.press(key);
	return (await session.timeTo(expected, timeoutMs)) - pressedAt;
}

async function repetitions(context: PartContext, session: TerminalSession, found: {pause: number[]; cancel: number[]; checked: string[]}) {
	const started = performance.now();
	for (let rep = 0; rep < 5 && (rep < 3 || performance.now() - started < 15_000); rep++) {
		await session.waitFor(/running · iteration/, 15_000);
		// the key lands somewhere in an iteration
		await sleep(250 + 90 * rep);
		found.pause.push(await latency(session, 'space', PAUSE));
		await session.waitFor(/paused · iteration/, 15_000);
		// the last repetition's message stays 5 s: it must be gone, or it would be read as this one's
		await session.waitForAbsence(CANCELLED, 8000);
		await session.press('g');
		await session.waitFor(CHECKING, 20_000);
		found.cancel.push(await latency(session, 'x', new RegExp(CANCELLED)));
		found.checked.push(new RegExp(`${CANCELLED} [^\\n]*`).exec(await session.screen())?.[0] ?? '');
		await session.press('space');
		if (context.signal.aborted) {
			return;
		}
	}
}

export async function keysPart(context: PartContext): Promise<void> {
	const {print} = context;
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-bench-keys-'));
	try {
		const csv = writeCsv(folder);
		const session = open(context.tree, ['--data', csv, '--layers', '784,256,10', '--init', 'xavier', '--seed', '0'], {cwd: folder});
		const found = {pause: [] as number[], cancel: [] as number[], checked: [] as string[]};
		const summary = await using(session, async () => {
			await session.timeTo(/ · iteration [\d,]+ \/ 80,000 · /, 30_000);
			await repetitions(context, session, found);
			return quit(session);
		});
		const announced = /an iteration takes about ([^\n]+?) here/.exec(stripAnsi(session.output))?.[1] ?? 'no estimate printed';
		const time = trainingTime(summary);
		const perIteration = time && time.iterations > 0 ? `${decimal(time.ms / time.iterations, 0)} ms` : 'n/a';
		const pause = spreadOf(found.pause);
		const cancel = spreadOf(found.cancel);
		print(
			table(
				[`784-256-10 over 300 samples, ${found.pause.length} repetitions`, 'median [min … max]'],
				[
					["space while it trains, to 'pausing after the iteration in progress'", spreadText(pause, milliseconds)],
					["x during a gradient check, to 'gradient check cancelled after'", spreadText(cancel, milliseconds)],
				],
				'lr',
			),
		);
		print();
		print(`  an iteration: ${announced} by the program's estimate (its stderr); measured ${perIteration} (training time / iterations, its summary)`);
		print(`  the checks were cancelled: ${found.checked.map(text => text.replace(CANCELLED, '').trim()).join('; ')}`);
		print('  from the key written to the pseudo-terminal to the output chunk that first shows the text (test/harness/terminal.ts timeTo)');
		context.goal(KEYS_GOALS[0]!, {met: pause.median <= 100, text: `median ${milliseconds(pause.median)}, max ${milliseconds(pause.max)} (goal <= 100 ms)`});
		context.goal(KEYS_GOALS[1]!, {met: cancel.median <= 100, text: `median ${milliseconds(cancel.median)}, max ${milliseconds(cancel.max)} (goal <= 100 ms)`});
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
}
