// Reads the catalogue's example formulas ('=MINERDEBT.DEAL("ID", "amount_usd", TRUE, , 12.5)')
// into a function id and the arguments Excel would pass: text, numbers, booleans, null for an
// empty argument. Literal arguments only, which is all the examples use.
export interface ParsedFormula {
  id: string;
  args: (string | number | boolean | null)[];
}

export function parseFormula(formula: string): ParsedFormula {
  const match = /^=MINERDEBT\.([A-Z][A-Z0-9]*)\((.*)\)$/.exec(formula.trim());
  if (!match) throw new Error(`not a MINERDEBT formula: ${formula}`);
  const [, id, body] = match;
  const args: ParsedFormula["args"] = [];
  let i = 0;
  const skipSpaces = () => {
    while (body[i] === " ") i++;
  };
  if (body.trim() === "") return { id, args };
  for (;;) {
    skipSpaces();
    if (body[i] === '"') {
      let text = "";
      i++;
      for (;;) {
        if (i >= body.length) throw new Error(`unterminated text in ${formula}`);
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += body[i++];
      }
      args.push(text);
    } else {
      let token = "";
      while (i < body.length && body[i] !== ",") token += body[i++];
      token = token.trim();
      if (token === "") args.push(null);
      else if (/^(TRUE|FALSE)$/i.test(token)) args.push(token.toUpperCase() === "TRUE");
      else if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(token)) args.push(Number(token));
      else throw new Error(`unsupported argument ${token} in ${formula}`);
    }
    skipSpaces();
    if (i >= body.length) break;
    if (body[i] !== ",") throw new Error(`expected "," at ${i} in ${formula}`);
    i++;
  }
  return { id, args };
}
