// The MINERDEBT custom functions bundle's entry. The functions live by meaning in
// ./data-functions, ./cycle-functions, ./outstanding-functions, ./conversion-functions and ./valuation-functions
// (config/functions-sources.js lists them for custom-functions-metadata, which reads only
// top-level `function` declarations and appends each file's CustomFunctions.associate calls
// to that file). Parameters are typed `any` on purpose: Excel then hands over what the user
// typed, and ./arguments turns text, booleans, dates and 1×1 ranges into typed values with
// messages naming the argument.
//
// The data files first (webpack lays modules out in import order), so the bundle holds
// the data blobs side by side and the code after them, together: deflate's 32 KB window and
// per-block Huffman codes then do far better than with code between them (1.5 KB gzip less).
// The source URLs are not in the bundle: ./source-links fetches them on first use.
import "../data/generated/events.json";
import "../data/generated/core.json";

export * from "./data-functions";
export * from "./cycle-functions";
export * from "./outstanding-functions";
export * from "./conversion-functions";
export * from "./valuation-functions";
