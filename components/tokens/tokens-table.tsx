"use client";

import { useState } from "react";
import { errorMessage } from "@/components/api-client";
import { formatDateTime, isPast } from "@/components/format";
import { ConfirmRow, useConfirmStep } from "@/components/ui/confirm-inline";
import { EmptyState, ErrorNotice, Loading } from "@/components/ui/status";
import { useRevokeToken, useTokens, type Token } from "./use-tokens";

export function TokensTable({ orgId }: { orgId: string }) {
  const tokens = useTokens(orgId);
  const [refusal, setRefusal] = useState<string | null>(null);

  return (
    <section aria-labelledby="tokens-heading" className="card">
      <h2 id="tokens-heading" className="border-b border-gray-200 px-4 py-3 text-lg font-semibold sm:px-6">
        Your tokens
        {tokens.data && <span className="ml-2 text-sm font-normal text-ink-muted">({tokens.data.length})</span>}
      </h2>
      {refusal && (
        <div className="px-4 pt-4 sm:px-6">
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="revoke-token-error">
            {refusal}
          </p>
        </div>
      )}
      <div className="px-4 sm:px-6">
        {tokens.isPending ? (
          <Loading label="Loading tokens…" />
        ) : tokens.isError ? (
          <div className="py-4">
            <ErrorNotice title="Could not load your tokens." error={tokens.error} onRetry={() => void tokens.refetch()} />
          </div>
        ) : tokens.data.length === 0 ? (
          <EmptyState>You have no tokens in this organization. Create one above for your scripts.</EmptyState>
        ) : (
          <table className="w-full table-fixed text-left text-sm" data-testid="tokens-table">
            {/* Widths live on the columns: a hidden column must be 0 wide, or the confirm row's
                colSpan gives it a share of the name's width. */}
            <colgroup>
              <col />
              <col className="w-0 sm:w-36" />
              <col className="w-0 lg:w-44" />
              <col className="w-0 lg:w-44" />
              <col className="w-0 lg:w-44" />
              <col className="w-24" />
            </colgroup>
            <thead className="text-xs uppercase tracking-wide text-ink-faint">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">Token</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium lg:table-cell">Created</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium lg:table-cell">Last used</th>
                <th scope="col" className="hidden py-2 pr-3 font-medium lg:table-cell">Expires</th>
                <th scope="col" className="py-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {tokens.data.map((token) => (
                <TokenRow
                  key={token.id}
                  orgId={orgId}
                  token={token}
                  onRefused={(message) => setRefusal(message)}
                  onStart={() => setRefusal(null)}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

interface TokenRowProps {
  orgId: string;
  token: Token;
  onRefused: (message: string) => void;
  onStart: () => void;
}

function TokenRow({ orgId, token, onRefused, onStart }: TokenRowProps) {
  const revokeToken = useRevokeToken(orgId);
  const { confirming, openerRef, open, cancel } = useConfirmStep();
  const expired = isPast(token.expires_at);
  const expires = expired ? `expired ${formatDateTime(token.expires_at)}` : formatDateTime(token.expires_at);

  function revoke() {
    revokeToken.mutate(token.id, {
      onError: (error) => {
        cancel();
        onRefused(`Could not revoke “${token.name}”: ${errorMessage(error)}`);
      },
    });
  }

  return (
    <>
      <tr data-testid="token-row" data-name={token.name}>
        <td className="py-3 pr-3 align-top">
          <div className="truncate font-medium" title={token.name}>
            {token.name}
          </div>
          {/* Narrow screens: the hidden columns' facts, in one small block under the name. */}
          <dl className="mt-1 space-y-0.5 text-xs text-ink-muted lg:hidden">
            <div className="sm:hidden">
              <dt className="inline">Token: </dt>
              <dd className="inline font-mono">{token.prefix}…</dd>
            </div>
            <div>
              <dt className="inline">Created: </dt>
              <dd className="inline">{formatDateTime(token.created_at)}</dd>
            </div>
            <div>
              <dt className="inline">Last used: </dt>
              <dd className="inline">{formatDateTime(token.last_used_at)}</dd>
            </div>
            <div>
              <dt className="inline">Expires: </dt>
              <dd className={`inline ${expired ? "text-bad" : ""}`}>{expires}</dd>
            </div>
          </dl>
        </td>
        <td className="hidden truncate py-3 pr-3 align-top font-mono text-ink-muted sm:table-cell" data-testid="token-prefix">
          {token.prefix}…
        </td>
        <td className="hidden truncate py-3 pr-3 align-top text-ink-muted lg:table-cell">{formatDateTime(token.created_at)}</td>
        <td className="hidden truncate py-3 pr-3 align-top text-ink-muted lg:table-cell">{formatDateTime(token.last_used_at)}</td>
        <td className={`hidden truncate py-3 pr-3 align-top lg:table-cell ${expired ? "text-bad" : "text-ink-muted"}`} data-testid="token-expires">
          {expires}
        </td>
        <td className="py-2 text-right align-top">
          <button
            ref={openerRef}
            type="button"
            className="btn-secondary py-1"
            data-testid="revoke-token"
            aria-expanded={confirming}
            onClick={() => {
              onStart();
              open();
            }}
          >
            Revoke<span className="sr-only"> {token.name}</span>
          </button>
        </td>
      </tr>
      {confirming && (
        <ConfirmRow
          colSpan={6}
          question={`Revoke “${token.name}”? Scripts using it stop working at once.`}
          confirmLabel="Revoke"
          pendingLabel="Revoking…"
          pending={revokeToken.isPending}
          onConfirm={revoke}
          onCancel={cancel}
          testId="confirm-revoke-token"
        />
      )}
    </>
  );
}
