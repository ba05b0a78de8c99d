"use client";

// A new connection: name, kind, connector, its config as JSON, and whether a wrapper process
// runs the connector. The form checks what the server would refuse before sending.
import { useId, useState, type FormEvent } from "react";
import { formErrors } from "@/components/api-client";
import { showToast } from "@/components/ui/toast";
import { FieldError, FormError } from "@/components/ui/status";
import { TextField } from "@/components/ui/text-field";
import { CONNECTORS as BUILT_IN_CONNECTORS } from "@/lib/vocabulary";
import { useCreateResource, type NewResource, type ResourceKind } from "./use-resources";

const CONNECTORS: Record<ResourceKind, readonly string[]> = BUILT_IN_CONNECTORS;

const TEMPLATES: Record<string, Record<string, unknown>> = {
  sample: { count: 100, delay_ms: 0, failure_rate: 0 },
  http: { url: "https://example.com/orders.json", cursor_field: "updated_at" },
  table: { table: "events" },
};

const template = (connector: string) => JSON.stringify(TEMPLATES[connector] ?? {}, null, 2);
const MAX_NAME = 100;
const FIELDS = ["name", "kind", "connector", "config", "with_wrapper"] as const;

type Field = "name" | "config";

/** The checks the server makes, so the form can say what is wrong beside the field. */
function validate(name: string, connector: string, configText: string): { errors: Partial<Record<Field, string>>; config: Record<string, unknown> | null } {
  const errors: Partial<Record<Field, string>> = {};
  const trimmed = name.trim();
  if (!trimmed) errors.name = "Enter a name.";
  else if (trimmed.length > MAX_NAME) errors.name = `Use at most ${MAX_NAME} characters.`;
  let config: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = configText.trim() === "" ? {} : JSON.parse(configText);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) errors.config = 'The config must be a JSON object, such as {"count": 100}.';
    else config = parsed as Record<string, unknown>;
  } catch (error) {
    errors.config = `The config is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (config && connector === "http" && !(typeof config.url === "string" && /^https?:\/\/\S+$/i.test(config.url))) {
    errors.config = 'An http source needs "url": an http:// or https:// address.';
  }
  if (config && connector === "table" && !(typeof config.table === "string" && /^[a-z_][a-z0-9_]{0,50}$/.test(config.table))) {
    errors.config = 'A table destination needs "table": 1–51 lower-case letters, digits or "_", not starting with a digit.';
  }
  return { errors, config };
}

export function CreateResourceForm({ org }: { org: string }) {
  const id = useId();
  const create = useCreateResource(org);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<ResourceKind>("source");
  const [connector, setConnector] = useState("sample");
  const [configText, setConfigText] = useState(template("sample"));
  const [configEdited, setConfigEdited] = useState(false);
  const [withWrapper, setWithWrapper] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const server = formErrors(create.error, FIELDS);

  function chooseConnector(next: string) {
    setConnector(next);
    // An untouched example follows the connector; what someone typed is kept.
    if (!configEdited) setConfigText(template(next));
  }

  function chooseKind(next: ResourceKind) {
    setKind(next);
    const first = CONNECTORS[next][0] ?? "";
    if (!CONNECTORS[next].includes(connector)) chooseConnector(first);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(name, connector, configText);
    setErrors(checked.errors);
    if (!checked.config || Object.keys(checked.errors).length > 0) return;
    const input: NewResource = { name: name.trim(), kind, connector, config: checked.config, with_wrapper: withWrapper };
    create.mutate(input, {
      onSuccess: (resource) => {
        showToast(`Connection ${resource.name} was created.`);
        setName("");
        setConfigEdited(false);
        setConfigText(template(connector));
        setWithWrapper(false);
      },
    });
  }

  const configError = errors.config ?? server.field("config");
  const configHint = `${id}-config-hint`;
  const configErrorId = `${id}-config-error`;

  return (
    <section aria-labelledby={`${id}-heading`} className="card p-4 sm:p-6">
      <h2 id={`${id}-heading`} className="mb-4 text-lg font-semibold">
        New connection
      </h2>
      <form onSubmit={submit} noValidate className="space-y-4" data-testid="create-resource-form">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id="resource-name"
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            maxLength={MAX_NAME + 20}
            placeholder="e.g. orders API"
            error={errors.name ?? server.field("name")}
          />
          <div>
            <label htmlFor="resource-kind" className="label">
              Kind
            </label>
            <select id="resource-kind" className="input" value={kind} onChange={(event) => chooseKind(event.target.value as ResourceKind)} data-testid="resource-kind">
              <option value="source">Source</option>
              <option value="destination">Destination</option>
            </select>
          </div>
          <div>
            <label htmlFor="resource-connector" className="label">
              Connector
            </label>
            <select id="resource-connector" className="input" value={connector} onChange={(event) => chooseConnector(event.target.value)} data-testid="resource-connector">
              {CONNECTORS[kind].map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <label htmlFor="resource-config" className="label">
            Config (JSON)
          </label>
          <textarea
            id="resource-config"
            className={`input min-h-[7rem] font-mono text-xs ${configError ? "border-bad" : ""}`}
            value={configText}
            spellCheck={false}
            onChange={(event) => {
              setConfigText(event.target.value);
              setConfigEdited(true);
            }}
            aria-invalid={configError ? true : undefined}
            aria-describedby={[configHint, configError ? configErrorId : null].filter(Boolean).join(" ")}
            data-testid="resource-config"
          />
          <p id={configHint} className="mt-1 text-xs text-ink-faint">
            sample: count, delay_ms, failure_rate · http: url, cursor_field · table: table
          </p>
          <FieldError id={configErrorId} message={configError} />
        </div>
        <div className="flex items-start gap-2">
          <input
            id="resource-wrapper"
            type="checkbox"
            className="mt-1 h-4 w-4 rounded border-gray-300"
            checked={withWrapper}
            onChange={(event) => setWithWrapper(event.target.checked)}
            data-testid="resource-wrapper"
          />
          <label htmlFor="resource-wrapper" className="text-sm">
            Run a wrapper process for this connector <span className="text-ink-faint">(supervised; its status and heartbeat show below)</span>
          </label>
        </div>
        <FormError messages={server.general} testId="create-resource-error" />
        <div className="flex justify-end">
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={create.isPending} data-testid="create-resource-submit">
            {create.isPending ? "Creating…" : "Create connection"}
          </button>
        </div>
      </form>
    </section>
  );
}
