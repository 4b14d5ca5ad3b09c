/*
 * The request/proxy machinery of Office.js, with its rules: proxy objects are created locally, every
 * read of a scalar property needs load() + context.sync() first (PropertyNotLoaded otherwise), and
 * writes and method calls are queued and applied, in order, only on context.sync(). One sync is one
 * request: above 5 MB of payload it fails whole with RequestPayloadSizeLimitExceeded (as Excel on the
 * web does; the response is limited the same way).
 */
import { WorkbookError } from "../model/errors";
import type { Workbook } from "../model/workbook";
import { ErrorCodes, OfficeExtensionError, invalidArgument, propertyNotLoaded } from "./errors";
import { recordSync } from "./syncLog";

/** Excel's request and response payload limit. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one queued action costs in the request before its values (ids, method names, paths). */
const ACTION_OVERHEAD_BYTES = 64;

interface Action {
  /** Applies the action; returns the bytes it adds to the response (loaded values). */
  run(): number;
  bytes: number;
  location: string;
}

/** The JSON size Excel would send for a value, in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value);
  if (json === undefined) return 0;
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) continue;
    // 2 bytes up to U+07FF, 3 above; a surrogate pair (two UTF-16 units) is 4 bytes.
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/**
 * Resolves in a later task (not a microtask), without the 4 ms clamp browsers put on nested
 * setTimeout(0), so thousands of syncs stay fast.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === "function") {
      setImmediate(resolve);
      return;
    }
    if (typeof MessageChannel === "function") {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
      return;
    }
    setTimeout(resolve, 0);
  });
}

export function toOfficeError(error: unknown, location: string): OfficeExtensionError {
  if (error instanceof OfficeExtensionError) return error;
  if (error instanceof WorkbookError) return new OfficeExtensionError(error.code, error.message, location);
  const message = error instanceof Error ? error.message : String(error);
  return new OfficeExtensionError(ErrorCodes.generalException, message, location);
}

export class RequestContext {
  /** The model the requests act on (not part of Office.js; the emulation's own). */
  readonly model: Workbook;
  readonly trackedObjects = {
    add: (..._objects: unknown[]) => undefined,
    remove: (..._objects: unknown[]) => undefined,
  };
  private actions: Action[] = [];
  private afterSyncHooks: (() => void)[] = [];
  /** Set by Excel.run when its batch has finished; later syncs fail as in Excel. */
  closed = false;
  /** suspendApiCalculationUntilNextSync() was called: reads in this sync see uncalculated values. */
  calculationSuspended = false;
  /** Filled by the workbook proxy factory (kept loose here to avoid an import cycle). */
  workbook!: unknown;

  constructor(model: Workbook) {
    this.model = model;
  }

  /** Actions being applied by the running sync, and where actions queued while applying go. */
  private running: Action[] | undefined;
  private insertAt = 0;

  /** @internal Queues an action for the next sync (while a sync applies actions, as the next one). */
  _queue(run: () => number | void, bytes: number, location: string): void {
    const action = { run: () => run() ?? 0, bytes: bytes + ACTION_OVERHEAD_BYTES, location };
    if (this.running) this.running.splice(this.insertAt++, 0, action);
    else this.actions.push(action);
  }

  /** @internal Runs after the current sync's actions were applied. */
  _afterSync(hook: () => void): void {
    this.afterSyncHooks.push(hook);
  }

  /** Sends the queued actions: applies them in order; rejects with the first failure. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.actions;
    this.actions = [];
    const hooks = this.afterSyncHooks;
    this.afterSyncHooks = [];
    // A real sync is a round trip: nothing is applied before the caller's next await.
    await nextTask();
    if (this.closed && actions.length) {
      throw new OfficeExtensionError(
        ErrorCodes.invalidObjectPath,
        "The object path isn't working for what you're trying to do. The request context of this object has already ended (objects cannot be used outside their Excel.run).",
      );
    }
    const requestBytes = actions.reduce((sum, a) => sum + a.bytes, 0);
    if (actions.length > 0) recordSync(this.model, requestBytes);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new OfficeExtensionError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        `The request payload size (${requestBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES} bytes. Split the operation into smaller batches.`,
      );
    }
    let responseBytes = 0;
    let failure: OfficeExtensionError | undefined;
    this.running = actions;
    try {
      this.model.batch(() => {
        for (let i = 0; i < actions.length; i++) {
          this.insertAt = i + 1;
          try {
            responseBytes += actions[i].run();
          } catch (error) {
            failure = toOfficeError(error, actions[i].location);
            return;
          }
        }
      });
    } finally {
      this.running = undefined;
      this.calculationSuspended = false;
    }
    hooks.forEach((hook) => hook());
    if (failure) throw failure;
    if (responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new OfficeExtensionError(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        `The response payload size (${responseBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES} bytes. Load fewer cells per sync.`,
      );
    }
    return passThroughValue as T;
  }
}

/** A property of a proxy class: how it is read from (and written to) the model at sync time. */
export interface PropertySpec<O> {
  get(obj: O): unknown;
  set?(obj: O, value: unknown): void;
}

type Constructor<O> = { prototype: O; name: string };

const SPECS = new WeakMap<object, { entity: string; props: Record<string, PropertySpec<never>> }>();

/**
 * Defines loadable properties on a proxy class: reading throws PropertyNotLoaded until load()+sync()
 * (or a local set) gave it a value; writing stores the value locally and queues the write.
 */
