import { execFileSync } from 'node:child_process';

/** Build the CLI bundle once before the tests that run `bin/survey-analyze.js`. */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
