import type {Options} from '../cli/options.js';

// placeholder until the dashboard lands (issue 3)
export async function runDashboard(_options: Options): Promise<number> {
	return 0;
}
