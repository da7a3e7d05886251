/**
 * Sync soak: the fault simulation (src/lib/testing/sync-simulation.ts) over many generated
 * programs — 3–5 devices, random user operations, lost requests and answers, late writes,
 * throttling, expired tokens, index lag, a re-created table. Every case must converge, lose
 * no write, resurrect nothing and go quiet.
 *
 * SOAK_CASES (default 20,000) and SOAK_SEED (default: a new one each run, printed) steer it;
 * a failure prints its seed and path, which replay it exactly: `SOAK_SEED=<seed>` here,
 * `SIM_SEED=<seed> SIM_RUNS=<path + 1>` in the unit test, or `fc.check(..., { seed, path })`.
 */
import fc from 'fast-check';
import { programs, simulate, type Program } from '../src/lib/testing/sync-simulation';
import type { Row } from './foundation';

const DEFAULT_CASES = 20_000;

interface Failure {
	/** The run's index: replaying `{ seed, path: String(index) }` runs this very case. */
	index: number;
	program: Program;
	violations: string[];
}

export async function soakBench(): Promise<Row[]> {
	const cases = Number(process.env.SOAK_CASES ?? DEFAULT_CASES);
	const seed = process.env.SOAK_SEED
		? Number(process.env.SOAK_SEED)
		: Math.floor(Math.random() * 2 ** 31);
	console.log(`soak: ${cases} cases, seed ${seed}`);
	let ran = 0;
	let faults = 0;
	let requests = 0;
	const failures: Failure[] = [];
	const started = performance.now();
	// Every case runs (a failure does not stop the soak), so `failures` is a true count.
	await fc.check(
		fc.asyncProperty(programs, async (program) => {
			const index = ran++;
			try {
				const result = await simulate(program);
				faults += result.faults;
				requests += result.requests;
				if (result.violations.length)
					failures.push({ index, program, violations: result.violations });
			} catch (error) {
				failures.push({ index, program, violations: [`threw: ${String(error)}`] });
			}
			return true;
		}),
		{ numRuns: cases, seed }
	);
	const ms = performance.now() - started;

	const first = failures[0];
	if (first) {
		console.log(
			`soak: ${failures.length} failing cases; first: seed ${seed}, path ${first.index}`,
			`\n  violations: ${first.violations.slice(0, 10).join('; ')}`,
			`\n  program: ${JSON.stringify(first.program)}`
		);
		const shrunk = await shrink(seed, first.index);
		if (shrunk) {
			console.log(
				`soak: shrunk counterexample (seed ${seed}, path ${shrunk.path}):`,
				`\n  violations: ${shrunk.violations.slice(0, 10).join('; ')}`,
				`\n  program: ${JSON.stringify(shrunk.program)}`
			);
		}
	}
	console.log(`soak: ${ran} cases in ${(ms / 1000).toFixed(1)} s, ${failures.length} failing`);
	return [
		{ metric: 'soak: seed', value: seed, unit: '' },
		{ metric: 'soak: cases', value: ran, unit: 'cases', target: `${cases}` },
		{ metric: 'soak: faults injected', value: faults, unit: 'faults' },
		{ metric: 'soak: requests', value: requests, unit: 'requests' },
		{ metric: 'soak: failing cases', value: failures.length, unit: 'cases', target: '0' },
		...(first ? [{ metric: 'soak: first failing path', value: first.index, unit: '' }] : []),
		{ metric: 'soak: duration', value: ms / 1000, unit: 's' }
	];
}

/** Replays the failing case and lets fast-check shrink it to a smaller counterexample. */
async function shrink(seed: number, index: number) {
	let violations: string[] = [];
	const details = await fc.check(
		fc.asyncProperty(programs, async (program) => {
			try {
				violations = (await simulate(program)).violations;
			} catch (error) {
				violations = [`threw: ${String(error)}`];
			}
			return violations.length === 0;
		}),
		{ seed, path: String(index), numRuns: 1 }
	);
	if (!details.failed || !details.counterexample) return null;
	const [program] = details.counterexample;
	// The last run was not necessarily the counterexample: run it once more for its violations.
	try {
		violations = (await simulate(program)).violations;
	} catch (error) {
		violations = [`threw: ${String(error)}`];
	}
	return { path: details.counterexamplePath ?? String(index), program, violations };
}
