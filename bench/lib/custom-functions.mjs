// What the JavaScript-only custom-functions runtime offers a bundle: the global CustomFunctions
// with its Error class and codes, and associate(), through which the built bundle registers
// each function under its id (the metadata plugin appends those calls).
export function customFunctionsGlobal() {
  class CustomFunctionsError extends Error {
    constructor(code = "#VALUE!", message) {
      super(message);
      this.code = code;
    }
  }
  const registered = new Map();
  return {
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
    associate(id, fn) {
      if (typeof id === "string") registered.set(id.toUpperCase(), fn);
      else for (const [key, value] of Object.entries(id)) registered.set(key.toUpperCase(), value);
    },
    registered,
  };
}
