/** The built-in lessons, in the order --list gives them: Markdown files in the lesson format, bundled as text. */
import hiddenLayer from './hidden-layer.md';
import optimizers from './optimizers.md';
import tenInputs from './ten-inputs.md';
import tutorial from './tutorial.md';

export const BUILT_IN_LESSONS: ReadonlyArray<{readonly name: string; readonly source: string}> = [
	{name: 'tutorial', source: tutorial},
	{name: 'ten-inputs', source: tenInputs},
	{name: 'hidden-layer', source: hiddenLayer},
	{name: 'optimizers', source: optimizers},
];
