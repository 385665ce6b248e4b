// Production build shared by the tests that inspect dist/ (build smoke test, built-bundle tests).
// Jest runs test files in parallel workers; the first worker to take the lock builds, the others wait.
// MINERDEBT_TEST_DIST=<dir> reuses an existing build instead.
// The folder is removed at the end of the run (test/support/global-teardown.js).
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";

export const TEST_BASE_URL = "https://addins.example.org/minerdebt/";
const ROOT = path.resolve(__dirname, "..", "..");
const WAIT_LIMIT_MS = 10 * 60 * 1000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function builtDist(): string {
  if (process.env.MINERDEBT_TEST_DIST) return path.resolve(process.env.MINERDEBT_TEST_DIST);
  // One build per jest run, in the folder jest's globalSetup named (and globalTeardown removes).
  const dir = process.env.MINERDEBT_TEST_BUILD_DIR ?? path.join(tmpdir(), `minerdebt-test-dist-${process.ppid}`);
  const doneMarker = path.join(dir, ".built");
  const failedMarker = `${dir}.failed`;
  if (existsSync(doneMarker)) return dir;
  try {
    mkdirSync(`${dir}.lock`);
  } catch {
    const started = Date.now();
    while (!existsSync(doneMarker)) {
      if (existsSync(failedMarker)) throw new Error("the shared production build failed (see the first failing test)");
      if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`timed out waiting for the build in ${dir}`);
      sleep(250);
    }
    return dir;
  }
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], {
      cwd: ROOT,
      env: { ...process.env, MINERDEBT_BASE_URL: TEST_BASE_URL, MINERDEBT_DIST_DIR: dir },
      stdio: "pipe",
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    writeFileSync(failedMarker, "");
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`production build failed:\n${e.stdout?.toString() ?? ""}\n${e.stderr?.toString() ?? ""}`);
  }
  writeFileSync(doneMarker, new Date().toISOString());
  return dir;
}
