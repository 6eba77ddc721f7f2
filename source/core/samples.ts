/** One training example: its inputs `x` and its target `t` (one value per output neuron). */
export type Sample = {
	readonly x: readonly number[];
	readonly t: readonly number[];
};
