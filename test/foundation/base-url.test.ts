// The production base URL is a build setting; a bad one must stop the build, not ship a broken manifest.
import { readFileSync } from "fs";
import path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resolveBaseUrl, rewriteManifest, DEV_BASE_URL } = require("../../config/base-url");

describe("base URL setting", () => {
  it("defaults to the dev server", () => {
    expect(resolveBaseUrl("production", {})).toBe("https://localhost:3000/");
    expect(DEV_BASE_URL).toBe("https://localhost:3000/");
  });

  it("follows MINERDEBT_PORT for the dev server, so a manifest served on another port points at it", () => {
    const baseUrl = resolveBaseUrl("development", { MINERDEBT_PORT: "3107" });
    expect(baseUrl).toBe("https://localhost:3107/");
    const xml = readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
    const out: string = rewriteManifest(xml, baseUrl);
    expect(out).not.toContain("localhost:3000");
    expect(out).toContain('DefaultValue="https://localhost:3107/taskpane.html"');
    expect(out).toContain("<AppDomain>https://localhost:3107</AppDomain>");
    // A production URL wins over the port.
    expect(resolveBaseUrl("production", { MINERDEBT_PORT: "3107", MINERDEBT_BASE_URL: "https://cdn.example.org/" })).toBe("https://cdn.example.org/");
  });

  it.each(["0", "70000", "30a", "-1"])("rejects MINERDEBT_PORT=%s", (port) => {
    expect(() => resolveBaseUrl("development", { MINERDEBT_PORT: port })).toThrow(/MINERDEBT_PORT must be a port number/);
  });

  it("normalises a configured https URL with a trailing slash", () => {
    expect(resolveBaseUrl("production", { MINERDEBT_BASE_URL: "https://cdn.example.org/minerdebt" })).toBe(
      "https://cdn.example.org/minerdebt/",
    );
  });

  it.each([
    ["http://cdn.example.org/", /must be https/],
    ["not a url", /not a URL/],
    ["https://cdn.example.org/?v=1", /query or fragment/],
  ])("rejects %s", (value, message) => {
    expect(() => resolveBaseUrl("production", { MINERDEBT_BASE_URL: value })).toThrow(message);
  });

  it("rewrites every manifest URL and the app domain", () => {
    const xml = readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
    const out: string = rewriteManifest(xml, "https://cdn.example.org/md/");
    expect(out).not.toContain("localhost");
    expect(out).toContain('DefaultValue="https://cdn.example.org/md/functions.json"');
    expect(out).toContain("<AppDomain>https://cdn.example.org</AppDomain>");
  });
});
