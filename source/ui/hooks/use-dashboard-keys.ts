import {useApp, useInput, type Key} from 'ink';
import type {Trainer} from '../../core/trainer.js';

/** The speeds `+` and `-` step through, in iterations per second: roughly ×10 apart. */
export const SPEED_LEVELS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, Number.POSITIVE_INFINITY];

export function nextSpeed(speed: number, direction: 1 | -1): number {
	if (direction === 1) {
		return SPEED_LEVELS.find(level => level > speed) ?? Number.POSITIVE_INFINITY;
	}

	return SPEED_LEVELS.findLast(level => level < speed) ?? SPEED_LEVELS[0]!;
}

/** What the keys do besides driving the trainer: the dashboard's own state. */
export type DashboardActions = {
	readonly select: (delta: number) => void;
	readonly scrollSamples: (delta: number) => void;
	readonly toggleLogScale: () => void;
	readonly toggleChart: () => void;
	readonly toggleHelp: () => void;
	readonly toggleDiagram: () => void;
	readonly isHelpOpen: () => boolean;
	/** Keeps this run's error curve for comparison, just before a reset. */
	readonly rememberRun: () => void;
	readonly clearComparison: () => void;
	readonly gradientCheck: () => void;
	readonly exportHistory: () => void;
	readonly saveCheckpoint: () => void;
	readonly say: (message: string) => void;
};

/** Every key of the dashboard; the Keys line and the help overlay list them. */
export function useDashboardKeys(trainer: Trainer, actions: DashboardActions, isActive = true): void {
	const {exit} = useApp();
	useInput(
		(input, key) => {
			// keys typed fast, held down or pasted arrive together: each character is a key
			if (input.length > 1 && !key.ctrl && !key.meta) {
				for (const character of input) {
					handle(character, key);
				}

				return;
			}

			handle(input, key);
		},
		{isActive},
	);

	function handle(input: string, key: Key): void {
		if ((key.ctrl && input === 'c') || input === 'q') {
			exit();
			return;
		}

		if (key.escape) {
			if (actions.isHelpOpen()) {
				actions.toggleHelp();
			} else {
				exit();
			}

			return;
		}

		if (key.upArrow || input === 'k') {
			actions.select(-1);
		} else if (key.downArrow || input === 'j') {
			actions.select(1);
		} else if (key.pageUp) {
			actions.scrollSamples(-1);
		} else if (key.pageDown) {
			actions.scrollSamples(1);
		} else if (key.rightArrow) {
			trainer.step(1);
		}

		switch (input) {
			case ' ': {
				if (trainer.finished) {
					actions.say(`${trainer.state}: press r to reset and train again`);
				}

				trainer.toggle();
				break;
			}

			case 's': {
				trainer.step(1);
				break;
			}

			case 'n': {
				trainer.step(100);
				break;
			}

			case 'r': {
				actions.rememberRun();
				trainer.reset();
				break;
			}

			case 'R': {
				actions.rememberRun();
				trainer.reset('new');
				break;
			}

			case '+':
			case '=': {
				trainer.setSpeed(nextSpeed(trainer.speed, 1));
				break;
			}

			case '-':
			case '_': {
				trainer.setSpeed(nextSpeed(trainer.speed, -1));
				break;
			}

			case '[': {
				trainer.setLearningRate(trainer.learningRate / 2);
				break;
			}

			case ']': {
				trainer.setLearningRate(trainer.learningRate * 2);
				break;
			}

			case 'l': {
				actions.toggleLogScale();
				break;
			}

			case 'c': {
				actions.toggleChart();
				break;
			}

			case 'd': {
				actions.toggleDiagram();
				break;
			}

			case 'g': {
				actions.gradientCheck();
				break;
			}

			case 'x': {
				actions.clearComparison();
				break;
			}

			case 'e': {
				actions.exportHistory();
				break;
			}

			case 'w': {
				actions.saveCheckpoint();
				break;
			}

			case '?': {
				actions.toggleHelp();
				break;
			}

			default:
		}
	}
}
