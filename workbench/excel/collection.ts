/* The shared behaviour of Office.js collections: `items` must be loaded (load("items"),
   load("items/name") or load("name")) and synced before it can be read. */
import { ClientObject, ClientResult, loadPaths, type LoadOption, type RequestContext } from "./clientObject";
import { propertyNotLoaded } from "./errors";

export abstract class Collection<T extends ClientObject> extends ClientObject {
  private loadedItems: T[] | undefined;

  constructor(
    context: RequestContext,
    private readonly entity: string,
  ) {
    super(context);
  }

  /** @internal Proxies for the collection's current members (resolved already). */
  abstract _members(): T[];

  /** @internal How many members there are, without making proxies for them. */
  abstract _count(): number;

  get items(): T[] {
    if (!this.loadedItems) throw propertyNotLoaded("items", this.entity);
    return this.loadedItems;
  }

  override load(option?: LoadOption): this {
    const paths = loadPaths(option);
    if (paths === undefined) return (this.loadItems(undefined), this);
    const own: string[] = [];
    const itemPaths: string[] = [];
    for (const path of paths) {
      if (path === "items") itemPaths.push("");
      else if (path.startsWith("items/")) itemPaths.push(path.slice("items/".length));
      else if (this.isOwnProperty(path)) own.push(path);
      else itemPaths.push(path);
    }
    if (own.length) super.load(own);
    if (itemPaths.length) this.loadItems(itemPaths.filter(Boolean));
    return this;
  }

  /** @internal Collection-level properties (count) are loaded by the base class. */
  protected isOwnProperty(_path: string): boolean {
    return false;
  }

  private loadItems(itemPaths: string[] | undefined): void {
    this.context._queue(
      () => {
        const members = this._members();
        this.loadedItems = members;
        // Each member loads its own properties in this same sync, right after this action.
        for (const m of members) m.load(itemPaths && itemPaths.length ? itemPaths : undefined);
        return 0;
      },
      0,
      `${this.entity}.load`,
    );
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), items: (this.loadedItems ?? []).map((item) => item.toJSON()) };
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context._queue(
      () => {
        result._set(this._count());
        return 8;
      },
      0,
      `${this.entity}.getCount`,
    );
    return result;
  }
}
