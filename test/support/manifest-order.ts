/**
 * The order the add-in manifest schema requires for a TaskPaneApp's top-level elements
 * (learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering, taken from the XSD
 * sequence), and which of them it requires. Offline stand-in for the XSD check that
 * `npm run validate` (network) does; it covers only the elements this manifest can contain.
 */
const TASKPANE_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
  "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
  "DefaultSettings", "Permissions", "Dictionary", "VersionOverrides", "ExtendedOverrides",
];
const REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"];
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

/** Problems found (empty when the manifest follows the order). */
export function checkOfficeAppOrder(doc: Document): string[] {
  const problems: string[] = [];
  const children = Array.from(doc.documentElement.children).map((el) => el.localName);
  let last = -1;
  for (const name of children) {
    const index = TASKPANE_ORDER.indexOf(name);
    if (index < 0) problems.push(`unknown element <${name}>`);
    else if (index <= last) problems.push(`<${name}> is out of order (after <${TASKPANE_ORDER[last]}>)`);
    else last = index;
  }
  for (const name of REQUIRED) if (!children.includes(name)) problems.push(`missing <${name}>`);
  const version = doc.getElementsByTagName("Version")[0]?.textContent ?? "";
  if (!VERSION.test(version)) problems.push(`Version ${version} is not n.n.n.n`);
  return problems;
}
