// Request schemas of §3 (storage). The clear takes no body; a JSON one may give a reason,
// which goes to the audit log.
import { z } from "../messages";

export const clearStorageRequest = z.object({ reason: z.string().trim().max(1000).optional() });
