/* Associates each HALO.* function id in functions.json with its implementation in the shared runtime. */
import { array, id, json, payload, validate, version } from "./functions";

export const customFunctions: Record<string, (...args: never[]) => unknown> = {
  VERSION: version,
  PAYLOAD: payload,
  JSON: json,
  ARRAY: array,
  VALIDATE: validate,
  ID: id,
};

if (typeof CustomFunctions !== "undefined") {
  for (const [functionId, implementation] of Object.entries(customFunctions)) {
    CustomFunctions.associate(functionId, implementation);
  }
}
