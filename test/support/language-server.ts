import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';

const require = createRequire(import.meta.url);
/** The language server editors run for GraphQL (a devDependency), started over stdio. */
const SERVER = require.resolve('graphql-language-service-server');

/** A diagnostic as the server publishes it. */
export interface Diagnostic {
  message: string;
  severity?: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** A running language server for one project folder, spoken to as an editor does. */
export interface LanguageServer {
  /** Opens a file with this text; its diagnostics arrive through {@link LanguageServer.diagnostics}. */
  open(path: string, languageId: 'graphql' | 'typescript', text: string): Promise<void>;
  /** The labels the server completes at 0-based `line` and `character` of an opened file. */
  complete(path: string, line: number, character: number): Promise<string[]>;
  /** Resolves with the next diagnostics published for `path` (bounded: 60 s). */
  diagnostics(path: string): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

/** Starts the server in `root` (its graphql-config is read from there) and initialises it. */
export async function startLanguageServer(root: string): Promise<LanguageServer> {
  const boot = `import(${JSON.stringify(pathToFileURL(SERVER).href)}).then((server) => (server.startServer ?? server.default.startServer)({ method: 'stream' }))`;
  const child: ChildProcess = spawn(process.execPath, ['-e', boot], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, Array<(diagnostics: Diagnostic[]) => void>>();
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
    const listeners = waiting.get(params.uri) ?? [];
    waiting.delete(params.uri);
    for (const listener of listeners) listener(params.diagnostics);
  });
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  connection.listen();
  const uri = (path: string): string => pathToFileURL(path).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri(root),
    capabilities: {},
    workspaceFolders: [{ uri: uri(root), name: 'app' }],
  });
  connection.sendNotification('initialized', {});
  return {
    async open(path, languageId, text) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId, version: 1, text } });
    },
    async complete(path, line, character) {
      const answer = (await connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(path) }, position: { line, character } })) as
        { items: Array<{ label: string }> } | Array<{ label: string }> | null;
      const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
      return items.map((item) => item.label);
    },
    diagnostics(path) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${path} within 60 s; the server said: ${stderr.slice(-2000)}`)), 60_000);
        const listeners = waiting.get(uri(path)) ?? [];
        listeners.push((diagnostics) => {
          clearTimeout(timer);
          resolve(diagnostics);
        });
        waiting.set(uri(path), listeners);
      });
    },
    async stop() {
      await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2_000))]).catch(() => undefined);
      connection.dispose();
      child.kill('SIGTERM');
    },
  };
}
