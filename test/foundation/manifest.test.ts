/** @jest-environment jsdom */
// Offline manifest check (office-addin-manifest validate needs the network; `npm run validate` keeps it).
import { existsSync, readFileSync } from "fs";
import path from "path";
import { REQUIRED_EXCEL_API } from "../../src/taskpane/excel/requirements";
import { checkOfficeAppOrder } from "../support/manifest-order";

const ROOT = path.resolve(__dirname, "..", "..");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed: ${error.textContent}`);
  return doc;
}

const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = parse(xml);
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));

/** Every resource id (bt:Image, bt:Url, bt:String) → its DefaultValue. */
function resources(): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of ["Image", "Url", "String"]) {
    for (const el of Array.from(doc.getElementsByTagNameNS(BT, tag))) {
      const id = el.getAttribute("id");
      if (id) {
        expect(map.has(id)).toBe(false);
        map.set(id, el.getAttribute("DefaultValue") ?? "");
      }
    }
  }
  return map;
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel with a GUID id", () => {
    const root = doc.documentElement;
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(all("Id")[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(all("Version")[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttributeNS(XSI, "type"))).toEqual(["Workbook", "Workbook"]);
  });

  it("resolves every resid to a resource", () => {
    const ids = resources();
    const referenced = Array.from(doc.querySelectorAll("[resid]")).map((el) => el.getAttribute("resid") as string);
    expect(referenced.length).toBeGreaterThan(10);
    for (const resid of referenced) expect(ids.has(resid) ? resid : `missing: ${resid}`).toBe(resid);
  });

  it("puts every URL on one https origin", () => {
    const urls = [
      ...Array.from(doc.querySelectorAll("[DefaultValue]"))
        .map((el) => el.getAttribute("DefaultValue") as string)
        .filter((v) => /^[a-z]+:\/\//i.test(v)),
      ...all("AppDomain").map((el) => el.textContent as string),
    ];
    expect(urls.length).toBeGreaterThan(8);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
    for (const u of urls) expect(new URL(u).protocol).toBe("https:");
  });

  it("declares the MINERDEBT namespace with a JavaScript-only runtime", () => {
    const ids = resources();
    const ns = doc.querySelector("Namespace")?.getAttribute("resid") as string;
    expect(ids.get(ns)).toBe("MINERDEBT");
    const point = Array.from(doc.getElementsByTagName("ExtensionPoint")).find(
      (el) => el.getAttributeNS(XSI, "type") === "CustomFunctions",
    );
    expect(point).toBeDefined();
    for (const part of ["Script", "Page", "Metadata"]) {
      const resid = point?.getElementsByTagName(part)[0]?.getElementsByTagName("SourceLocation")[0]?.getAttribute("resid");
      expect(resid && ids.get(resid)).toMatch(/^https:\/\/localhost:3000\/functions\.(js|html|json)$/);
    }
    // A shared runtime would need a Runtimes element and the SharedRuntime requirement set.
    expect(all("Runtimes")).toHaveLength(0);
    expect(all("Set").map((s) => s.getAttribute("Name"))).not.toContain("SharedRuntime");
  });

  it("declares requirement sets and minimal permissions", () => {
    const sets = Object.fromEntries(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect(sets.CustomFunctionsRuntime).toBe("1.2");
    // The set the adapter cannot do without (Range.getTables); newer APIs are checked at run time.
    expect(sets.ExcelApi).toBe(REQUIRED_EXCEL_API);
    expect(all("Permissions")[0].textContent).toBe("ReadWriteDocument");
  });

  it("is ready for distribution: version 1.0.0.0, a real support page, elements in the schema's order", () => {
    expect(all("Version")[0].textContent).toBe("1.0.0.0");
    const support = new URL(all("SupportUrl")[0].getAttribute("DefaultValue") as string);
    expect(support.pathname).toBe("/support.html");
    expect(support.hash).toBe("");
    expect(existsSync(path.join(ROOT, "src/support/support.html"))).toBe(true);
    expect(resources().get("GetStarted.LearnMoreUrl")).toBe(support.href);
    expect(checkOfficeAppOrder(doc)).toEqual([]);
  });

  it("has a ShowTaskpane button on the Home tab", () => {
    const tab = doc.querySelector("OfficeTab");
    expect(tab?.getAttribute("id")).toBe("TabHome");
    const action = Array.from(doc.getElementsByTagName("Action")).find((a) => a.getAttributeNS(XSI, "type") === "ShowTaskpane");
    expect(action).toBeDefined();
  });

  it("references icons that exist as PNGs of the stated size", () => {
    const ids = resources();
    const iconUrls = [
      ...Array.from(doc.getElementsByTagNameNS(BT, "Image"))
        .filter((el) => el.hasAttribute("DefaultValue"))
        .map((el) => el.getAttribute("DefaultValue") as string),
      all("IconUrl")[0].getAttribute("DefaultValue") as string,
      all("HighResolutionIconUrl")[0].getAttribute("DefaultValue") as string,
    ];
    expect(ids.size).toBeGreaterThan(0);
    for (const url of iconUrls) {
      const file = path.join(ROOT, new URL(url).pathname);
      expect(existsSync(file) ? url : `missing file for ${url}`).toBe(url);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const width = png.readUInt32BE(16);
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(width).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});
