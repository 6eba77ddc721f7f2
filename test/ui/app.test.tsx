import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {PRESETS} from '../../source/core/presets.js';
import {Trainer} from '../../source/core/trainer.js';
import {App} from '../../source/ui/App.js';

const KEY = {up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', escape: '\u001B', pageDown: '\u001B[6~'};

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Lets React and the trainer's frame timer settle after a key (frames are not synchronous). */
const settle = async () => sleep(20);

const trainers: Trainer[] = [];
afterEach(() => {
	for (const trainer of trainers.splice(0)) {
		trainer.dispose();
	}
});

function tutorialTrainer(preset = PRESETS['tutorial-3']!, iterations = preset.iterations): Trainer {
	const trainer = new Trainer({spec: preset, learningRate: preset.learningRate, iterations, seed: 0, speed: 1000});
	trainers.push(trainer);
	return trainer;
}

async function dashboard(trainer = tutorialTrainer(), props: Partial<Parameters<typeof App>[0]> = {}) {
	const instance = render(<App trainer={trainer} frameMs={0} {...props} />);
	await settle();
	// after the keys, waits until the frame stops changing (a loaded machine renders late)
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await settle();
		}

		let frame = instance.lastFrame()!;
		for (let waited = 0; waited < 1000; waited += 25) {
			await sleep(25);
			const next = instance.lastFrame()!;
			if (next === frame) {
				break;
			}

			frame = next;
		}

		return frame;
	};

	return {...instance, trainer, press};
}

