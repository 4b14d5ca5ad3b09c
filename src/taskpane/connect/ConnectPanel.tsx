import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle1,
} from "@fluentui/react-components";
import type { FormEvent } from "react";
import type { SignInMethod } from "../../office/savedConnection";
import type { ConnectServices } from "./connectServices";
import { useLayoutStyles } from "../layoutStyles";
import { useConnection } from "./useConnection";

/** Brings a newly shown message into view when the pane was scrolled down (jsdom has no scrolling). */
function scrollIntoView(element: HTMLDivElement | null): void {
  element?.scrollIntoView?.({ block: "nearest" });
}

/** Step 1: the instance URL and a sign-in; then "Connected to <instance>" with Sign out. */
export function ConnectPanel({ services }: { services: ConnectServices }): JSX.Element {
  const layout = useLayoutStyles();
  const { form, update, client, busy, error, errorSeq, connect, signOut } = useConnection(services);
  // One error at a time, at the top where it is seen without scrolling; keyed by its number so each
  // new error mounts afresh and Fluent announces it (role alert for screen readers as well).
  const errorBar =
    error === undefined ? null : (
      <MessageBar key={errorSeq} intent="error" role="alert" ref={scrollIntoView}>
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );

  if (client !== undefined) {
    return (
      <section className={layout.panel} aria-label="Connect">
        {errorBar}
        <MessageBar intent="success">
          <MessageBarBody>Connected to {client.instanceUrl}</MessageBarBody>
        </MessageBar>
        <div className={layout.actions}>
          <Button onClick={() => void signOut()}>Sign out</Button>
        </div>
      </section>
    );
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void connect();
  };

  return (
    <form className={layout.panel} aria-label="Connect" onSubmit={submit}>
      <Subtitle1 as="h2">Connect to Halo</Subtitle1>
      {errorBar}
      <Field label="Instance URL" hint="e.g. acme.halopsa.com" required>
        <Input value={form.instanceUrl} onChange={(_, data) => update({ instanceUrl: data.value })} />
      </Field>
      <Field label="Sign-in method">
        <RadioGroup
          value={form.method}
          onChange={(_, data) => update({ method: data.value as SignInMethod })}
        >
          <Radio value="authorizationCode" label="Sign in with Halo (PKCE)" />
          <Radio value="clientCredentials" label="Client ID + secret" />
        </RadioGroup>
      </Field>
      <Field label="Client ID" required>
        <Input value={form.clientId} onChange={(_, data) => update({ clientId: data.value })} />
      </Field>
      {form.method === "clientCredentials" ? (
        <>
          <Field label="Client secret" required>
            <Input
              type="password"
              autoComplete="off"
              value={form.clientSecret}
              onChange={(_, data) => update({ clientSecret: data.value })}
            />
          </Field>
          <MessageBar intent="warning">
            <MessageBarBody>
              The secret is kept in memory only, until this pane closes. HaloSheet then acts as the API
              application&apos;s agent: every change is made as that agent, not as you.
            </MessageBarBody>
          </MessageBar>
        </>
      ) : (
        <Body1>A Halo sign-in window opens; no secret is needed or stored.</Body1>
      )}
      <div className={layout.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Sign in
        </Button>
        {busy ? <Spinner size="tiny" label="Signing in…" /> : null}
      </div>
    </form>
  );
}
