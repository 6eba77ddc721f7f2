/**
 * `bench.js --measure NAME`: one in-process measurement in a process of its own, its
 * result as one JSON line on stdout. The bench's parts start these with a timeout.
 */
import path from 'node:path';
import process from 'node:process';
import {mapCost, snapshotSizes} from './session-probes.js';
import {raceSpeed, surfaceCost} from './surface-probes.js';
import {TRAINING_GROUPS} from './training.js';

export async function measureMain(name: string, benchSource: string): Promise<void> {
	const group = TRAINING_GROUPS[name];
	const probes: Record<string, () => Promise<unknown>> = {
		map: async () => Promise.resolve(mapCost()),
		snapshots: async () => snapshotSizes(),
		surface: async () => Promise.resolve(surfaceCost()),
		race: async () => raceSpeed(),
	};
	const measure = group ? async () => group(benchSource) : probes[name];
	if (!measure) {
		throw new Error(`no measurement called ${name}; there are ${[...Object.keys(TRAINING_GROUPS), ...Object.keys(probes)].join(', ')}`);
	}

	const result = await measure();
	process.stdout.write(JSON.stringify(result) + '\n');
}

/** bench/ of the tree this bundle was built from: dist/bench/bench.js → bench/. */
export const benchSourceOf = (bundleFolder: string) => path.join(bundleFolder, '..', '..', 'bench');
