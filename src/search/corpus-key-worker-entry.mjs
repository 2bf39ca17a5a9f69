// Worker threads do not inherit tsx's loader from execArgv (Node 20), so this plain entry
// registers it and then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./corpus-key-worker.ts');
