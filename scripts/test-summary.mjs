// Adds up vitest's and Playwright's JSON reports into the one line CI reads:
// "N passed, M failed". A missing report counts as a failure, so "no tests ran" cannot pass.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
	let report;
	try {
		report = JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		console.error(`No test report at ${file}`);
		failed += 1;
		continue;
	}
	if ('numPassedTests' in report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
	} else {
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
