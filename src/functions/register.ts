/* Associates each HALO.* function id in functions.json with its implementation in the shared runtime. */
import { version } from "./functions";

export const customFunctions: Record<string, (...args: never[]) => unknown> = {
  VERSION: version,
};

if (typeof CustomFunctions !== "undefined") {
  for (const [id, implementation] of Object.entries(customFunctions)) {
    CustomFunctions.associate(id, implementation);
  }
}