export function defineProperties<O extends ClientObject>(
  cls: Constructor<O>,
  entity: string,
  props: Record<string, PropertySpec<O>>,
): void {
  SPECS.set(cls.prototype, { entity, props: props as Record<string, PropertySpec<never>> });
  for (const [name, spec] of Object.entries(props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: O) {
        if (this._isNull) return null;
        if (!this._values.has(name)) throw propertyNotLoaded(name, entity);
        return this._values.get(name);
      },
      set(this: O, value: unknown) {
        if (!spec.set) {
          throw new OfficeExtensionError(
            ErrorCodes.invalidArgument,
            `The property '${name}' is read-only.`,
            `${entity}.${name}`,
          );
        }
        this._values.set(name, value);
        this.context._queue(() => spec.set!(this._checked(), value), jsonBytes(value), `${entity}.${name}`);
      },
    });
  }
}

function specsOf(obj: object): { entity: string; props: Record<string, PropertySpec<never>> } {
  let proto = Object.getPrototypeOf(obj);
  while (proto) {
    const spec = SPECS.get(proto);
    if (spec) return spec;
    proto = Object.getPrototypeOf(proto);
  }
  return { entity: "Object", props: {} };
}

export type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[] };

/** Splits "a, b/c" or ["a", "b/c"] or {select, expand} into property paths. */
export function loadPaths(option?: LoadOption): string[] | undefined {
  if (option === undefined || option === null) return undefined;
  const parts = (v: string | string[] | undefined) =>
    v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean);
  if (typeof option === "string" || Array.isArray(option)) return parts(option);
  return [...parts(option.select), ...parts(option.expand)];
}

/** The base of every proxy: load(), toJSON(), isNullObject, and target resolution at sync time. */
export abstract class ClientObject {
  /** @internal Loaded (or locally set) property values. */
  readonly _values = new Map<string, unknown>();
  /** @internal True for an *OrNullObject proxy whose item does not exist (known after sync). */
  _isNull = false;
  private nullKnown: boolean;

  constructor(
    readonly context: RequestContext,
    nullable = false,
  ) {
    this.nullKnown = !nullable;
  }

  /** @internal Marks the proxy null or not (resolution of an *OrNullObject). */
  _setNull(isNull: boolean): void {
    this._isNull = isNull;
    this.nullKnown = true;
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) throw propertyNotLoaded("isNullObject", specsOf(this).entity);
    return this._isNull;
  }

  /** @internal The proxy itself, refusing to act on a null object (as Excel does at sync). */
  _checked(): this {
    if (this._isNull) {
      throw new OfficeExtensionError(
        ErrorCodes.invalidObjectPath,
        "The object path isn't working for what you're trying to do: the object is a null object.",
      );
    }
    return this;
  }

  /** Queues loading of the given properties (all scalar properties when none given). */
  load(option?: LoadOption): this {
    const { entity, props } = specsOf(this);
    const paths = loadPaths(option) ?? Object.keys(props);
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      const name = head.trim();
      if (rest.length || !(name in props)) {
        const nav = (this as unknown as Record<string, unknown>)[name];
        if (nav instanceof ClientObject) {
          nav.load(rest.length ? rest.join("/") : undefined);
          continue;
        }
        if (this._loadSpecial(name, rest.join("/"))) continue;
        this.context._queue(
          () => {
            throw invalidArgument(`The property '${name}' is not valid for ${entity}.`, `${entity}.load`);
          },
          0,
          `${entity}.load`,
        );
        continue;
      }
      const spec = props[name] as PropertySpec<this>;
      this.context._queue(
        () => {
          if (this._isNull) return 0;
          // Excel recalculates after each write unless calculation was suspended for this sync.
          if (!this.context.calculationSuspended) this.context.model.calculateNow();
          const value = spec.get(this);
          this._values.set(name, value);
          return jsonBytes(value);
        },
        name.length,
        `${entity}.load`,
      );
    }
    return this;
  }

  /** Sets several properties at once, as Office.js objects' set({ ... }) does (nested objects too). */
  set(properties: Record<string, unknown>): void {
    const { props } = specsOf(this);
    const self = this as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(properties)) {
      // Loadable properties are assigned (reading them first would throw PropertyNotLoaded).
      const nested = name in props ? undefined : self[name];
      if (nested instanceof ClientObject && value && typeof value === "object" && !Array.isArray(value)) {
        nested.set(value as Record<string, unknown>);
      } else {
        self[name] = value;
      }
    }
  }

  /** @internal Collections handle "items" and item property paths. */
  _loadSpecial(_name: string, _rest: string): boolean {
    return false;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._values) out[k] = v;
    return out;
  }
}

/**
 * A proxy that stands for something resolved when the call that created it runs at sync (a range's
 * rectangle, a sheet's or table's id): later actions in the batch see it; *OrNullObject proxies become
 * null objects instead of failing.
 */
export abstract class ResolvedObject<T> extends ClientObject {
  /** @internal */
  _target: T | undefined;

  constructor(
    context: RequestContext,
    private readonly entity: string,
    resolve: () => T | null,
    nullable = false,
  ) {
    super(context, nullable);
    context._queue(
      () => {
        const target = resolve();
        if (target === null) this._setNull(true);
        else {
          this._target = target;
          if (nullable) this._setNull(false);
        }
      },
      0,
      entity,
    );
  }

  /** @internal What the proxy stands for; fails on a null object. */
  _resolved(): T {
    this._checked();
    if (this._target === undefined) {
      throw new OfficeExtensionError(
        ErrorCodes.invalidObjectPath,
        `The ${this.entity} could not be resolved.`,
      );
    }
    return this._target;
  }
}

/** ClientResult<T>: the value of a method such as getCount(), readable after sync. */
export class ClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  /** @internal */
  _set(value: T): void {
    this.result = value;
    this.loaded = true;
  }

  get value(): T {
    if (!this.loaded) throw propertyNotLoaded("value", "ClientResult");
    return this.result as T;
  }
}
