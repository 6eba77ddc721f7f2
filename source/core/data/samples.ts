/** One training example: its inputs `x` and its target `t` (one value per output neuron). */
export type Sample = {
	readonly x: readonly number[];
	readonly t: readonly number[];
};

/** Every sample's inputs and targets in two flat arrays: `inputs[s * inputCount + i]`. */
export type SampleData = {
	readonly count: number;
	readonly inputCount: number;
	readonly outputCount: number;
	readonly inputs: Float64Array;
	readonly targets: Float64Array;
};

export function sampleData(samples: readonly Sample[], inputCount: number, outputCount: number): SampleData {
	const inputs = new Float64Array(samples.length * inputCount);
	const targets = new Float64Array(samples.length * outputCount);
	for (const [s, sample] of samples.entries()) {
		inputs.set(sample.x, s * inputCount);
		targets.set(sample.t, s * outputCount);
	}

	return {count: samples.length, inputCount, outputCount, inputs, targets};
}

/** Whether every target is 0 or 1 (classes: one output thresholded at 0.5, or one-hot over several). */
export function hasClassTargets(samples: readonly Sample[]): boolean {
	const outputs = samples[0]?.t.length ?? 0;
	return samples.every(sample => sample.t.every(t => t === 0 || t === 1) && (outputs === 1 || sample.t.reduce((sum: number, t) => sum + t, 0) === 1));
}
