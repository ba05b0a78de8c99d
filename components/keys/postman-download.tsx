// The Postman collection carries an active key's prefix, so the server refuses it (400) while
// no key is active: the button says so instead of failing.
import type { PipelineKey } from "@/components/pipelines/types";
import { postmanUrl } from "./use-keys";

const NO_ACTIVE_KEY = "No active key: switch one on, or create one, to download a Postman collection.";

export function PostmanDownload({ org, pipelineId, keys }: { org: string; pipelineId: string; keys: PipelineKey[] }) {
  const ready = keys.some((key) => key.is_active);
  if (ready) {
    return (
      <a href={postmanUrl(org, pipelineId)} download className="btn-secondary" data-testid="postman-download">
        Download Postman collection
      </a>
    );
  }
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        className="btn-secondary"
        disabled
        title={NO_ACTIVE_KEY}
        aria-describedby="postman-refusal"
        data-testid="postman-download"
      >
        Download Postman collection
      </button>
      <p id="postman-refusal" className="text-sm text-ink-muted" data-testid="postman-refusal">
        {NO_ACTIVE_KEY}
      </p>
    </div>
  );
}
