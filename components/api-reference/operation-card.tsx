"use client";

// One operation: how to call it (method, path, auth, parameters, body) and what it answers.
// Parameters, body and answers sit behind a disclosure and are rendered only once opened: laid
// out for every operation at once they made a page of over 9,000 elements.
import { Fragment, useEffect, useState, type ReactNode } from "react";
import { FieldList } from "./field-list";
import { InlineText } from "./inline-text";
import { MethodBadge, StatusBadge } from "./method-badge";
import {
  authLabel,
  contentOf,
  fieldsOf,
  parameterFields,
  refName,
  typeLabel,
  type OpenApiDocument,
  type Operation,
} from "./openapi-view";

export function OperationCard({ doc, operation }: { doc: OpenApiDocument; operation: Operation }) {
  const id = operation.operationId;
  const parameters = parameterFields(operation);
  const body = contentOf(operation.requestBody?.content);
  const bodyFields = fieldsOf(doc, body?.schema);

  return (
    <article
      id={id}
      aria-labelledby={`${id}-title`}
      className="card scroll-mt-4 p-4 sm:p-5"
      data-testid="operation"
      data-operation-id={id}
      data-method={operation.method}
      data-path={operation.path}
    >
      <div className="flex items-start gap-2 sm:gap-3">
        <MethodBadge method={operation.method} />
        <code className="min-w-0 flex-1 pt-px font-mono text-sm text-ink [overflow-wrap:anywhere]" data-testid="operation-path">
          <PathText path={operation.path} />
        </code>
      </div>
      <div className="mt-2 flex items-baseline gap-2">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          {operation.summary}
        </h3>
        <a href={`#${id}`} className="rounded text-sm text-ink-faint hover:text-brand-700" aria-label={`Link to ${operation.summary}`}>
          #
        </a>
      </div>
      <p className="mt-1 text-sm text-ink-muted">
        <span className="font-medium text-ink">Auth:</span> <span data-testid="operation-auth">{authLabel(operation)}</span>
      </p>
      {operation.description && (
        <p className="mt-2 text-sm leading-relaxed">
          <InlineText text={operation.description} />
        </p>
      )}

      <LazyDetails id={id} summary={operation.summary}>
        <div className="mt-3 grid gap-x-8 gap-y-4 lg:grid-cols-2">
          <div className="min-w-0 space-y-4">
            {parameters.length > 0 && (
              <section aria-labelledby={`${id}-parameters`}>
                <h4 id={`${id}-parameters`} className="text-xs font-semibold uppercase tracking-wide text-ink-faint">
                  Parameters
                </h4>
                <FieldList fields={parameters} />
              </section>
            )}
            {body && (
              <section aria-labelledby={`${id}-body`} data-testid="request-body">
                <h4 id={`${id}-body`} className="text-xs font-semibold uppercase tracking-wide text-ink-faint">
                  Request body{" "}
                  <span className="font-mono font-normal normal-case tracking-normal">
                    {body.mediaType}
                    {body.schema?.$ref ? ` · ${refName(body.schema.$ref)}` : ""}
                    {operation.requestBody?.required ? "" : " · optional"}
                  </span>
                </h4>
                {bodyFields.length > 0 ? <FieldList fields={bodyFields} /> : <p className="py-2 text-sm text-ink-muted">{typeLabel(body.schema)}</p>}
              </section>
            )}
            {parameters.length === 0 && !body && <p className="text-sm text-ink-faint">No parameters and no request body.</p>}
          </div>

          <section aria-labelledby={`${id}-responses`} className="min-w-0">
            <h4 id={`${id}-responses`} className="text-xs font-semibold uppercase tracking-wide text-ink-faint">
              Responses
            </h4>
            <ul className="divide-y divide-gray-100">
              {Object.entries(operation.responses).map(([status, response]) => (
                <ResponseItem key={status} doc={doc} status={status} response={response} />
              ))}
            </ul>
          </section>
        </div>
      </LazyDetails>
    </article>
  );
}

/** Closed at first, open when the URL points at the operation; the content exists once opened. */
function LazyDetails({ id, summary, children }: { id: string; summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const openIfLinked = () => {
      if (window.location.hash === `#${id}`) setOpen(true);
    };
    openIfLinked();
    window.addEventListener("hashchange", openIfLinked);
    return () => window.removeEventListener("hashchange", openIfLinked);
  }, [id]);
  return (
    <details className="mt-3" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 hover:underline" data-testid="operation-details">
        Parameters and responses<span className="sr-only"> of {summary}</span>
      </summary>
      {open && children}
    </details>
  );
}

/** A path that may wrap after each "/" rather than inside a word. */
function PathText({ path }: { path: string }) {
  return (
    <>
      {path.split("/").map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              /<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function ResponseItem({ doc, status, response }: { doc: OpenApiDocument; status: string; response: Operation["responses"][string] }) {
  const content = contentOf(response.content);
  const schemaName = content?.schema ? typeLabel(content.schema) : null;
  const fields = status.startsWith("2") ? fieldsOf(doc, content?.schema) : [];
  return (
    <li className="py-2" data-testid="response" data-status={status}>
      <div className="flex items-start gap-2">
        <StatusBadge status={status} />
        <div className="min-w-0 flex-1 text-sm">
          <InlineText text={response.description} />
          {schemaName && schemaName !== "object" && <span className="ml-1 whitespace-nowrap font-mono text-xs text-ink-muted">{schemaName}</span>}
        </div>
      </div>
      {fields.length > 0 && (
        <details className="group mt-1 pl-[3.25rem]">
          <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 hover:underline">
            {fields.length} fields<span className="sr-only"> of the {status} answer</span>
          </summary>
          <div className="mt-1">
            <FieldList fields={fields} />
          </div>
        </details>
      )}
    </li>
  );
}
