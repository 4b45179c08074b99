import { describe, expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { readmeSection, tableRows } from '../support/readme.js';

const emulator = useEmulator();

/** The README's error table rows whose "when" mentions `close()`, as class name -> when. */
async function closeRows(): Promise<Map<string, string>> {
  const rows = tableRows(await readmeSection('Errors'));
  return new Map(rows.filter((row) => row[2]?.includes('`close()`')).map((row) => [row[0]!.replaceAll('`', ''), row[2]!]));
}

describe('close() and the README error table', () => {
  it('throws the class the table names: for a call in flight, and for a call started after close()', async () => {
    const tribe = sdk.createTribeClient(appOptions(emulator.current));
    await tribe.sdk.network();
    emulator.current.injectFault({ operation: 'network', delayMs: 5_000, times: 1 });
    const inFlight = tribe.sdk.network().catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    tribe.close();
    const inFlightError = await inFlight;
    const afterError = await tribe.sdk.network().catch((error: unknown) => error);

    const rows = await closeRows();
    const classOf = (error: unknown): string => (error as Error).constructor.name;
    expect(inFlightError).toBeInstanceOf(sdk.TribeError);
    expect(afterError).toBeInstanceOf(sdk.TribeError);
    expect(rows.get(classOf(inFlightError))).toMatch(/in flight/);
    expect(rows.get(classOf(afterError))).toMatch(/after `close\(\)`/);
    expect([...rows.keys()].sort()).toEqual([...new Set([classOf(inFlightError), classOf(afterError)])].sort());
  });
});
