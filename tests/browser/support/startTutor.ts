import type { AddressInfo } from "node:net";
import { buildTestApp, type TestApp, type TestAppOptions } from "../../support/buildTestApp.js";

export interface RunningTutor {
  test: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app (real index, retriever, answerer, pages), listening on 127.0.0.1:0. */
export async function startTutor(options: TestAppOptions = {}): Promise<RunningTutor> {
  const test = await buildTestApp(options);
  await test.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = test.app.server.address() as AddressInfo;
  return { test, baseUrl: `http://127.0.0.1:${port}`, close: () => test.close() };
}
