/** The active cell's address ("Sheet1!D4"), kept current while the form is shown: where "at the selected cell" lands. */
import { useEffect, useState } from "react";
import type { PullServices } from "./pullServices";

export function useActiveCell(services: PullServices): string | undefined {
  const [address, setAddress] = useState<string | undefined>(undefined);
  useEffect(() => {
    let latest = 0;
    let live = true;
    const read = (): void => {
      // Only the newest read may set the address: selections can change faster than Excel answers.
      const mine = ++latest;
      services.activeCellAddress().then(
        (found) => {
          if (live && mine === latest) setAddress(found);
        },
        () => {
          // Not readable (e.g. while a cell is being edited): the label stays without an address.
          if (live && mine === latest) setAddress(undefined);
        },
      );
    };
    read();
    const stopSelection = services.onSelectionChanged(read);
    const stopSheet = services.onActiveSheetChanged(read);
    return () => {
      live = false;
      stopSelection();
      stopSheet();
    };
  }, [services]);
  return address;
}
