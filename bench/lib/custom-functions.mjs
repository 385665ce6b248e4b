import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// What the JavaScript-only custom-functions runtime offers a bundle: the global CustomFunctions
// with its Error class and codes, and associate(), through which the built bundle registers
// each function under its id (the metadata plugin appends those calls).
export function customFunctionsGlobal() {
  class CustomFunctionsError extends Error {
    constructor(code = "#VALUE!", message) {
      super(message);
      this.code = code;
    }
  }
  const registered = new Map();
  return {
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
    associate(id, fn) {
      if (typeof id === "string") registered.set(id.toUpperCase(), fn);
      else for (const [key, value] of Object.entries(id)) registered.set(key.toUpperCase(), value);
    },
    registered,
  };
}

/**
 * The add-in's host as the bundle's `fetch` sees it (functions.js fetches its source links on
 * first use, src/functions/source-links.ts): the files of `dir` by name, whatever host the build
 * baked in, so the bench needs no server and never reaches the network.
 */
export function addinHostFetch(dir) {
  return async (url) => {
    const file = path.join(dir, path.basename(new URL(String(url)).pathname));
    const found = existsSync(file);
    return { ok: found, status: found ? 200 : 404, text: async () => (found ? readFileSync(file, "utf8") : "") };
  };
}

/** Have the bundle fetch its source links now, so the figures measure calls as in a workbook that has asked for one. */
export async function loadSourceLinks(registered) {
  const [[firstId]] = registered.get("OFFERINGS")(null, null, null, null, "id", false);
  await registered.get("SOURCE")(firstId);
}
