/* Takes the screenshots of docs/install.md from what runs here (no real Excel or Halo): the task pane in
   the workbench, the sandbox's sign-in consent page, and a production manifest as a browser shows it.
   Run: npx tsx test/browser/installScreenshots.ts */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import packageInfo from "../../package.json";
import { HALO_CLOUD_ORIGINS } from "../../scripts/build/buildSettings";
import { renderManifest } from "../../scripts/build/manifest";
import { TEST_ORIGIN } from "../build/productionBuild";
import { runScript, withWorkbench } from "./harness/scriptBrowser";
import { signInWithSecret } from "./harness/signIn";

const IMAGES = path.resolve(__dirname, "../../docs/images");

runScript(() =>
  withWorkbench(async ({ page, workbench, servers }) => {
    const pane = workbench.taskpane();
    await signInWithSecret(pane, servers.sandboxUrl);
    await pane.getByText(`Connected to ${servers.sandboxUrl}`).waitFor({ timeout: 15_000 });
    await page.locator('iframe[name="taskpane"]').screenshot({ path: path.join(IMAGES, "install-pane.png") });

    const consent = new URL("/auth/authorize", servers.sandboxUrl);
    consent.search = new URLSearchParams({
      client_id: "halosheet-demo",
      response_type: "code",
      redirect_uri: `${servers.baseUrl}/dialog.html`,
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      scope: "all",
      state: "example",
    }).toString();
    await page.setViewportSize({ width: 700, height: 520 });
    await page.goto(consent.toString());
    await page.screenshot({ path: path.join(IMAGES, "install-consent.png") });

    const manifest = renderManifest(
      readFileSync("manifest.xml", "utf8"),
      { origin: TEST_ORIGIN, haloOrigins: HALO_CLOUD_ORIGINS },
      packageInfo.version,
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), "halosheet-manifest-")), "manifest.xml");
    writeFileSync(file, manifest);
    await page.setViewportSize({ width: 1000, height: 620 });
    await page.goto(`file://${file}`);
    await page.screenshot({ path: path.join(IMAGES, "install-manifest.png") });
    console.log(`wrote install-pane.png, install-consent.png and install-manifest.png in ${IMAGES}`);
  }),
);
