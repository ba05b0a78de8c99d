// npm run build: a production build, recorded so that `npm start` does not build again.
import { buildIfNeeded } from "./build-if-needed";

process.exit(buildIfNeeded(process.cwd(), { force: true }) ? 0 : 1);
