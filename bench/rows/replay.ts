// The floor: the statements a domain call sent, replayed through the bench's own connection.
import type { BenchDb, Statement } from "../db";

export function replay(b: BenchDb, statements: Statement[]): () => Promise<void> {
  return async () => {
    await Promise.all(statements.map((s) => b.query(s.text, s.params)));
  };
}
