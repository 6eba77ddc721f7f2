/** Numbers, spreads, tables and goals for the bench's report. */

export const count = (n: number) => Math.round(n).toLocaleString('en-US');

export const decimal = (n: number, digits: number) => n.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});

export const milliseconds = (n: number) => `${decimal(n, n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;

export const megabytes = (bytes: number) => `${decimal(bytes / 1_048_576, 1)} MB`;

/** `+0.6 MB`, `-1.2 MB`. */
export const megabytesChange = (bytes: number) => {
	const rounded = Math.round(bytes / 104_857.6) / 10;
	return `${rounded < 0 ? '' : '+'}${decimal(rounded === 0 ? 0 : rounded, 1)} MB`;
};

/** Three significant digits below 10 (0.699x, not 0.70x, next to a goal of 0.7x). */
export const ratio = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toPrecision(3) : decimal(n, n < 100 ? 1 : 0)}x` : 'n/a');

export const seconds = (ms: number) => `${decimal(ms / 1000, ms < 10_000 ? 2 : 1)} s`;

export function median(values: readonly number[]): number {
	if (values.length === 0) {
		return Number.NaN;
	}

	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The smallest, the median and the largest of some measurements. */
export type Spread = {readonly min: number; readonly median: number; readonly max: number; readonly n: number};

export function spreadOf(values: readonly number[]): Spread {
	return {min: Math.min(...values), median: median(values), max: Math.max(...values), n: values.length};
}

/** `12.3 ms [11.0 … 15.2]`, with the given format. */
export function spreadText(spread: Spread, format: (n: number) => string): string {
	if (spread.n === 0) {
		return 'n/a';
	}

	return spread.n === 1 ? format(spread.median) : `${format(spread.median)} [${format(spread.min)} … ${format(spread.max)}]`;
}

/** Ratios of paired measurements (a[k] / b[k], taken in the same round): their spread. */
export function pairedRatios(a: readonly number[], b: readonly number[]): Spread {
	const n = Math.min(a.length, b.length);
	return spreadOf(Array.from({length: n}, (_, k) => a[k]! / b[k]!));
}

/** Columns padded to their widest cell; `align` has one 'l' or 'r' per column. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: string): string {
	const widths = header.map((title, c) => Math.max(title.length, ...rows.map(row => (row[c] ?? '').length)));
	const line = (cells: readonly string[]) =>
		'  ' +
		widths
			.map((width, c) => {
				const cell = cells[c] ?? '';
				return align[c] === 'r' ? cell.padStart(width) : cell.padEnd(width);
			})
			.join('  ')
			.trimEnd();
	const rule = '  ' + widths.map(width => '-'.repeat(width)).join('  ');
	return [line(header), rule, ...rows.map(row => line(row))].join('\n');
}

export function heading(title: string): string {
	return `\n${title}\n${'='.repeat(title.length)}`;
}

/** A goal's outcome: met or not, with the figures that decided it; or why it could not be measured. */
export type GoalResult = {readonly met: boolean; readonly text: string} | {readonly met: undefined; readonly text: string};

export function goalLine(name: string, result: GoalResult | undefined, fallback: string): string {
	if (!result) {
		return `NOT MET  ${name}: not measured (${fallback})`;
	}

	const mark = result.met === undefined ? 'NOT MET' : result.met ? 'met    ' : 'NOT MET';
	return `${mark.padEnd(7)}  ${name}: ${result.met === undefined ? `not measured (${result.text})` : result.text}`;
}

/** What a part is given: where to print, and where its goals go. Printing stops once the part is abandoned. */
export type PartContext = {
	readonly print: (text?: string) => void;
	readonly goal: (name: string, result: GoalResult) => void;
	/** The built tree the bench runs the program from. */
	readonly tree: BenchTree;
	readonly signal: AbortSignal;
};

/** A copy of the built program: others rebuild dist/ on this machine while the bench runs. */
export type BenchTree = {
	readonly root: string;
	readonly cli: string;
	readonly bench: string;
};
