/**
 * Child process of the bench: trains tutorial-3 for argv[2] iterations in-process (one
 * Trainer, `step` in slices as the headless run does), then prints its memory and the size
 * of the error history as one JSON line. Run with --expose-gc so that the heap figure is
 * what stays alive, not garbage.
 */
import process from 'node:process';
import {PRESETS} from '../source/core/presets.js';
import {Trainer} from '../source/core/training/trainer.js';

export type ProbeReport = {
	readonly iterations: number;
	readonly seconds: number;
	readonly rss: number;
	readonly heapUsed: number;
	/** Bytes of ArrayBuffers (typed arrays' memory, outside the heap) after gc, and at most while training (before gc). */
	readonly arrayBuffers: number;
	readonly peakArrayBuffers: number;
	/** Peak resident set size of the whole process, in bytes. */
	readonly maxRss: number;
	readonly historyLength: number;
	readonly iterationsPerBucket: number;
};

const iterations = Number(process.argv[2]);
const trainer = new Trainer({...PRESETS.get('tutorial-3')!.setup, seed: 0, limit: iterations});
const start = performance.now();
let peakArrayBuffers = 0;
while (!trainer.finished) {
	trainer.step(65_536);
	peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers);
}

const seconds = (performance.now() - start) / 1000;
// twice, a moment apart: ArrayBuffers' memory is freed after the collection that finds them dead
const gc = (globalThis as {gc?: () => void}).gc;
gc?.();
await new Promise(resolve => {
	setTimeout(resolve, 50);
});
gc?.();
const memory = process.memoryUsage();
const report: ProbeReport = {
	iterations: trainer.iteration,
	seconds,
	rss: memory.rss,
	heapUsed: memory.heapUsed,
	arrayBuffers: memory.arrayBuffers,
	peakArrayBuffers,
	maxRss: process.resourceUsage().maxRSS * 1024,
	historyLength: trainer.records.error.length,
	iterationsPerBucket: trainer.records.error.width,
};
process.stdout.write(JSON.stringify(report) + '\n');
