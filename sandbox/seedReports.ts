/**
 * The saved reports of the demo instance. "Clients with tax code" is the Postman guide's example: its
 * columns are API field names (id, item_tax_code), so the rows can be edited and pushed straight back.
 */
import type { SavedReport } from "./reportStore";

export const PUBLISHED_REPORT_ID = "5d6f7a80-3b1c-4e2a-9f00-7e1d2c3b4a51";

export const DEMO_REPORTS: Omit<SavedReport, "id">[] = [
  {
    name: "Clients with tax code",
    description: "Every active client with its item tax code (edit item_tax_code and push back to Client).",
    sql:
      "SELECT a.id, a.name, a.item_tax_code, t.name AS item_tax_code_name, a.CFContractRef\n" +
      "FROM Area a LEFT JOIN Tax t ON t.id = a.item_tax_code\n" +
      "WHERE ISNULL(a.inactive, 0) = 0\nORDER BY a.name",
    reportgroup_name: "Finance",
    hiddenColumns: [],
    is_published: false,
    published_id: null,
  },
  {
    name: "Items with tax code and price",
    description:
      "Items with their tax code, sale and cost price (prices arrive as text, as Halo sends them).",
    sql:
      "SELECT i.id, i.name, i.taxcode, t.name AS taxcode_name, i.baseprice, i.costprice, i.CFGLCode\n" +
      "FROM Item i LEFT JOIN Tax t ON t.id = i.taxcode\nORDER BY i.name",
    reportgroup_name: "Finance",
    hiddenColumns: [],
    is_published: false,
    published_id: null,
  },
  {
    name: "Assets by client",
    description: "Active assets with client, site, type, warranty end and purchase order.",
    sql:
      "SELECT d.id, d.client_id, d.client_name, d.site_name, d.inventory_number, d.key_field, d.assettype_name,\n" +
      "  d.warranty_end, d.CFPurchaseOrder\nFROM Device d\nWHERE ISNULL(d.inactive, 0) = 0\n" +
      "ORDER BY d.client_name, d.inventory_number",
    reportgroup_name: "Assets",
    hiddenColumns: ["client_id"],
    is_published: false,
    published_id: null,
  },
  {
    name: "Users by site",
    description: "Users with their site, client and employee number.",
    sql:
      "SELECT u.id, u.name, u.emailaddress, u.site_id, u.site_name, u.client_name, u.CFEmployeeNumber\n" +
      "FROM Users u\nWHERE ISNULL(u.inactive, 0) = 0\nORDER BY u.client_name, u.name",
    reportgroup_name: "Customers",
    hiddenColumns: [],
    is_published: false,
    published_id: null,
  },
  {
    name: "Open tickets by agent",
    description: "Count of open tickets per agent (published).",
    sql:
      "SELECT f.agent_name AS agent, COUNT(*) AS open_tickets, MIN(f.dateoccurred) AS oldest\n" +
      "FROM Faults f\nWHERE f.status_id NOT IN (8, 9)\nGROUP BY f.agent_name\nORDER BY open_tickets DESC",
    reportgroup_name: "Service Desk",
    hiddenColumns: [],
    is_published: true,
    published_id: PUBLISHED_REPORT_ID,
  },
];
