// A tiny test harness for the end-to-end run: named tests run in order, each fails on a thrown
// error or on any console error / uncaught exception its page reported meanwhile.
import assert from "node:assert/strict";

export { assert };

const results = [];

/** Collects console errors and uncaught exceptions of a page (and its frames). */
export function watchPage(page, label) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${label} console error: ${message.text()} (${message.location().url ?? ""})`);
  });
  page.on("pageerror", (error) => problems.push(`${label} uncaught exception: ${error.message}`));
  page.on("crash", () => problems.push(`${label} crashed`));
  return problems;
}

/**
 * Runs one test. `problems` is the page's watch list: anything added while the test ran fails it.
 * Returns true when it passed.
 */
export async function test(name, problems, body, { timeoutMs = 60_000 } = {}) {
  const before = problems.length;
  const started = Date.now();
  let failure = null;
  let timer;
  try {
    await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
  // Let late console messages of this step arrive before judging it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const newProblems = problems.slice(before);
  if (!failure && newProblems.length > 0) failure = newProblems.join("\n    ");
  else if (failure && newProblems.length > 0) failure += `\n    ${newProblems.join("\n    ")}`;
  const ms = Date.now() - started;
  results.push({ name, ok: failure === null, failure, ms });
  console.log(`${failure === null ? "  ok  " : "  FAIL"} ${name} (${ms} ms)${failure ? `\n    ${failure}` : ""}`);
  return failure === null;
}

/** Records a failure that happened outside a test (a build, a server, the browser launch). */
export function fail(name, error) {
  const failure = error instanceof Error ? error.message : String(error);
  results.push({ name, ok: false, failure, ms: 0 });
  console.log(`  FAIL ${name}\n    ${failure}`);
}

export function summary() {
  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  return { passed, failed, results };
}
