// A TypeScript "after" transformer for the ES2016 functions bundle: it shortens two forms
// TypeScript writes when it lowers newer syntax, which terser keeps as they are.
// - `a ?? b` / `a?.b` become `(_a = a) !== null && _a !== void 0 ? _a : b` and
//   `(_a = a) === null || _a === void 0 ? void 0 : _a.b`. Loose equality with null means
//   exactly "null or undefined" (document.all aside, which the custom functions runtime does
//   not have), so `(_a = a) != null` / `== null` is the same test.
// - `{ ...a, b }` becomes `Object.assign(Object.assign({}, a), { b })`, the same as
//   `Object.assign({}, a, { b })`.
// Nothing else is touched.
const ts = require("typescript");

/** `X !== null` (or `null !== X`) → X; same for the operator given. */
function comparedWith(node, operator, isLiteral) {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== operator) return null;
  if (isLiteral(node.right)) return node.left;
  if (isLiteral(node.left)) return node.right;
  return null;
}

const isNull = (node) => node.kind === ts.SyntaxKind.NullKeyword;
const isVoidZero = (node) => ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression) && node.expression.text === "0";

/** The temporary (`_a`) that X is or assigns: `_a` or `(_a = …)`. */
function temporaryOf(node) {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(inner.left)) return inner.left.text;
  return null;
}

/** Object.assign(Object.assign(...inner), ...rest) → Object.assign(...inner, ...rest). */
function isObjectAssign(node) {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) && node.expression.expression.text === "Object" && node.expression.name.text === "assign";
}

function flattenAssign(node, factory) {
  if (!isObjectAssign(node) || node.arguments.length === 0 || !isObjectAssign(node.arguments[0])) return null;
  const [inner, ...rest] = node.arguments;
  return factory.updateCallExpression(node, node.expression, node.typeArguments, [...inner.arguments, ...rest]);
}

function rewrite(node, factory) {
  const flattened = flattenAssign(node, factory);
  if (flattened) return flattened;
  if (!ts.isBinaryExpression(node)) return null;
  const pairs = [
    // a !== null && a !== void 0  →  a != null
    [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken],
    // a === null || a === void 0  →  a == null
    [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken],
  ];
  for (const [joiner, strict, loose] of pairs) {
    if (node.operatorToken.kind !== joiner) continue;
    const tested = comparedWith(node.left, strict, isNull);
    const second = comparedWith(node.right, strict, isVoidZero);
    if (!tested || !second || !ts.isIdentifier(second)) continue;
    if (temporaryOf(tested) !== second.text) continue;
    return factory.createBinaryExpression(tested, loose, factory.createNull());
  }
  return null;
}

/** `a`, `a.b.c`, `a[0]`: re-reading it has no effect (the terser config already assumes pure getters). */
function isPureChain(node) {
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isElementAccessExpression(node)) {
    // a[0], a["key"]: a literal index re-reads the same element.
    return !node.questionDotToken && (ts.isNumericLiteral(node.argumentExpression) || ts.isStringLiteral(node.argumentExpression)) && isPureChain(node.expression);
  }
  return ts.isPropertyAccessExpression(node) && !node.questionDotToken && ts.isIdentifier(node.name) && isPureChain(node.expression);
}

/**
 * `(_a = a.b) != null ? _a : c` → `a.b != null ? a.b : c` (and the same for `== null` and for
 * `_a.d` in either branch): no temporary when the tested expression is a pure chain. Every use
 * of the temporary is the same node object (TypeScript reuses it); if any is not found, the
 * expression is left alone.
 */
function inlineTemporary(node, context) {
  if (!ts.isConditionalExpression(node) || !ts.isBinaryExpression(node.condition)) return null;
  const test = node.condition;
  const op = test.operatorToken.kind;
  if ((op !== ts.SyntaxKind.ExclamationEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) || !isNull(test.right)) return null;
  let assign = test.left;
  while (ts.isParenthesizedExpression(assign)) assign = assign.expression;
  if (!ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(assign.left)) return null;
  const temp = assign.left;
  const value = assign.right;
  if (!isPureChain(value)) return null;
  let replaced = 0;
  let leftover = false;
  const substitute = (child) => {
    if (child === temp) {
      replaced++;
      return value;
    }
    if (ts.isIdentifier(child) && ts.isGeneratedIdentifier && ts.isGeneratedIdentifier(child) && child !== temp && child.escapedText === temp.escapedText) leftover = true;
    return ts.visitEachChild(child, substitute, context);
  };
  const whenTrue = substitute(node.whenTrue);
  const whenFalse = substitute(node.whenFalse);
  if (replaced === 0 || leftover) return null;
  const f = context.factory;
  return f.updateConditionalExpression(node, f.createBinaryExpression(value, op, f.createNull()), node.questionToken, whenTrue, node.colonToken, whenFalse);
}

module.exports = function es2016Transformer() {
  return (context) => {
    // Children first, so nested forms (a?.b?.c, spreads of spreads) are shortened too.
    const visit = (node) => {
      const visited = ts.visitEachChild(node, visit, context);
      const shortened = rewrite(visited, context.factory) ?? visited;
      return inlineTemporary(shortened, context) ?? shortened;
    };
    return (sourceFile) => ts.visitNode(sourceFile, visit);
  };
};
