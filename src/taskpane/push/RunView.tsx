import { RunOutcomeView } from "./RunOutcomeView";
import { RunProgressView } from "./RunProgressView";
import type { Push } from "./usePush";

/** The run of a push, where the pane shows one (Push and History): its progress, then its outcome. */
export function RunView({ push }: { push: Push }): JSX.Element | null {
  if (push.active) return <RunProgressView run={push.active} />;
  if (!push.outcome) return null;
  return (
    <RunOutcomeView
      outcome={push.outcome}
      onSelectFailed={() => void push.selectFailed()}
      onRetryFailed={() => void push.retryFailed()}
      onUndo={() => void push.undo()}
      onNew={push.back}
    />
  );
}
