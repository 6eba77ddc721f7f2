/**
 * numpy's legacy generator, bit for bit: `numpy.random.seed(seed)` is MT19937's
 * `init_genrand(seed)` and every `numpy.random.rand()` value is `genrand_res53`.
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export const MAX_SEED = 0xffffffff;

export class NumpyRandom {
	private readonly state = new Uint32Array(N);
	private index = N + 1;

	constructor(seed: number) {
		if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
			throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}`);
		}

		this.initGenrand(seed);
	}

	/** A uniform float in [0, 1) with 53 random bits, as `numpy.random.rand()`. */
	rand(): number {
		const a = this.nextUint32() >>> 5;
		const b = this.nextUint32() >>> 6;
		return (a * 67_108_864 + b) / 9_007_199_254_740_992;
	}

	nextUint32(): number {
		if (this.index >= N) {
			this.twist();
		}

		let y = this.state[this.index++]!;
		y ^= y >>> 11;
		y ^= (y << 7) & 0x9d2c5680;
		y ^= (y << 15) & 0xefc60000;
		y ^= y >>> 18;
		return y >>> 0;
	}

	private initGenrand(seed: number): void {
		const mt = this.state;
		mt[0] = seed >>> 0;
		for (let i = 1; i < N; i++) {
			const previous = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
			// 1812433253 * previous + i, modulo 2^32 (Math.imul keeps the low 32 bits)
			mt[i] = (Math.imul(1_812_433_253, previous) + i) >>> 0;
		}

		this.index = N;
	}

	private twist(): void {
		const mt = this.state;
		for (let k = 0; k < N; k++) {
			const y = (mt[k]! & UPPER_MASK) | (mt[(k + 1) % N]! & LOWER_MASK);
			mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
		}

		this.index = 0;
	}
}

/** A seed for runs started without `--seed`; shown to the user so the run can be repeated. */
export function randomSeed(): number {
	return Math.floor(Math.random() * (MAX_SEED + 1));
}
