/**
 * The Connect panel's state: the form (prefilled from the last connection), sign-in and sign-out,
 * and the signed-in client, which lives in the shared runtime so =HALO.ID and the pane see the same one.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { isHaloError, type HaloClient } from "../../halo";
import { loadSavedConnection, saveConnection, type SignInMethod } from "../../office/savedConnection";
import { SignInDialogError } from "../../office/signInDialog";
import { getSignedInClient, setSignedInClient, subscribe } from "../../runtime";
import type { ConnectServices } from "./connectServices";
import { explainBlockedCall } from "./reachability";
import { resumePkceSignIn, signInWithPkce, signInWithSecret } from "./signIn";

export interface ConnectForm {
  instanceUrl: string;
  method: SignInMethod;
  clientId: string;
  /** Held in this component's memory only, and cleared once signed in. */
  clientSecret: string;
}

export interface Connection {
  form: ConnectForm;
  update(change: Partial<ConnectForm>): void;
  /** The signed-in client, or undefined. */
  client: HaloClient | undefined;
  busy: boolean;
  /** What went wrong, ready to show (Halo errors carry a message written for the user). */
  error: string | undefined;
  /** Changes with every error shown, even the same text again, so the message is re-announced. */
  errorSeq: number;
  connect(): Promise<void>;
  signOut(): Promise<void>;
}

const EMPTY_FORM: ConnectForm = {
  instanceUrl: "",
  method: "authorizationCode",
  clientId: "",
  clientSecret: "",
};

/** Only messages written for the user are shown; anything else might carry text we did not vet. */
function messageOf(error: unknown, doing: string): string {
  if (isHaloError(error) || error instanceof SignInDialogError) return error.message;
  return `${doing} failed unexpectedly${error instanceof Error ? ` (${error.name})` : ""}; try again.`;
}

export function useConnection(services: ConnectServices): Connection {
  const [form, setForm] = useState<ConnectForm>(EMPTY_FORM);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ error: string | undefined; seq: number }>({
    error: undefined,
    seq: 0,
  });
  // The latest error replaces the one before; each one counts, so it is announced again.
  const setError = useCallback((error: string | undefined): void => {
    setShown((current) => ({ error, seq: error === undefined ? current.seq : current.seq + 1 }));
  }, []);
  const client = useSyncExternalStore(subscribe, getSignedInClient);

  useEffect(() => {
    let live = true;
    const prefillAndResume = async (): Promise<void> => {
      const saved = await loadSavedConnection(services.storage);
      if (!live) return;
      if (!saved) {
        // npm start: filled in for the local sandbox (never a secret); a real build has no prefill.
        const sandbox = services.prefill;
        if (sandbox)
          setForm((current) =>
            current.instanceUrl || current.clientId ? current : { ...current, ...sandbox },
          );
        return;
      }
      // Fill only what the user has not started typing.
      setForm((current) => ({
        ...current,
        instanceUrl: current.instanceUrl || saved.instanceUrl,
        clientId: current.clientId || saved.clientId,
        method: current.instanceUrl || current.clientId ? current.method : saved.method,
      }));
      if (getSignedInClient() !== undefined) return;
      setBusy(true);
      try {
        const resumed = await resumePkceSignIn(services, saved);
        if (live && resumed && getSignedInClient() === undefined) setSignedInClient(resumed);
      } catch (failure) {
        if (live) setError(`Your last sign-in could not be resumed: ${messageOf(failure, "Resuming")}`);
      } finally {
        if (live) setBusy(false);
      }
    };
    prefillAndResume().catch(() => undefined); // Storage unreadable: only the prefill is lost.
    return () => {
      live = false;
    };
  }, [services, setError]);

  const update = useCallback((change: Partial<ConnectForm>) => {
    setForm((current) => ({ ...current, ...change }));
  }, []);

  const connect = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn =
        form.method === "clientCredentials"
          ? await signInWithSecret(services, form)
          : await signInWithPkce(services, form);
      setSignedInClient(signedIn);
      setForm((current) => ({ ...current, clientSecret: "" }));
      await saveConnection(services.storage, {
        instanceUrl: signedIn.instanceUrl,
        clientId: form.clientId.trim(),
        method: form.method,
      }).catch(() => undefined); // Signed in all the same; only next time's prefill is lost.
    } catch (failure) {
      const probe = services.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
      setError(messageOf(await explainBlockedCall(failure, form.instanceUrl, probe), "Sign-in"));
    } finally {
      setBusy(false);
    }
  }, [form, services, setError]);

  const signOut = useCallback(async () => {
    const current = getSignedInClient();
    setError(undefined);
    setSignedInClient(undefined);
    try {
      await current?.signOut();
    } catch (failure) {
      setError(messageOf(failure, "Sign-out"));
    }
  }, [setError]);

  return { form, update, client, busy, error: shown.error, errorSeq: shown.seq, connect, signOut };
}
