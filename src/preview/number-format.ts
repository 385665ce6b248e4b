// Shows a cell value under an Excel number format code, for the subset the add-in writes and
// analysts commonly type: General; digits 0 # with thousands separators and trailing-comma scaling
// ($#,##0.0,,"m"); optional decimals (0.00##); percent; scientific; dates and times (1900 system);
// quoted and escaped literals; up to four ;-separated sections; @ for text. Colours ([Red]),
// padding (_x) and fill (*x) are accepted and ignored. A code outside that subset falls back to
// General rather than showing a wrong number.

const MS_PER_DAY = 86_400_000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's General format: up to 11 characters, switching to scientific notation when needed. */
export function formatGeneral(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const power = Number(exponent);
    return `${trimmed}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  }
  const integerDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - integerDigits - (value < 0 ? 1 : 0));
  const text = value.toFixed(Math.min(decimals, 20));
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * What Excel shows for a number in a column too narrow for it: General numbers lose decimals,
 * then switch to scientific notation with fewer digits; any other format (or no room at all) fills
 * the cell with "#". `fits` says whether a text fits the cell.
 */
export function fitNumber(value: number, code: string | undefined, formatted: string, fits: (text: string) => boolean): string {
  if (fits(formatted)) return formatted;
  const general = !code || /^general$/i.test(code.trim());
  if (general) {
    for (let digits = 10; digits >= 1; digits--) {
      const fixed = Number(value.toPrecision(digits));
      const candidates = [formatGeneral(fixed)];
      const [mantissa, exponent] = value.toExponential(Math.max(0, digits - 1)).split("e");
      const power = Number(exponent);
      candidates.push(`${mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`);
      for (const candidate of candidates) {
        // A shortened form must still be the same number to the digits it shows (never drop integer digits).
        if (!candidate.includes("E") && Math.abs(fixed - value) >= 0.5 && Math.abs(value) >= 1) continue;
        if (fits(candidate)) return candidate;
      }
    }
  }
  let hashes = "#";
  while (fits(hashes + "#") && hashes.length < 64) hashes += "#";
  return hashes;
}

/** A 1900-system serial as a UTC date (Excel counts the fictitious 1900-02-29 as day 60). */
export function serialToDate(serial: number): Date {
  const whole = Math.floor(serial);
  const fraction = serial - whole;
  const epoch = whole >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + whole * MS_PER_DAY + Math.round(fraction * MS_PER_DAY));
}

type Token =
  | { kind: "literal"; text: string }
  | { kind: "digits"; text: string }
  | { kind: "date"; text: string }
  | { kind: "ampm"; text: string }
  | { kind: "text" };

interface Section {
  tokens: Token[];
  condition?: { op: string; value: number };
}

function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted && i + 1 < code.length) {
      current += ch + code[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

function tokenize(section: string): Section {
  const tokens: Token[] = [];
  let condition: Section["condition"];
  const pushLiteral = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === "literal") last.text += text;
    else tokens.push({ kind: "literal", text });
  };
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      pushLiteral(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "\\") {
      pushLiteral(section[i + 1] ?? "");
      i += 2;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inside = section.slice(i + 1, end < 0 ? section.length : end);
      const match = /^(<=|>=|<>|<|>|=)(-?[\d.]+)$/.exec(inside);
      if (match) condition = { op: match[1], value: Number(match[2]) };
      else if (/^\$/.test(inside)) pushLiteral(inside.slice(1).split("-")[0]);
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "_") {
      pushLiteral(" ");
      i += 2;
    } else if (ch === "*") {
      i += 2;
    } else if (ch === "@") {
      tokens.push({ kind: "text" });
      i += 1;
    } else if (/^(AM\/PM|A\/P)/i.test(rest)) {
      const text = /^(AM\/PM|A\/P)/i.exec(rest)![0];
      tokens.push({ kind: "ampm", text });
      i += text.length;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: "date", text: section.slice(i, j).toLowerCase() });
      i = j;
    } else if (/[0#?.,%]/.test(ch) || (/[eE]/.test(ch) && /^[eE][+-]/.test(rest))) {
      // A run of number placeholders (and what belongs to them) is one token.
      let j = i;
      while (j < section.length) {
        const c = section[j];
        if (/[0#?.,%]/.test(c)) j++;
        else if (/[eE]/.test(c) && /[+-]/.test(section[j + 1] ?? "")) j += 2;
        else break;
      }
      const run = section.slice(i, j);
      // A comma or point with no placeholder ("mmm d, yyyy") is just text.
      if (/[0#?]/.test(run)) tokens.push({ kind: "digits", text: run });
      else pushLiteral(run);
      i = j;
    } else {
      pushLiteral(ch);
      i += 1;
    }
  }
  return { tokens, condition };
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** One run of number placeholders, e.g. "#,##0.00##", "0.0%", "0.00E+00". */
function formatDigits(value: number, pattern: string): string {
  let scaled = value;
  const percents = (pattern.match(/%/g) ?? []).length;
  scaled *= 100 ** percents;
  const exponentAt = pattern.search(/[eE][+-]/);
  const mantissaPattern = exponentAt >= 0 ? pattern.slice(0, exponentAt) : pattern;
  // Commas after the last placeholder (or just before the point) divide by 1,000 each; a comma
  // between placeholders turns on grouping.
  const bare = mantissaPattern.replace(/%/g, "");
  const trailingCommas = (/,+$/.exec(bare)?.[0].length ?? 0) + (/,+(?=\.)/.exec(bare)?.[0].length ?? 0);
  scaled /= 1000 ** trailingCommas;
  const [integerPart, decimalPart = ""] = bare.replace(/,+$/, "").replace(/,+(?=\.)/, "").split(".");
  const integerPlaceholders = integerPart;
  const grouping = integerPlaceholders.includes(",");
  const minInteger = (integerPlaceholders.match(/0/g) ?? []).length;
  const minDecimals = (decimalPart.match(/0/g) ?? []).length;
  const maxDecimals = (decimalPart.match(/[0#?]/g) ?? []).length;

  let exponentText = "";
  if (exponentAt >= 0) {
    const exponentPattern = pattern.slice(exponentAt + 2).replace(/%/g, "");
    const power = scaled === 0 ? 0 : Math.floor(Math.log10(Math.abs(scaled)));
    scaled = scaled / 10 ** power;
    const sign = power < 0 ? "-" : pattern[exponentAt + 1] === "+" ? "+" : "";
    exponentText = `E${sign}${String(Math.abs(power)).padStart((exponentPattern.match(/0/g) ?? []).length, "0")}`;
  }

  let text = Math.abs(scaled).toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    // Optional decimals (#): drop trailing zeros down to the required ones.
    const [whole, fraction] = text.split(".");
    let trimmed = fraction.replace(/0+$/, "");
    if (trimmed.length < minDecimals) trimmed = trimmed.padEnd(minDecimals, "0");
    text = trimmed.length > 0 ? `${whole}.${trimmed}` : whole;
  }
  let [whole, fraction] = text.split(".");
  if (whole === "0" && minInteger === 0) whole = "";
  whole = whole.padStart(minInteger, "0");
  if (grouping) whole = groupThousands(whole);
  const percentText = "%".repeat(percents);
  return `${whole}${fraction !== undefined ? `.${fraction}` : decimalPart.length > 0 && maxDecimals === 0 ? "." : ""}${exponentText}${percentText}`;
}

function formatDate(serial: number, tokens: Token[]): string {
  const date = serialToDate(serial);
  const hasAmPm = tokens.some((token) => token.kind === "ampm");
  const parts: string[] = [];
  tokens.forEach((token, index) => {
    if (token.kind === "literal") parts.push(token.text);
    else if (token.kind === "ampm") parts.push(date.getUTCHours() < 12 ? token.text.split("/")[0] : token.text.split("/")[1]);
    else if (token.kind === "date") {
      const t = token.text;
      const previous = tokens.slice(0, index).reverse().find((other) => other.kind === "date");
      const next = tokens.slice(index + 1).find((other) => other.kind === "date");
      const isMinute = t[0] === "m" && t.length <= 2 && ((previous?.kind === "date" && previous.text[0] === "h") || (next?.kind === "date" && next.text[0] === "s"));
      if (t[0] === "y") parts.push(t.length <= 2 ? String(date.getUTCFullYear() % 100).padStart(2, "0") : String(date.getUTCFullYear()));
      else if (isMinute) parts.push(String(date.getUTCMinutes()).padStart(t.length, "0"));
      else if (t[0] === "m") {
        const month = date.getUTCMonth();
        parts.push(t.length === 1 ? String(month + 1) : t.length === 2 ? String(month + 1).padStart(2, "0") : t.length === 3 ? MONTHS[month].slice(0, 3) : t.length === 5 ? MONTHS[month][0] : MONTHS[month]);
      } else if (t[0] === "d") {
        const day = date.getUTCDate();
        parts.push(t.length === 1 ? String(day) : t.length === 2 ? String(day).padStart(2, "0") : t.length === 3 ? DAYS[date.getUTCDay()].slice(0, 3) : DAYS[date.getUTCDay()]);
      } else if (t[0] === "h") {
        const hours = hasAmPm ? ((date.getUTCHours() + 11) % 12) + 1 : date.getUTCHours();
        parts.push(String(hours).padStart(t.length >= 2 ? 2 : 1, "0"));
      } else if (t[0] === "s") parts.push(String(date.getUTCSeconds()).padStart(t.length >= 2 ? 2 : 1, "0"));
    }
  });
  return parts.join("");
}

function pickSection(sections: Section[], value: number): { section: Section; negativeSign: boolean } {
  const conditional = sections.some((section) => section.condition);
  if (conditional) {
    for (const section of sections) {
      const c = section.condition;
      if (!c) return { section, negativeSign: value < 0 };
      const ok =
        (c.op === "<" && value < c.value) || (c.op === "<=" && value <= c.value) || (c.op === ">" && value > c.value) ||
        (c.op === ">=" && value >= c.value) || (c.op === "=" && value === c.value) || (c.op === "<>" && value !== c.value);
      if (ok) return { section, negativeSign: false };
    }
  }
  const numeric = sections.filter((section) => !section.tokens.some((token) => token.kind === "text"));
  if (value < 0 && numeric.length >= 2) return { section: numeric[1], negativeSign: false };
  if (value === 0 && numeric.length >= 3) return { section: numeric[2], negativeSign: false };
  return { section: numeric[0] ?? sections[0], negativeSign: value < 0 };
}

/** The text Excel would show for `value` under number format `code`. */
export function formatValue(value: number | string | boolean, code: string | undefined): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const format = code && code.trim() !== "" ? code : "General";
  const sections = splitSections(format).map(tokenize);
  if (typeof value === "string") {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((section) => section.tokens.some((token) => token.kind === "text"));
    if (!textSection) return value;
    return textSection.tokens.map((token) => (token.kind === "text" ? value : token.kind === "literal" ? token.text : "")).join("");
  }
  if (/^general$/i.test(format.trim())) return formatGeneral(value);
  const { section, negativeSign } = pickSection(sections, value);
  if (section.tokens.some((token) => token.kind === "text")) return formatGeneral(value);
  const isDate = section.tokens.some((token) => token.kind === "date" || token.kind === "ampm");
  if (isDate) {
    if (value < 0) return "#".repeat(8);
    return formatDate(value, section.tokens);
  }
  if (/^general$/i.test(section.tokens.map((token) => (token.kind === "literal" ? token.text : "")).join("").trim())) {
    return `${negativeSign ? "-" : ""}${formatGeneral(Math.abs(value))}`;
  }
  const digitTokens = section.tokens.filter((token) => token.kind === "digits");
  if (digitTokens.length === 0) return section.tokens.map((token) => (token.kind === "literal" ? token.text : "")).join("");
  let printedNumber = false;
  const body = section.tokens
    .map((token) => {
      if (token.kind === "literal") return token.text;
      if (token.kind === "digits" && !printedNumber) {
        printedNumber = true;
        return formatDigits(Math.abs(value), token.text);
      }
      return "";
    })
    .join("");
  // A negative number that rounds to zero shows without its sign, as in Excel.
  const roundsToZero = !/[1-9]/.test(body);
  return `${negativeSign && !roundsToZero ? "-" : ""}${body}`;
}

/** The format Excel applies on its own when a typed value carries one ("5%", "$5", "2025-03-31"). */
export function impliedFormat(detailedType: string | undefined, typedFormat: string | undefined): string | undefined {
  switch (detailedType) {
    case "NUMBER_PERCENT":
      return "0%";
    case "NUMBER_CURRENCY":
      return `${typedFormat ?? "$"}#,##0.00`;
    case "NUMBER_DATE":
      return "yyyy-mm-dd";
    case "NUMBER_DATETIME":
      return "yyyy-mm-dd hh:mm";
    case "NUMBER_TIME":
      return "hh:mm:ss";
    default:
      return undefined;
  }
}
