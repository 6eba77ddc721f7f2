/** Number formatting and plain-text tables for the bench report. */

export const count = (n: number) => Math.round(n).toLocaleString('en-US');

export const decimal = (n: number, digits: number) => n.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});

export const milliseconds = (n: number) => `${decimal(n, n < 100 ? 1 : 0)} ms`;

export const megabytes = (bytes: number) => `${decimal(bytes / 1_048_576, 1)} MB`;

/** `+0.6 MB`, `-1.2 MB`; a change that rounds to zero is `+0.0 MB`. */
export const megabytesChange = (bytes: number) => {
	const rounded = Math.round(bytes / 104_857.6) / 10;
	return `${rounded < 0 ? '' : '+'}${decimal(rounded === 0 ? 0 : rounded, 1)} MB`;
};

export const ratio = (n: number) => `${n < 0.1 ? n.toPrecision(2) : decimal(n, n < 10 ? 2 : n < 100 ? 1 : 0)}x`;

export const seconds = (ms: number) => `${decimal(ms / 1000, 2)} s`;

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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
