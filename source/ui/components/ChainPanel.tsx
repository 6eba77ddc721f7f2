import {Box, Text} from 'ink';
import type {Chain} from '../../core/chain.js';
import {fit, formatNumber} from '../format.js';

export type ChainPanelProps = {
	/** Undefined before the first iteration: the factors come from one. */
	readonly chain: Chain | undefined;
	/** The finite-difference gradient of this weight, when a gradient check has run. */
	readonly numeric?: {readonly gradient: number; readonly relativeDifference: number};
	readonly width: number;
	/** Lines available. */
	readonly height: number;
};

/**
 * The selected weight's gradient as the tutorial writes it: each derivative of the chain
 * from the error down to the weight, named and valued, then their product.
 */
export function ChainPanel({chain, numeric, width, height}: ChainPanelProps) {
	if (!chain) {
		return <Text dimColor>step once (s) to see it: the factors come from an iteration.</Text>;
	}

	const first = chain.terms[0]!;
	const symbols = first.factors.map(f => f.symbol);
	const label = Math.max(...first.factors.map(f => `${f.symbol} = ${f.derivative}`.length));
	const several = chain.terms.length > 1;
	const lines: Array<{text: string; bold?: boolean; dim?: boolean}> = [];
	if (chain.form === 'backpropagated') {
		lines.push({text: `${first.factors[0]!.derivative} = Σ w · dError/dSOP over the next layer`, dim: true});
	}

	if (several) {
		lines.push({text: `sample 1 of ${chain.terms.length}:`, dim: true});
	}

	for (const factor of first.factors) {
		lines.push({text: `${`${factor.symbol} = ${factor.derivative}`.padEnd(label)} = ${formatNumber(factor.value)}`});
	}

	const product = symbols.join('·');
	if (several) {
		const each = chain.terms.map(term => formatNumber(term.product)).join(', ');
		lines.push({text: `${product} per sample: ${each}`, dim: true});
		lines.push({text: `gradient = mean over ${chain.terms.length} samples = ${formatNumber(chain.gradient)}`, bold: true});
	} else {
		lines.push({text: `gradient = ${product} = ${formatNumber(chain.gradient)}`, bold: true});
	}

	if (numeric) {
		lines.push(
			{text: `finite differences  = ${formatNumber(numeric.gradient, 6)}`, dim: true},
			{text: `relative difference = ${numeric.relativeDifference.toExponential(1)}`, dim: true},
		);
	}

	// keep the total in view when the chain is longer than the panel
	const shown = lines.length > height ? [...lines.slice(0, height - 2), {text: `… ${lines.length - height + 1} more`, dim: true}, lines.at(-1)!] : lines;
	return (
		<Box flexDirection="column">
			{shown.map((line, k) => (
				<Text key={k} bold={line.bold} dimColor={line.dim} wrap="truncate-end">
					{fit(line.text, width)}
				</Text>
			))}
		</Box>
	);
}
