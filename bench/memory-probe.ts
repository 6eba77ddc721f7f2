/**
 * Child process of the bench: trains tutorial-3 for argv[2] iterations in-process, then
 * prints its memory and the size of the error history as one JSON line. Run with
 * --expose-gc so that the heap figure is what stays alive, not garbage.
 */
import process from 'node:process';
import {PRESETS} from '../source/core/presets.js';
import {Trainer} from '../source/core/trainer.js';

export type ProbeReport = {
	readonly iterations: number;
	readonly seconds: number;
	readonly rss: number;
	readonly heapUsed: number;
	/** Peak resident set size of the whole process, in bytes. */
	readonly maxRss: number;
	readonly historyLength: number;
	readonly iterationsPerBucket: number;
};

const iterations = Number(process.argv[2]);
const preset = PRESETS['tutorial-3']!;
const trainer = new Trainer({spec: preset, learningRate: preset.learningRate, iterations, seed: 0});
const start = performance.now();
trainer.runToEnd();
const seconds = (performance.now() - start) / 1000;
(globalThis as {gc?: () => void}).gc?.();
const memory = process.memoryUsage();
const report: ProbeReport = {
	iterations: trainer.iteration,
	seconds,
	rss: memory.rss,
	heapUsed: memory.heapUsed,
	maxRss: process.resourceUsage().maxRSS * 1024,
	historyLength: trainer.errorHistory.length,
	iterationsPerBucket: trainer.errorHistory.width,
};
process.stdout.write(JSON.stringify(report) + '\n');
