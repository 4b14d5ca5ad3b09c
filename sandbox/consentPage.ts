/** The small consent page of /auth/authorize: Allow posts the form back, Deny redirects with an error. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function consentPage(params: Record<string, string>, clientId: string): string {
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n      ");
  const scope = escapeHtml(params.scope ?? "all");
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Halo sandbox: sign in</title>
  <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
  button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style></head>
  <body>
    <h1>Halo sandbox</h1>
    <p>The application <strong>${escapeHtml(clientId)}</strong> asks to access this Halo instance as the
    demo agent with the permissions <code>${scope}</code>.</p>
    <form method="post" action="authorize">
      ${hidden}
      <button type="submit" name="decision" value="allow" id="allow">Allow</button>
      <button type="submit" name="decision" value="deny" id="deny">Deny</button>
    </form>
  </body>
</html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Halo sandbox: error</title></head>
<body><h1>Sign-in error</h1><p>${escapeHtml(message)}</p></body></html>`;
}
