/** @jest-environment jsdom */
// Build smoke test: the production webpack build (with a non-default base URL) emits every file the
// manifest needs, the functions bundle carries no React/Fluent, and the manifest uses the base URL.
import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";
import { builtDist, TEST_BASE_URL } from "../support/built-dist";
import { checkOfficeAppOrder } from "../support/manifest-order";

jest.setTimeout(10 * 60 * 1000);

let dist = "";
beforeAll(() => {
  dist = builtDist();
});

const read = (file: string) => readFileSync(path.join(dist, file), "utf8");

describe("production build", () => {
  it("emits the add-in's files", () => {
    for (const file of [
      "manifest.xml",
      "functions.json",
      "functions.js",
      "functions.html",
      "taskpane.html",
      "taskpane.js",
      "commands.html",
      "commands.js",
      "support.html",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ]) {
      expect(existsSync(path.join(dist, file)) ? file : `missing ${file}`).toBe(file);
    }
  });

  it("ships no source maps", () => {
    const all = readdirSync(dist, { recursive: true }) as string[];
    expect(all.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(read("functions.js")).not.toMatch(/sourceMappingURL/);
  });

  it("lists VERSION with its description in functions.json", () => {
    const metadata = JSON.parse(read("functions.json"));
    const fn = metadata.functions.find((f: { id: string }) => f.id === "VERSION");
    expect(fn).toBeDefined();
    expect(fn.description).toMatch(/financings through/);
  });

  it("keeps React and Fluent out of the functions bundle", () => {
    const js = read("functions.js");
    // Markers that survive minification: React's internals and element symbols, Fluent's/Griffel's names.
    for (const marker of ["react.element", "__SECRET_INTERNALS", "react.transitional.element", "fluentui", "griffel", "createRoot"]) {
      expect(js.includes(marker) ? marker : "absent").toBe("absent");
    }
    expect(js).toMatch(/CustomFunctions\.associate\(\s*"VERSION"/);
  });

  it("loads functions.js (and only office.js besides) from functions.html", () => {
    const html = read("functions.html");
    const scripts = Array.from(html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)).map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", expect.stringMatching(/functions\.js$/)]);
  });

  it("points every manifest URL at the configured base URL", () => {
    const xml = read("manifest.xml");
    expect(xml).not.toMatch(/localhost/);
    const urls = Array.from(xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)).map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(TEST_BASE_URL) ? "ok" : url).toBe("ok");
    expect(xml).toContain(`<AppDomain>${new URL(TEST_BASE_URL).origin}</AppDomain>`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${TEST_BASE_URL}support.html"/>`);
    // The URLs must name files the build emitted.
    for (const url of urls) {
      const file = url.slice(TEST_BASE_URL.length).replace(/#.*$/, "");
      expect(existsSync(path.join(dist, file)) ? file : `missing ${file}`).toBe(file);
    }
  });

  it("writes a manifest that keeps the schema's element order and version format", () => {
    const doc = new DOMParser().parseFromString(read("manifest.xml"), "application/xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(checkOfficeAppOrder(doc)).toEqual([]);
  });

  it("ships a support page without scripts or outside requests", () => {
    const html = read("support.html");
    expect(html).toMatch(/<title>MinerDebt: help and support<\/title>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
  });
});
