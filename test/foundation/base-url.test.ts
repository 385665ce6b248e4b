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
