/* The workbench page: an Excel host in the browser for the add-in's real task pane and functions. */
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (!container) throw new Error("workbench.html has no #root element.");
createRoot(container).render(<p>HaloSheet workbench</p>);
