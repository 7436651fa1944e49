import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real CLI entry point on a command string inside `cwd`, capturing its output. */
export async function runCli(command: string, cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const argv = command.split(/\s+/).filter((word) => word !== '');
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'cadena-test-'));
}
