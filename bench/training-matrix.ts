/**
 * The matrix path's group: descent against a vectorised numpy trainer of the same maths
 * (matrix_numpy.py, one python3 process a run, its runs interleaved with descent's), on a
 * 64-32-10 sigmoid network over 1,500 samples (full batch) and on --preset mnist; and the
 * scalar path on the first, for the gain. Each numpy run is checked against the Trainer first.
 */
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {loadMnist} from '../source/cli/packaged.js';
import {nativeMatrix, withoutMatrix} from '../source/core/maths/matrix.js';
import {NumpyRandom} from '../source/core/maths/random.js';
import {PRESETS, TUTORIAL} from '../source/core/presets.js';
import type {Setup} from '../source/core/setup.js';
import {flatten, type NestedWeights} from '../source/core/shape.js';
import {Trainer} from '../source/core/training/trainer.js';
import type {Candidate, Took} from './measure.js';
import {measureTogether} from './measure.js';
import type {GroupReport} from './training.js';

const ENDLESS = 1e15;
const REPLY_MS = 60_000;
export const DIGITS_NAME = '64-32-10 sigmoid, 1,500 samples, full batch';
export const MNIST_NAME = '--preset mnist (784-32-10, batches of 32)';

/** 64-32-10, sigmoid, biases, squared error, sgd: 1,500 samples of 64 grey levels in [0, 1) and one-hot digits. */
export function digitsSetup(): Setup {
	const random = new NumpyRandom(64);
	const samples = Array.from({length: 1500}, () => {
		const x = Array.from({length: 64}, () => random.rand());
		const digit = Math.floor(random.rand() * 10);
		return {x, t: Array.from({length: 10}, (_, k) => (k === digit ? 1 : 0))};
	});
	return {...TUTORIAL, layers: [64, 32, 10], bias: true, init: 'xavier', learningRate: 0.5, samples, limit: ENDLESS, seed: 0};
}

export function mnistSetup(): Setup {
	return {...PRESETS.get('mnist')!.setup, samples: loadMnist(2000), limit: ENDLESS, seed: 0};
}

type Server = {readonly ask: (command: object) => Promise<Record<string, unknown>>; readonly close: () => void};

function startServer(script: string): Server {
	const child = spawn('python3', [script], {stdio: ['pipe', 'pipe', 'pipe']});
	const lines = readline.createInterface({input: child.stdout});
	const waiting: Array<(line: string | Error) => void> = [];
	let stderr = '';
	lines.on('line', line => waiting.shift()?.(line));
	child.stderr.on('data', (data: Buffer) => {
		stderr += data.toString();
	});
	child.once('exit', () => {
		for (const settle of waiting.splice(0)) {
			settle(new Error(`matrix_numpy.py exited: ${stderr.trim().split('\n').at(-1) ?? ''}`));
		}
	});
	const ask = async (command: object) =>
		new Promise<Record<string, unknown>>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('matrix_numpy.py did not answer in time')), REPLY_MS);
			waiting.push(line => {
				clearTimeout(timer);
				if (line instanceof Error) {
					reject(line);
				} else {
					resolve(JSON.parse(line) as Record<string, unknown>);
				}
			});
			child.stdin.write(JSON.stringify(command) + '\n');
		});
	return {ask, close: () => child.kill()};
}

/** The numpy trainer on this setup, after checking that it trains the Trainer's weights (within 1e-9) over `checked` iterations. */
async function numpyCandidate(benchSource: string, name: string, setup: Setup, checked: number): Promise<{candidate: Candidate; note: string; server: Server}> {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'descent-bench-')), 'setup.json');
	const {layers, activation, outputActivation, loss, optimizer, bias, init, learningRate, seed, batch, test, samples} = setup;
	fs.writeFileSync(file, JSON.stringify({layers, activation, outputActivation, loss, optimizer, bias, init, learningRate, seed, batch, test, samples}));
	const server = startServer(path.join(benchSource, 'matrix_numpy.py'));
	const versions = await server.ask({setup: file});
	await server.ask({train: checked});
	const theirs = (await server.ask({weights: 1})) as {weights: NestedWeights; error: number};
	const trainer = new Trainer(setup);
	trainer.step(checked);
	const expected = new Float64Array(trainer.network.weights.length);
	flatten(trainer.network.shape, theirs.weights, expected);
	let worst = 0;
	for (const [k, weight] of trainer.network.weights.entries()) {
		worst = Math.max(worst, Math.abs(weight - expected[k]!) / Math.max(Math.abs(expected[k]!), 1e-6));
	}

	if (!(worst <= 1e-9)) {
		server.close();
		throw new Error(`numpy's ${name} differs from the Trainer's by ${worst.toExponential(2)} after ${checked} iterations`);
	}

	await server.ask({setup: file});
	const note = `check: numpy (python ${String(versions['python'])}, numpy ${String(versions['numpy'])}) trains ${name} to the Trainer's weights within ${worst.toExponential(1)} (relative) over ${checked} iterations`;
	const run = async (iterations: number): Promise<Took> => (await server.ask({train: iterations})) as Took;
	return {candidate: {name: `numpy, ${name}`, terms: trainer.network.shape.weightCount * trainer.schedule.batchSize, run}, note, server};
}

export async function matrixGroup(benchSource: string, generic: (name: string, setup: Setup) => Candidate): Promise<GroupReport> {
	const check = spawnSync('python3', ['-c', 'import numpy'], {encoding: 'utf8', timeout: 20_000});
	if (check.error || check.status !== 0) {
		throw new Error('python3 with numpy is needed for the numpy trainer');
	}

	const native = nativeMatrix();
	const notes = [typeof native === 'string' ? `the matrix path is NOT used: ${native}` : 'the matrix path: dist/matrix.node'];
	const digits = digitsSetup();
	const mnist = mnistSetup();
	const servers: Server[] = [];
	try {
		const numpyDigits = await numpyCandidate(benchSource, DIGITS_NAME, digits, 20);
		servers.push(numpyDigits.server);
		const numpyMnist = await numpyCandidate(benchSource, MNIST_NAME, mnist, 120);
		servers.push(numpyMnist.server);
		notes.push(numpyDigits.note, numpyMnist.note);
		const scalar = withoutMatrix(() => generic(`descent scalar path, ${DIGITS_NAME}`, digits));
		const candidates = [
			generic(`descent, ${DIGITS_NAME}`, digits),
			numpyDigits.candidate,
			generic(`descent, ${MNIST_NAME}`, mnist),
			numpyMnist.candidate,
			scalar,
		];
		const speeds = await measureTogether(candidates, {rounds: 7, targetMs: 150, warmMs: 500});
		return {speeds, notes, agree: true};
	} finally {
		for (const server of servers) {
			server.close();
		}
	}
}