describe('the dashboard', () => {
	test('starts paused at iteration 0 with the initial weights and every panel', async () => {
		const {lastFrame} = await dashboard();
		const frame = lastFrame()!;
		expect(frame).toContain('paused · iteration 0 / 80,000');
		expect(frame).toMatch(/W11\s+x1 → h1\s+0\.548814/);
		for (const title of ['Weights', 'Error over iterations', 'Chain of W11 (x1 → h1)', 'Samples']) {
			expect(frame).toContain(title);
		}

		expect(frame).toContain('? help');
	});

	test('s steps one iteration: the chain of W11 is the tutorial’s, W41’s gradient is 0.1882', async () => {
		const {press, trainer} = await dashboard();
		let frame = await press('s');
		expect(trainer.iteration).toBe(1);
		expect(frame).toContain('iteration 1 / 80,000');
		expect(frame).toMatch(/g1 = dError\/dPredicted\s+= 1\.157/);
		expect(frame).toMatch(/g2 = dPredicted\/dSOP3\s+= 0\.1725/);
		expect(frame).toMatch(/W41\s+h1 → out\s+0\.437399\s+-1\.882e-4\s+0\.1882/);
		frame = await press(KEY.right);
		expect(frame).toContain('iteration 2 / 80,000');
		frame = await press('n');
		expect(frame).toContain('iteration 102 / 80,000');
	});

	test('↑/↓ and j/k select a weight; the chain follows', async () => {
		const {press} = await dashboard();
		await press('s');
		let frame = await press(...Array.from({length: 6}, () => KEY.down));
		expect(frame).toContain('Chain of W41 (h1 → out)');
		expect(frame).toContain('gradient = g1·g2·g3 = 0.1882');
		frame = await press('k');
		expect(frame).toContain('Chain of W32 (x3 → h2)');
		frame = await press('j', 'j', 'j');
		expect(frame).toContain('Chain of W42 (h2 → out)');
		frame = await press(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up);
		expect(frame).toContain('Chain of W11 (x1 → h1)');
	});

	test('space runs and pauses; r resets to the seed’s initial weights', async () => {
		const {press, trainer} = await dashboard();
		let frame = await press(' ');
		expect(trainer.state).toBe('running');
		await new Promise(resolve => setTimeout(resolve, 150));
		frame = await press(' ');
		expect(trainer.state).toBe('paused');
		expect(trainer.iteration).toBeGreaterThan(0);
		expect(frame).toContain('paused');
		frame = await press('r');
		expect(trainer.iteration).toBe(0);
		expect(frame).toContain('iteration 0 / 80,000');
		expect(frame).toMatch(/W11\s+x1 → h1\s+0\.548814/);
		// the previous run stays on the chart for comparison until x
		expect(frame).toContain('grey: the previous run (seed 0, lr 0.001)');
		frame = await press('x');
		expect(frame).not.toContain('previous run');
		expect(frame).toContain('Error over iterations');
	});

	test('R resets with a new seed, shown on the status line', async () => {
		const {press, trainer} = await dashboard();
		await press('s');
		const frame = await press('R');
		expect(trainer.iteration).toBe(0);
		expect(frame).toContain(`seed ${trainer.seed} `);
	});

	test('+ and - step the speed by ×10 up to max', async () => {
		const {press} = await dashboard();
		expect(await press('+')).toContain('speed 10,000/s');
		expect(await press('+', '+', '+', '+')).toContain('speed max');
		expect(await press('-')).toContain('speed 1,000,000/s');
	});

	test('[ halves and ] doubles the learning rate; the chart marks the change', async () => {
		const {press} = await dashboard();
		await press('n');
		expect(await press('[')).toContain('learning rate 0.0005');
		await press('n');
		const frame = await press(']', ']');
		expect(frame).toContain('learning rate 0.002');
		expect(frame).toContain('▲lr');
	});

	test('l toggles a log scale, c the predicted-output chart with its target', async () => {
		const {press} = await dashboard();
		await press('n');
		expect(await press('l')).toContain('(log scale)');
		const frame = await press('l', 'c');
		expect(frame).toContain('Predicted and target');
		expect(await press('c')).toContain('Error over iterations');
	});

	test('? opens the help overlay, Esc closes it', async () => {
		const {press} = await dashboard();
		let frame = await press('?');
		expect(frame).toContain('descent: help');
		expect(frame).toContain('Gradient check');
		expect(frame).toContain('[ ]: learning rate ÷2 ×2');
		expect(frame).toContain('g: gradient check');
		expect(frame.split('\n').length).toBeLessThan(24);
		// at 100 columns every sentence fits: none is cut
		expect(frame).not.toContain('…');
		frame = await press(KEY.escape);
		expect(frame).not.toContain('descent: help');
		expect(frame).toContain('Weights');
	});

	test('done and diverged keep everything on screen and the keys working', async () => {
		const preset = PRESETS['tutorial-3']!;
		const {press, trainer} = await dashboard(tutorialTrainer(preset, 150));
		let frame = await press('n', 'n');
		expect(trainer.state).toBe('done');
		expect(frame).toContain('done · iteration 150 / 150');
		expect(frame).toContain('Chain of W11');
		frame = await press('r');
		expect(frame).toContain('paused · iteration 0 / 150');

		const diverging = new Trainer({spec: {...preset, activation: 'linear'}, learningRate: 1000, iterations: 1000, seed: 0});
		trainers.push(diverging);
		const second = await dashboard(diverging);
		frame = await second.press('n');
		expect(diverging.state).toBe('diverged');
		expect(frame).toMatch(/diverged at iteration \d+/);
		frame = await second.press('r');
		expect(frame).toContain('paused · iteration 0 / 1,000');
	});

	test('e and w call the export and checkpoint writers and show what they say', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-app-'));
		const file = path.join(folder, 'history.csv');
		const {press} = await dashboard(undefined, {
			exportHistory() {
				fs.writeFileSync(file, 'iteration,error\n');
				return `wrote history ${file}`;
			},
			saveCheckpoint() {
				throw new Error('disk full');
			},
		});
		expect(await press('e')).toContain(`wrote history ${file}`);
		expect(fs.existsSync(file)).toBe(true);
		expect(await press('w')).toContain('not written: disk full');
	});

	test('a terminal below 80×24 gets one line asking for a larger window', async () => {
		const {stdout, lastFrame} = await dashboard();
		Object.defineProperty(stdout, 'columns', {value: 60, configurable: true});
		stdout.emit('resize');
		await settle();
		expect(lastFrame()).toBe('Enlarge the window to 80×24 (now 60×24); q quits');
		Object.defineProperty(stdout, 'columns', {value: 100, configurable: true});
		stdout.emit('resize');
		await settle();
		expect(lastFrame()).toContain('Weights');
	});

	test('tutorial-10: the 22-row table scrolls and says how many rows are hidden', async () => {
		const {press, lastFrame} = await dashboard(tutorialTrainer(PRESETS['tutorial-10']!));
		expect(lastFrame()).toMatch(/↓ \d+ below/);
		const frame = await press(...Array.from({length: 21}, () => 'j'));
		expect(frame).toContain('Chain of W11,2 (h2 → out)');
		expect(frame).toMatch(/↑ \d+ above/);
	});

	test('xor: four samples listed, the backpropagated chain with its mean over samples', async () => {
		const preset = PRESETS.xor!;
		const trainer = new Trainer({spec: preset, learningRate: preset.learningRate, iterations: preset.iterations, seed: 5});
		trainers.push(trainer);
		const {press} = await dashboard(trainer);
		const frame = await press('s');
		expect(frame).toContain('#4');
		expect(frame).toContain('mean over 4 samples');
	});
});
