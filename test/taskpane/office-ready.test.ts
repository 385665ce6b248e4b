/**
 * office-ready.ts against a stand-in for office.js's Office.onReady: inside Excel the
 * handshake may finish after the pane's patience (office-js #3330); the pane must then still
 * learn that it is in Excel. Timers are Jest's fake ones, so nothing depends on real time.
 */
import { OFFICE_READY_PATIENCE_MS, officeReady, watchOfficeHost } from "../../src/taskpane/office-ready";

type Info = { host: string | null; platform: string | null };
const g = globalThis as unknown as { Office?: unknown };

function installOffice(): { resolve: (info: Info) => void } {
  let resolve!: (info: Info) => void;
  const ready = new Promise<Info>((r) => (resolve = r));
  g.Office = { onReady: () => ready, HostType: { Excel: "Excel" } };
  return { resolve };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  delete g.Office;
});

test("a handshake slower than the patience: first null (the pane renders), then Excel", async () => {
  const office = installOffice();
  const hosts: unknown[] = [];
  watchOfficeHost((host) => hosts.push(host));
  jest.advanceTimersByTime(OFFICE_READY_PATIENCE_MS);
  expect(hosts).toEqual([null]);
  office.resolve({ host: "Excel", platform: "OfficeOnline" });
  await Promise.resolve();
  await Promise.resolve();
  expect(hosts).toEqual([null, "Excel"]);
});

test("a quick handshake: Excel once, no null first", async () => {
  const office = installOffice();
  const hosts: unknown[] = [];
  watchOfficeHost((host) => hosts.push(host));
  office.resolve({ host: "Excel", platform: "PC" });
  await Promise.resolve();
  await Promise.resolve();
  jest.advanceTimersByTime(OFFICE_READY_PATIENCE_MS * 10);
  expect(hosts).toEqual(["Excel"]);
});

test("a plain browser (host null) and no office.js at all answer null without waiting", async () => {
  const office = installOffice();
  const first = officeReady();
  office.resolve({ host: null, platform: null });
  await expect(first).resolves.toBeNull();
  delete g.Office;
  const hosts: unknown[] = [];
  watchOfficeHost((host) => hosts.push(host));
  expect(hosts).toEqual([null]);
});
